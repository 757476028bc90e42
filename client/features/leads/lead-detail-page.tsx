import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { v7 as uuidv7 } from 'uuid';
import { LEAD_COMPONENTS, scoreLead, type LeadScore } from '../../../shared/domain/portal/lead-score.ts';
import { leadsOfStage, moveTarget } from '../../../shared/domain/portal/pipeline.ts';
import { LEAD_STAGES, type Lead, type LeadInteraction } from '../../../shared/entities/portal.ts';
import type { SignedInUser } from '../../../shared/identity.ts';
import { useCollection, useDeviceData, useDeviceUser, useLiveDocument } from '../../db/device-data.tsx';
import { useDependencies } from '../../platform/dependencies.tsx';
import { useFormat } from '../../platform/use-format.ts';
import { useNow } from '../../platform/use-now.ts';
import { Button, ButtonLink } from '../../ui/button.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { InputField, TextAreaField } from '../../ui/form-fields.tsx';
import { InboxIcon } from '../../ui/icons.tsx';
import { Notice } from '../../ui/notice.tsx';
import { Page } from '../../ui/page.tsx';
import {
  buildInteraction,
  buildMove,
  canWriteLeads,
  TIMED_TYPES,
  withInteraction,
  type ErrorMessage,
  type InteractionField,
} from './lead-writes.ts';
import { timelineOf } from './lead-view.ts';
import { useLeadScoring } from './use-lead-scoring.ts';
import { useLeadsScope } from './leads-scope.tsx';
import styles from './leads.module.css';

/**
 * `/inicio/leads/:leadId` — one lead: its stage (changeable here, the phone's way to move a card), its score
 * with the breakdown and the recommended action (dashboard §3B, the shared `scoreLead`), its details, and the
 * communication timeline (§3C) with a form to log an e-mail, call, WhatsApp, meeting or note. Every write is
 * local first, so it works offline. Staff open the same screen for any customer (`/clientes/:id/leads/:leadId`,
 * through `LeadsScope`): the lead read online, without the stage and log forms (staff cannot write leads).
 */
export function LeadDetailPage() {
  const { leadId } = useParams();
  const { t } = useTranslation('leads');
  const { error } = useDeviceData();
  const user = useDeviceUser();
  const now = useNow(60_000);
  const scope = useLeadsScope();
  const [announcement, setAnnouncement] = useState('');
  const lead = scope.leads.value.find((l) => l.id === leadId && l.customerId === scope.customerId) ?? null;
  const scoring = useLeadScoring();
  const score = useMemo(
    () => (lead ? scoreLead({ lead, now: now.toISOString(), config: scoring }) : null),
    [lead, now, scoring],
  );

  if (!scope.leads.ready || !user) {
    return (
      <Page title={scope.title ?? t('pipeline.title')}>
        {scope.banner}
        {error ? (
          <Notice tone="error">{t('pipeline.deviceError')}</Notice>
        ) : (
          <p role="status" className={styles.muted}>
            {t('pipeline.loading')}
          </p>
        )}
      </Page>
    );
  }
  if (!lead || !score) {
    return (
      <Page title={t('detail.notFoundTitle')}>
        {scope.banner}
        <EmptyState
          icon={<InboxIcon />}
          title={t('detail.notFoundTitle')}
          actions={<Link to={scope.paths.pipeline}>{t('detail.backToPipeline')}</Link>}
        >
          {t('detail.notFoundBody')}
        </EmptyState>
      </Page>
    );
  }
  const writable = !scope.readOnly && canWriteLeads(user);
  return (
    <Page
      title={lead.name}
      description={
        <span className={styles.badges}>
          {lead.company ? <span>{lead.company}</span> : null}
          <span className={styles.stageBadge}>{t(`stage.${lead.stage}`)}</span>
        </span>
      }
    >
      {scope.banner}
      <p className={styles.backRow}>
        <Link to={scope.paths.pipeline}>{t('detail.backToPipeline')}</Link>
        {writable ? <ButtonLink to={scope.paths.edit(lead.id)}>{t('detail.edit')}</ButtonLink> : null}
      </p>
      <div className={styles.detailGrid}>
        <div className={styles.stack}>
          <ScoreCard name={lead.name} score={score} />
          {writable ? <StageForm lead={lead} user={user} onSaved={setAnnouncement} /> : null}
        </div>
        <LeadFacts lead={lead} />
        <Timeline lead={lead} now={now} />
        {writable ? <LogInteraction lead={lead} user={user} onSaved={setAnnouncement} /> : null}
      </div>
      <p role="status" className={announcement ? styles.muted : 'visually-hidden'}>
        {announcement}
      </p>
    </Page>
  );
}

function ScoreCard({ name, score }: { name: string; score: LeadScore }) {
  const { t } = useTranslation('leads');
  const headingId = useId();
  return (
    <section className={styles.panel} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.panelTitle}>
        {t('detail.scoreHeading')}
      </h2>
      <p className={styles.scoreLine}>
        <span>{name}</span>
        <strong>{t('detail.scoreValue', { score: score.total })}</strong>
      </p>
      <ul className={styles.breakdown}>
        {LEAD_COMPONENTS.map((k) => (
          <li key={k}>
            <span>{t(`component.${k}`)}</span>
            <span>
              {t('detail.pointsOf', { points: score.breakdown[k].points, max: score.breakdown[k].max })}
            </span>
          </li>
        ))}
        {score.rules.map((r) => (
          <li key={r.id}>{t('detail.rulePoints', { label: r.label, points: r.points })}</li>
        ))}
      </ul>
      <p className={`${styles.bandNote} ${styles[score.band]}`}>
        <strong>{t(`band.${score.band}`)}</strong>
        <span>{t('detail.recommended', { action: t(`action.${score.action.code}`) })}</span>
      </p>
    </section>
  );
}

function StageForm(props: { lead: Lead; user: SignedInUser; onSaved: (m: string) => void }) {
  const { lead, user, onSaved } = props;
  const { t } = useTranslation('leads');
  const collection = useCollection('leads');
  const all = useLeadsScope().leads;
  const headingId = useId();
  const [stage, setStage] = useState<Lead['stage']>(lead.stage);
  const [failed, setFailed] = useState<ErrorMessage | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (stage === lead.stage) return;
    if (!collection) return setFailed({ key: 'notReady' });
    const others = leadsOfStage(all.value, stage).filter((l) => l.id !== lead.id);
    const result = buildMove(lead, moveTarget(others, stage), user);
    if (!result.ok) return setFailed(result.formError);
    try {
      const doc = await collection.findOne(lead.id).exec();
      if (!doc) throw new Error('lead vanished');
      await doc.incrementalPatch(result.value);
      setFailed(null);
      onSaved(t('detail.stageSaved', { stage: t(`stage.${stage}`) }));
    } catch {
      setFailed({ key: 'saveFailed' });
    }
  }

  return (
    <section className={styles.panel} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.panelTitle}>
        {t('detail.stageHeading')}
      </h2>
      <form className={styles.inlineForm} onSubmit={(e) => void submit(e)}>
        <label className={styles.filter}>
          <span>{t('detail.stageLabel')}</span>
          <select
            value={stage}
            onChange={(e) => setStage(LEAD_STAGES.find((s) => s === e.target.value) ?? lead.stage)}
          >
            {LEAD_STAGES.map((s) => (
              <option key={s} value={s}>
                {t(`stage.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <Button type="submit" disabled={stage === lead.stage}>
          {t('detail.moveButton')}
        </Button>
      </form>
      {failed ? (
        <Notice tone="error" role="alert">
          {t(`errors.${failed.key}`, { max: failed.max ?? 0 })}
        </Notice>
      ) : null}
    </section>
  );
}

function LeadFacts({ lead }: { lead: Lead }) {
  const { t } = useTranslation('leads');
  const format = useFormat();
  const { paths } = useLeadsScope();
  const campaign = useLiveDocument('campaigns', lead.campaignId ?? undefined).docs[0] ?? null;
  const headingId = useId();
  const missing = <span className={styles.muted}>{t('detail.notInformed')}</span>;
  return (
    <section className={styles.panel} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.panelTitle}>
        {t('detail.detailsHeading')}
      </h2>
      <dl className={styles.facts}>
        <div>
          <dt>{t('detail.value')}</dt>
          <dd>{format.money(lead.valueCents)}</dd>
        </div>
        <div>
          <dt>{t('detail.budget')}</dt>
          <dd>{lead.budgetCents === null ? missing : format.money(lead.budgetCents)}</dd>
        </div>
        <div>
          <dt>{t('detail.email')}</dt>
          <dd>{lead.email ? <a href={`mailto:${lead.email}`}>{lead.email}</a> : missing}</dd>
        </div>
        <div>
          <dt>{t('detail.phone')}</dt>
          <dd>
            {lead.phone ? <a href={`tel:${lead.phone.replace(/[^\d+]/g, '')}`}>{lead.phone}</a> : missing}
          </dd>
        </div>
        <div>
          <dt>{t('detail.source')}</dt>
          <dd>{lead.source ?? missing}</dd>
        </div>
        {campaign ? (
          <div>
            <dt>{t('detail.campaign')}</dt>
            <dd>
              <Link to={paths.campaign(campaign.id)}>{campaign.name}</Link>
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t('detail.decisionTimeline')}</dt>
          <dd>{t(`timeline.${lead.timeline}`)}</dd>
        </div>
        <div>
          <dt>{t('detail.role')}</dt>
          <dd>{t(`authority.${lead.authority}`)}</dd>
        </div>
        <div>
          <dt>{t('detail.createdAt')}</dt>
          <dd>{format.date(lead.createdAt)}</dd>
        </div>
      </dl>
    </section>
  );
}

function Timeline({ lead, now }: { lead: Lead; now: Date }) {
  const { t } = useTranslation('leads');
  const format = useFormat();
  const headingId = useId();
  const items = timelineOf(lead);
  return (
    <section className={`${styles.panel} ${styles.wide}`} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.panelTitle}>
        {t('detail.historyHeading')}
      </h2>
      {items.length === 0 ? (
        <p className={styles.muted}>{t('detail.noHistory')}</p>
      ) : (
        <ol className={styles.timeline}>
          {items.map((i) => (
            <li key={i.id} className={styles.timelineItem}>
              <span aria-hidden="true" className={`${styles.timelineIcon} ${styles[`type_${i.type}`]}`} />
              <div className={styles.timelineBody}>
                <p className={styles.timelineHead}>
                  <strong>{t(`interaction.${i.type}`)}</strong>
                  {i.direction ? <span>{t(`interaction.${i.direction}`)}</span> : null}
                  <time dateTime={i.createdAt} title={format.dateTime(i.createdAt)}>
                    {format.relative(i.createdAt, now)}
                  </time>
                  {i.durationMinutes !== null ? (
                    <span>({t('interaction.duration', { minutes: i.durationMinutes })})</span>
                  ) : null}
                </p>
                {i.subject ? <p>{i.subject}</p> : null}
                {i.content ? <p className={styles.muted}>{i.content}</p> : null}
                {i.outcome ? (
                  <p className={styles.muted}>{t('interaction.outcome', { outcome: i.outcome })}</p>
                ) : null}
                {i.nextAction ? (
                  <p className={styles.muted}>{t('interaction.nextAction', { action: i.nextAction })}</p>
                ) : null}
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

const TYPES: readonly LeadInteraction['type'][] = ['call', 'whatsapp', 'email', 'meeting', 'note'];

function LogInteraction(props: { lead: Lead; user: SignedInUser; onSaved: (m: string) => void }) {
  const { lead, user, onSaved } = props;
  const { t } = useTranslation('leads');
  const { now } = useDependencies();
  const collection = useCollection('leads');
  const headingId = useId();
  const [type, setType] = useState<LeadInteraction['type']>('call');
  const [direction, setDirection] = useState<'inbound' | 'outbound'>('outbound');
  const [subject, setSubject] = useState('');
  const [duration, setDuration] = useState('');
  const [content, setContent] = useState('');
  const [errors, setErrors] = useState<Partial<Record<InteractionField, ErrorMessage>>>({});
  const [formError, setFormError] = useState<ErrorMessage | null>(null);
  const [saving, setSaving] = useState(false);
  const text = (e: ErrorMessage | undefined) => (e ? t(`errors.${e.key}`, { max: e.max ?? 0 }) : undefined);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    const result = buildInteraction(
      lead,
      { type, direction, subject, duration, content },
      { user, id: uuidv7(), now: now() },
    );
    if (!result.ok) {
      setErrors(result.fieldErrors);
      setFormError(result.formError);
      return;
    }
    if (!collection) return setFormError({ key: 'notReady' });
    setSaving(true);
    try {
      const doc = await collection.findOne(lead.id).exec();
      if (!doc) throw new Error('lead vanished');
      // Appended to the stored state: a pull may have brought other interactions since this screen rendered.
      await doc.incrementalModify((data) => withInteraction(data, result.value));
      setErrors({});
      setFormError(null);
      setSubject('');
      setDuration('');
      setContent('');
      onSaved(t('detail.logSaved'));
    } catch {
      setFormError({ key: 'saveFailed' });
    } finally {
      setSaving(false);
    }
  }

  return (
    <section className={`${styles.panel} ${styles.wide}`} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.panelTitle}>
        {t('detail.logHeading')}
      </h2>
      <form className={styles.logForm} onSubmit={(e) => void submit(e)} noValidate>
        <fieldset className={styles.choices}>
          <legend>{t('detail.logType')}</legend>
          {TYPES.map((k) => (
            <label key={k} className={styles.choice}>
              <input
                type="radio"
                name="interaction-type"
                value={k}
                checked={type === k}
                onChange={() => setType(k)}
              />
              <span>{t(`interaction.${k}`)}</span>
            </label>
          ))}
        </fieldset>
        {type !== 'note' ? (
          <fieldset className={styles.choices}>
            <legend>{t('detail.logDirection')}</legend>
            {(['outbound', 'inbound'] as const).map((d) => (
              <label key={d} className={styles.choice}>
                <input
                  type="radio"
                  name="interaction-direction"
                  value={d}
                  checked={direction === d}
                  onChange={() => setDirection(d)}
                />
                <span>{t(`interaction.${d}`)}</span>
              </label>
            ))}
          </fieldset>
        ) : null}
        {type === 'email' ? (
          <InputField
            label={t('detail.logSubject')}
            value={subject}
            onChange={(e) => setSubject(e.target.value)}
            error={text(errors.subject)}
          />
        ) : null}
        {TIMED_TYPES.includes(type) ? (
          <InputField
            label={t('detail.logDuration')}
            inputMode="numeric"
            value={duration}
            onChange={(e) => setDuration(e.target.value)}
            error={text(errors.duration)}
          />
        ) : null}
        <TextAreaField
          label={t('detail.logContent')}
          rows={3}
          value={content}
          onChange={(e) => setContent(e.target.value)}
          error={text(errors.content)}
        />
        {formError ? (
          <Notice tone="error" role="alert">
            {text(formError)}
          </Notice>
        ) : null}
        <div>
          <Button type="submit" disabled={saving}>
            {saving ? t('detail.logSaving') : t('detail.logSave')}
          </Button>
        </div>
      </form>
    </section>
  );
}
