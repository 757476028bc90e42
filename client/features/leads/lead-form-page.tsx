import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { v7 as uuidv7 } from 'uuid';
import { leadsOfStage } from '../../../shared/domain/portal/pipeline.ts';
import { LEAD_STAGES, leadSchema, type Lead } from '../../../shared/entities/portal.ts';
import { useCollection, useDeviceUser, useLiveDocument } from '../../db/device-data.tsx';
import { useDependencies } from '../../platform/dependencies.tsx';
import { useFormat } from '../../platform/use-format.ts';
import { Button } from '../../ui/button.tsx';
import { InputField } from '../../ui/form-fields.tsx';
import { Notice } from '../../ui/notice.tsx';
import { Page } from '../../ui/page.tsx';
import { buildLead, reaisText, type ErrorMessage, type LeadField, type LeadInput } from './lead-writes.ts';
import { leadPaths } from './paths.ts';
import { useMyLeads } from './use-my-leads.ts';
import styles from './leads.module.css';

const TIMELINES = leadSchema.shape.timeline.options;
const AUTHORITIES = leadSchema.shape.authority.options;

/** `/inicio/leads/novo` — a new lead, written to the device (offline too). */
export function NewLeadPage() {
  const { t } = useTranslation('leads');
  return (
    <Page title={t('form.newTitle')}>
      <LeadForm before={null} />
    </Page>
  );
}

/** `/inicio/leads/:leadId/editar` — the lead's details (its timeline and score inputs stay). */
export function EditLeadPage() {
  const { leadId } = useParams();
  const { t } = useTranslation('leads');
  const user = useDeviceUser();
  const live = useLiveDocument('leads', leadId);
  const lead = live.docs[0] ?? null;
  if (!live.ready || !user) {
    return (
      <Page title={t('detail.edit')}>
        <p role="status" className={styles.muted}>
          {t('pipeline.loading')}
        </p>
      </Page>
    );
  }
  if (!lead || lead.customerId !== user.customerId) {
    return (
      <Page title={t('detail.notFoundTitle')}>
        <p>
          <Link to={leadPaths.pipeline}>{t('detail.backToPipeline')}</Link>
        </p>
      </Page>
    );
  }
  return (
    <Page title={t('form.editTitle', { name: lead.name })}>
      <LeadForm key={lead.id} before={lead} />
    </Page>
  );
}

function LeadForm({ before }: { before: Lead | null }) {
  const { t } = useTranslation('leads');
  const navigate = useNavigate();
  const { now } = useDependencies();
  const { language } = useFormat();
  const user = useDeviceUser();
  const collection = useCollection('leads');
  const leads = useMyLeads();
  const summaryRef = useRef<HTMLDivElement>(null);
  const [input, setInput] = useState<LeadInput>(() => ({
    name: before?.name ?? '',
    company: before?.company ?? '',
    email: before?.email ?? '',
    phone: before?.phone ?? '',
    value: reaisText(before?.valueCents ?? null, language),
    budget: reaisText(before?.budgetCents ?? null, language),
    source: before?.source ?? '',
    stage: before?.stage ?? 'new',
    timeline: before?.timeline ?? 'unknown',
    authority: before?.authority ?? 'unknown',
  }));
  const [errors, setErrors] = useState<Partial<Record<LeadField, ErrorMessage>>>({});
  const [formError, setFormError] = useState<ErrorMessage | null>(null);
  const [saving, setSaving] = useState(false);
  const set = (patch: Partial<LeadInput>) => setInput((v) => ({ ...v, ...patch }));
  const text = (e: ErrorMessage | undefined) => (e ? t(`errors.${e.key}`, { max: e.max ?? 0 }) : undefined);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    if (!user || !collection) return setFormError({ key: 'notReady' });
    const id = before?.id ?? uuidv7();
    const result = buildLead(input, {
      user,
      before,
      id,
      now: now(),
      language,
      stageLeads: leadsOfStage(leads.value, input.stage).filter((l) => l.id !== id),
    });
    if (!result.ok) {
      setErrors(result.fieldErrors);
      setFormError(
        result.formError ?? (Object.keys(result.fieldErrors).length > 0 ? null : { key: 'invalid' }),
      );
      queueMicrotask(() => summaryRef.current?.focus());
      return;
    }
    setSaving(true);
    try {
      if (before) {
        const doc = await collection.findOne(before.id).exec();
        if (!doc) throw new Error('lead vanished');
        // Interactions may have arrived since the form opened: keep the stored ones.
        await doc.incrementalModify((data) => ({ ...result.value, interactions: data.interactions }));
      } else {
        await collection.insert(result.value);
      }
      void navigate(leadPaths.lead(result.value.id));
    } catch {
      setFormError({ key: 'saveFailed' });
      setSaving(false);
    }
  }

  const hasErrors = formError !== null || Object.keys(errors).length > 0;
  return (
    <form className={styles.leadForm} onSubmit={(e) => void submit(e)} noValidate>
      {hasErrors ? (
        <Notice tone="error" role="alert" ref={summaryRef}>
          {formError ? text(formError) : t('form.errorSummary')}
        </Notice>
      ) : null}
      <InputField
        label={t('form.name')}
        requiredMark={t('form.required')}
        value={input.name}
        onChange={(e) => set({ name: e.target.value })}
        error={text(errors.name)}
        autoComplete="off"
      />
      <InputField
        label={t('form.company')}
        value={input.company}
        onChange={(e) => set({ company: e.target.value })}
        error={text(errors.company)}
      />
      <InputField
        label={t('form.email')}
        type="email"
        value={input.email}
        onChange={(e) => set({ email: e.target.value })}
        error={text(errors.email)}
      />
      <InputField
        label={t('form.phone')}
        type="tel"
        value={input.phone}
        onChange={(e) => set({ phone: e.target.value })}
        error={text(errors.phone)}
      />
      <InputField
        label={t('form.value')}
        inputMode="decimal"
        value={input.value}
        onChange={(e) => set({ value: e.target.value })}
        error={text(errors.value)}
      />
      <InputField
        label={t('form.budget')}
        inputMode="decimal"
        value={input.budget}
        onChange={(e) => set({ budget: e.target.value })}
        error={text(errors.budget)}
      />
      <InputField
        label={t('form.source')}
        hint={t('form.sourceHint')}
        value={input.source}
        onChange={(e) => set({ source: e.target.value })}
        error={text(errors.source)}
      />
      <label className={styles.filter}>
        <span>{t('form.stage')}</span>
        <select
          value={input.stage}
          onChange={(e) => set({ stage: LEAD_STAGES.find((s) => s === e.target.value) ?? 'new' })}
        >
          {LEAD_STAGES.map((s) => (
            <option key={s} value={s}>
              {t(`stage.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label className={styles.filter}>
        <span>{t('form.decisionTimeline')}</span>
        <select
          value={input.timeline}
          onChange={(e) => set({ timeline: TIMELINES.find((s) => s === e.target.value) ?? 'unknown' })}
        >
          {TIMELINES.map((s) => (
            <option key={s} value={s}>
              {t(`timeline.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label className={styles.filter}>
        <span>{t('form.role')}</span>
        <select
          value={input.authority}
          onChange={(e) => set({ authority: AUTHORITIES.find((s) => s === e.target.value) ?? 'unknown' })}
        >
          {AUTHORITIES.map((s) => (
            <option key={s} value={s}>
              {t(`authority.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <div className={styles.formActions}>
        <Button type="submit" disabled={saving}>
          {saving ? t('form.saving') : t('form.save')}
        </Button>
        <Link to={before ? leadPaths.lead(before.id) : leadPaths.pipeline}>{t('form.cancel')}</Link>
      </div>
    </form>
  );
}
