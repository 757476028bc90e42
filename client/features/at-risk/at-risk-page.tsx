import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MangoQuery } from 'rxdb';
import { v7 as uuidv7 } from 'uuid';
import { daysToAction } from '../../../shared/domain/csm/alert-lifecycle.ts';
import { calendarDate } from '../../../shared/domain/csm/dates.ts';
import type { Activity, Health, Signal } from '../../../shared/entities/csm.ts';
import { useSession } from '../../auth/session-context.tsx';
import { useCollection, useLiveDocuments } from '../../db/device-data.tsx';
import { PLAYBOOKS_DOC, readPlaybooks } from '../../db/device-settings.ts';
import { useLocalValue } from '../../db/local-documents.ts';
import { usePendingIds } from '../../db/pending-writes.ts';
import { useDomainTextFor } from '../../domain-text/use-domain-text.ts';
import { useFormat } from '../../platform/use-format.ts';
import { useNow } from '../../platform/use-now.ts';
import { useConnectivity } from '../../sync-status/use-sync-status.ts';
import { Button } from '../../ui/button.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { AlertIcon } from '../../ui/icons.tsx';
import { Page } from '../../ui/page.tsx';
import { customerPath } from '../customer-360/paths.ts';
import { centsToDecimal, CSV_FORMATS, toCsv } from '../customers/customer-csv.ts';
import { formatMoneyWhole } from '../customers/money.ts';
import { csmNameResolver, useStaffDirectory } from '../customers/staff-directory.ts';
import { AlertLifecycle } from './alert-lifecycle.tsx';
import { followUpTask, logIntervention, playbookTasks, qbrMeeting } from './alert-writes.ts';
import {
  ALL_RISKS,
  atRiskRows,
  csvRecords,
  filterRows,
  riskTypes,
  summarize,
  type AtRiskRow,
} from './at-risk.ts';
import styles from './at-risk.module.css';

const HEALTH_AT_RISK: MangoQuery<Health> = { selector: { riskLevel: { $in: ['warning', 'critical'] } } };
const RISK_ALERTS: MangoQuery<Signal> = { selector: { kind: 'risk_alert' } };
/** Interventions and tasks done for alerts (days to action), and the tasks the playbooks may already have made. */
const FOR_ALERTS: MangoQuery<Activity> = { selector: { signalId: { $ne: null } } };
const LEVEL_GLYPH = { critical: '■', warning: '▲' } as const;

/**
 * `/em-risco` — every customer at risk or critical (customers spec §2.4 wireframe), riskiest first, filtered by
 * risk type; each card with its level, scores, MRR, plan, CSM, factors with their points, the recommendation, the
 * actions (call, re-engagement e-mail, QBR, ROI report, task) and the alert's lifecycle; a summary with the MRR
 * at risk, the average days to action and a CSV export. Reads and writes only the device database, so it works
 * offline; every write is a shared builder's document (alert-writes.ts).
 */
export function AtRiskPage() {
  const { t } = useTranslation('atRisk');
  const format = useFormat();
  const domainText = useDomainTextFor(format.language);
  const now = useNow();
  const filterId = useId();
  const [riskType, setRiskType] = useState<string>(ALL_RISKS);
  const customers = useLiveDocuments('customers');
  const health = useLiveDocuments('health', HEALTH_AT_RISK);
  const alerts = useLiveDocuments('signals', RISK_ALERTS);
  const actions = useLiveDocuments('activities', FOR_ALERTS);
  const ready = customers.ready && health.ready && alerts.ready && actions.ready;

  const rows = useMemo(
    () => atRiskRows(customers.docs, health.docs, alerts.docs),
    [customers.docs, health.docs, alerts.docs],
  );
  const types = useMemo(() => riskTypes(rows), [rows]);
  const visible = useMemo(() => filterRows(rows, riskType), [rows, riskType]);
  const summary = useMemo(() => summarize(visible, actions.docs), [visible, actions.docs]);
  const csmName = useCsmName();

  const exportCsv = () => {
    const csv = CSV_FORMATS[format.language];
    const records = csvRecords(visible, {
      header: Object.values(t('csv.header', { returnObjects: true })),
      level: (level) => t(`level.${level}`),
      plan: (tier) => t(`tiers.${tier}`),
      money: (cents) => centsToDecimal(cents, csv.decimal),
      csm: (id) => (id ? csmName(id) : t('card.noCsm')),
      status: (alert) => (alert ? t(`lifecycle.status.${alertStatus(alert)}`) : t('csv.noAlert')),
      factor: (f) => domainText(f.description),
      text: domainText,
    });
    download(toCsv(records, csv), t('csv.file', { date: calendarDate(now, format.timeZone) }));
  };

  return (
    <Page title={t('title')} description={t('description')}>
      {!ready ? (
        <p role="status" className={styles.muted} aria-busy="true">
          {t('loading')}
        </p>
      ) : rows.length === 0 ? (
        <EmptyState icon={<AlertIcon />} title={t('emptyTitle')}>
          {t('emptyBody')}
        </EmptyState>
      ) : (
        <>
          <section aria-label={t('summary.label')} className={styles.summary}>
            <dl className={styles.stats}>
              <div className={styles.stat} data-tone="risk">
                <dt>{t('summary.mrrAtRisk')}</dt>
                <dd className={styles.statValue}>
                  {formatMoneyWhole(summary.mrrAtRiskCents, format.language)}
                </dd>
                <dd className={styles.statNote}>
                  {t('count', { count: summary.customers })} ·{' '}
                  {t('summary.critical', { count: summary.critical })} ·{' '}
                  {t('summary.warning', { count: summary.warning })}
                </dd>
              </div>
              <div className={styles.stat}>
                <dt>{t('summary.daysToAction')}</dt>
                <dd className={styles.statValue}>
                  {summary.daysToAction.averageDays === null
                    ? t('summary.noAction')
                    : t('summary.days', { value: format.number(summary.daysToAction.averageDays) })}
                </dd>
                {summary.daysToAction.awaiting > 0 ? (
                  <dd className={styles.statNote}>
                    {t('summary.awaiting', { count: summary.daysToAction.awaiting })}
                  </dd>
                ) : null}
              </div>
            </dl>
            <Button variant="secondary" onClick={exportCsv}>
              {t('summary.export')}
            </Button>
          </section>

          <div className={styles.toolbar}>
            <label htmlFor={filterId}>{t('filter.label')}</label>
            <select id={filterId} value={riskType} onChange={(e) => setRiskType(e.target.value)}>
              <option value={ALL_RISKS}>{t('filter.all')}</option>
              {types.map((type) => (
                <option key={type} value={type}>
                  {factorLabel(t, type)}
                </option>
              ))}
            </select>
            <span className={styles.muted}>{t('sortNote')}</span>
          </div>

          {visible.length === 0 ? (
            <EmptyState icon={<AlertIcon />} title={t('emptyFilteredTitle')}>
              {t('emptyFilteredBody')}
            </EmptyState>
          ) : (
            <ul className={styles.list} aria-label={t('listLabel')}>
              {visible.map((row) => (
                <AtRiskCard key={row.customer.id} row={row} actions={actions.docs} csmName={csmName} />
              ))}
            </ul>
          )}
        </>
      )}
    </Page>
  );
}

type T = ReturnType<typeof useTranslation<'atRisk'>>['t'];
const FACTOR_TYPES = new Set([
  'no_login',
  'usage_drop',
  'unanswered_emails',
  'stale_ticket',
  'low_capacity_usage',
  'no_executive_engagement',
  'renewal_soon',
  'ticket_surge',
  'nps_drop',
  'main_contact_left',
] as const);
/** A risk type's label; a type this version does not know (a newer server) shows as it is stored. */
function factorLabel(t: T, type: string): string {
  return FACTOR_TYPES.has(type as never) ? t(`factorTypes.${type as 'no_login'}`) : type;
}

/** The five lifecycle statuses a risk alert can be in (older alerts only use some). */
const alertStatus = (alert: Signal) =>
  alert.status as 'open' | 'acknowledged' | 'in_progress' | 'resolved' | 'dismissed';

function useCsmName() {
  const { user } = useSession();
  const directory = useStaffDirectory();
  return useMemo(
    () => csmNameResolver({ id: user?.id ?? '', name: user?.name ?? '' }, directory, (ref) => `CSM ${ref}`),
    [user?.id, user?.name, directory],
  );
}

function AtRiskCard({
  row,
  actions,
  csmName,
}: {
  row: AtRiskRow;
  actions: readonly Activity[];
  csmName: (id: string) => string;
}) {
  const { t } = useTranslation('atRisk');
  const format = useFormat();
  const domainText = useDomainTextFor(format.language);
  const { customer, health, level, alert } = row;
  const headingId = useId();
  const acted = alert ? daysToAction(alert, actions) : null;
  return (
    <li className={styles.card} data-level={level} aria-labelledby={headingId}>
      <div className={styles.cardHead}>
        <span className={styles.level} data-level={level}>
          <span aria-hidden="true">{LEVEL_GLYPH[level]}</span> {t(`level.${level}`)}
        </span>
        <span className={styles.riskScore}>
          {t('card.riskScore')}: <strong>{health.riskScore}</strong>
        </span>
      </div>
      <h2 id={headingId} className={styles.name}>
        <Link to={customerPath(customer.id)}>{customer.name}</Link>
      </h2>
      <dl className={styles.facts}>
        <div>
          <dt>{t('card.mrr')}</dt>
          <dd>{formatMoneyWhole(customer.mrrCents, format.language)}</dd>
        </div>
        <div>
          <dt>{t('card.health')}</dt>
          <dd>{health.score}</dd>
        </div>
        <div>
          <dt>{t('card.plan')}</dt>
          <dd>{t(`tiers.${customer.tier}`)}</dd>
        </div>
        <div>
          <dt>{t('card.csm')}</dt>
          <dd>{customer.csmId ? csmName(customer.csmId) : t('card.noCsm')}</dd>
        </div>
      </dl>
      <h3 className={styles.subheading}>{t('card.factors')}</h3>
      <ul className={styles.factors}>
        {health.riskFactors.map((f) => (
          <li key={f.type}>
            <span>{domainText(f.description)}</span>
            <span className={styles.points}>{t('card.points', { points: f.impact })}</span>
          </li>
        ))}
      </ul>
      <h3 className={styles.subheading}>{t('card.recommendation')}</h3>
      <p className={styles.recommendation}>{domainText(row.recommendation)}</p>
      <CardActions row={row} />
      {alert ? (
        <AlertLifecycle alert={alert} customer={customer} actedAfterDays={acted} />
      ) : (
        <p className={styles.muted}>{t('lifecycle.noAlert')}</p>
      )}
    </li>
  );
}

function CardActions({ row }: { row: AtRiskRow }) {
  const { t } = useTranslation('atRisk');
  const format = useFormat();
  const { user } = useSession();
  const connectivity = useConnectivity();
  const activities = useCollection('activities');
  const meetings = useCollection('meetings');
  const storedPlaybooks = useLocalValue(PLAYBOOKS_DOC);
  const playbooks = useMemo(() => readPlaybooks(storedPlaybooks), [storedPlaybooks]);
  const [message, setMessage] = useState<string | null>(null);
  const { customer, alert } = row;
  const contact = customer.contacts.find((c) => c.isPrimary && c.leftCompanyAt === null) ?? null;
  const signalId = alert?.id ?? null;
  const saved = (text: string) =>
    setMessage(connectivity === 'online' ? text : `${text} ${t('actions.savedOffline')}`);

  const log = async (type: 'call' | 'email') => {
    if (!user || !activities) return;
    const built = logIntervention(
      {
        customerId: customer.id,
        signalId,
        type,
        title: t(type === 'call' ? 'actions.callTitle' : 'actions.emailTitle', { name: customer.name }),
        to: type === 'call' ? (contact?.phone ?? null) : (contact?.email ?? null),
      },
      user,
      uuidv7(),
      new Date(),
    );
    if (!built.ok) return setMessage(t('actions.notAllowed'));
    try {
      await activities.insert(built.value);
      saved(t('actions.logged'));
    } catch {
      setMessage(t('actions.failed'));
    }
  };

  const scheduleQbr = async () => {
    if (!user || !meetings) return;
    const built = qbrMeeting(
      {
        customer,
        title: t('actions.qbrTitle', { name: customer.name }),
        description: t('actions.qbrDescription'),
      },
      user,
      uuidv7(),
      new Date(),
    );
    if (!built.ok) return setMessage(t('actions.notAllowed'));
    try {
      await meetings.insert(built.value);
      saved(t('actions.qbrDone', { when: format.dateTime(built.value.scheduledAt) }));
    } catch {
      setMessage(t('actions.failed'));
    }
  };

  const createTasks = async () => {
    if (!user || !activities) return;
    const at = new Date();
    // Looked up by primary key (deterministic ids), not by an unindexed `signalId` scan (see alert-lifecycle.tsx).
    const candidates = alert ? playbookTasks(alert, customer, playbooks, new Set(), user, at) : [];
    const held = await activities.findByIds(candidates.map((c) => c.id)).exec();
    let tasks = candidates.filter((c) => !held.has(c.id));
    if (tasks.length === 0) {
      const built = followUpTask(
        { customerId: customer.id, signalId, title: t('actions.taskFollowUp', { name: customer.name }) },
        customer,
        user,
        uuidv7(),
        at,
      );
      if (!built.ok) return setMessage(t('actions.notAllowed'));
      tasks = [built.value];
    }
    try {
      await activities.bulkInsert(tasks);
      saved(t('actions.tasksCreated', { count: tasks.length }));
    } catch {
      setMessage(t('actions.failed'));
    }
  };

  const mailto = contact?.email
    ? `mailto:${encodeURIComponent(contact.email)}?subject=${encodeURIComponent(
        t('actions.emailSubject', { name: customer.name }),
      )}&body=${encodeURIComponent(
        t('actions.emailBody', { contact: contact.firstName, sender: user?.name ?? '' }),
      )}`
    : null;

  return (
    <div className={styles.actionsBlock}>
      <div className={styles.actions} role="group" aria-label={t('card.actions', { name: customer.name })}>
        {contact?.phone ? (
          <a
            className={styles.action}
            href={`tel:${contact.phone.replace(/[^\d+]/g, '')}`}
            onClick={() => void log('call')}
          >
            {t('actions.call')}
          </a>
        ) : null}
        {mailto ? (
          <a className={styles.action} href={mailto} onClick={() => void log('email')}>
            {t('actions.email')}
          </a>
        ) : null}
        <button type="button" className={styles.action} onClick={() => void scheduleQbr()}>
          {t('actions.qbr')}
        </button>
        <Link className={styles.action} to={customerPath(customer.id, 'analytics')}>
          {t('actions.roi')}
        </Link>
        <button type="button" className={styles.action} onClick={() => void createTasks()}>
          {t('actions.task')}
        </button>
      </div>
      {message ? (
        <p role="status" className={styles.message}>
          {message}
        </p>
      ) : null}
      {alert ? <PendingMarker id={alert.id} /> : null}
    </div>
  );
}

function PendingMarker({ id }: { id: string }) {
  const { t } = useTranslation('atRisk');
  const pending = usePendingIds('signals');
  return pending.has(id) ? <span className={styles.pending}>{t('lifecycle.pending')}</span> : null;
}

/** Saves text as a file through a temporary object URL (works offline: nothing leaves the device). */
function download(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
