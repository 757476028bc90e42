import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { MangoQuery } from 'rxdb';
import { ticketPrioritySchema, type Meeting, type Ticket } from '../../../shared/entities/support.ts';
import { useDeviceData, useDeviceUser, useLiveDocuments } from '../../db/device-data.tsx';
import { usePendingIds } from '../../db/pending-writes.ts';
import { useFormat } from '../../platform/use-format.ts';
import { useNow } from '../../platform/use-now.ts';
import { EmptyState } from '../../ui/empty-state.tsx';
import { FormField } from '../../ui/form-field.tsx';
import { InboxIcon } from '../../ui/icons.tsx';
import { Notice } from '../../ui/notice.tsx';
import { Page } from '../../ui/page.tsx';
import { Badge, PriorityBadge, SlaBadge, TicketNumber } from '../tickets/ticket-parts.tsx';
import { pendingMeetingRequests } from './meeting-answers.ts';
import { chatPaths } from '../chat/paths.ts';
import { supportPaths } from './paths.ts';
import { useCustomerNames, useStaffNames } from './staff-names.ts';
import {
  DEFAULT_FILTERS,
  QUEUE_ASSIGNMENTS,
  QUEUE_STATUSES,
  queueSummary,
  supportQueue,
  type QueueAssignment,
  type QueueFilters,
  type QueueItem,
  type QueueStatus,
} from './support-queue.ts';
import styles from './support.module.css';

const ALL_TICKETS: MangoQuery<Ticket> = {};
const ALL_MEETINGS: MangoQuery<Meeting> = {};

/** The filters live in the URL (`?responsavel=meus&status=open&prioridade=urgent`), so a view can be shared. */
function useFilters(): [QueueFilters, (change: Partial<QueueFilters>) => void] {
  const [params, setParams] = useSearchParams();
  const filters = useMemo<QueueFilters>(() => {
    const assignment = params.get('responsavel');
    const status = params.get('status');
    const priority = ticketPrioritySchema.safeParse(params.get('prioridade'));
    return {
      assignment: (QUEUE_ASSIGNMENTS as readonly string[]).includes(assignment ?? '')
        ? (assignment as QueueAssignment)
        : DEFAULT_FILTERS.assignment,
      status: (QUEUE_STATUSES as readonly string[]).includes(status ?? '')
        ? (status as QueueStatus)
        : DEFAULT_FILTERS.status,
      priority: priority.success ? priority.data : 'all',
    };
  }, [params]);
  const update = (change: Partial<QueueFilters>) => {
    const next = { ...filters, ...change };
    const out = new URLSearchParams();
    if (next.assignment !== DEFAULT_FILTERS.assignment) out.set('responsavel', next.assignment);
    if (next.status !== DEFAULT_FILTERS.status) out.set('status', next.status);
    if (next.priority !== 'all') out.set('prioridade', next.priority);
    setParams(out, { replace: true });
  };
  return [filters, update];
}

/**
 * `/atendimento` — every ticket of the organization the device holds, SLA breaches first, then the closest
 * deadline (support-queue.ts over the shared SLA rule), filtered by assignee, status and priority. Reads only
 * the device database, so it opens offline; a ticket with a local change not yet synced is marked.
 */
export function SupportQueuePage() {
  const { t } = useTranslation('supportQueue');
  const { t: tt } = useTranslation('tickets');
  const { error } = useDeviceData();
  const user = useDeviceUser();
  const now = useNow();
  const format = useFormat();
  const tickets = useLiveDocuments('tickets', ALL_TICKETS);
  const meetings = useLiveDocuments('meetings', ALL_MEETINGS);
  const [filters, setFilters] = useFilters();
  const userId = user?.id ?? '';
  const items = useMemo(
    () => supportQueue(tickets.docs, filters, { userId, now }),
    [tickets.docs, filters, userId, now],
  );
  const summary = useMemo(() => queueSummary(tickets.docs, now), [tickets.docs, now]);
  const requests = useMemo(() => pendingMeetingRequests(meetings.docs).length, [meetings.docs]);

  if (!tickets.ready || !user) {
    return (
      <Page title={t('queue.title')}>
        {error ? (
          <Notice tone="error">{t('queue.deviceError')}</Notice>
        ) : (
          <p role="status" className={styles.muted} aria-busy="true">
            {t('queue.loading')}
          </p>
        )}
      </Page>
    );
  }

  return (
    <Page title={t('queue.title')} description={t('queue.description')}>
      <section aria-label={t('queue.summaryLabel')}>
        <dl className={styles.summary}>
          <div className={styles.stat}>
            <dt>{t('queue.active')}</dt>
            <dd>{format.number(summary.active)}</dd>
          </div>
          <div className={styles.stat} data-tone={summary.breached > 0 ? 'danger' : undefined}>
            <dt>{t('queue.breached')}</dt>
            <dd>{format.number(summary.breached)}</dd>
          </div>
          <div className={styles.stat}>
            <dt>{t('queue.unassigned')}</dt>
            <dd>{format.number(summary.unassigned)}</dd>
          </div>
        </dl>
      </section>

      <p className={styles.toolbar}>
        <Link to={supportPaths.meetings}>
          {requests > 0 ? t('queue.meetingRequestsCount', { count: requests }) : t('queue.meetingRequests')}
        </Link>
        {' · '}
        <Link to={chatPaths.inbox}>{t('queue.chats')}</Link>
      </p>

      <fieldset className={styles.filters}>
        <legend className="visually-hidden">{t('queue.filtersLabel')}</legend>
        <FormField label={t('queue.assignment')}>
          {(control) => (
            <select
              {...control}
              value={filters.assignment}
              onChange={(e) => setFilters({ assignment: e.target.value as QueueAssignment })}
            >
              <option value="all">{t('queue.assignmentAll')}</option>
              <option value="mine">{t('queue.assignmentMine')}</option>
              <option value="unassigned">{t('queue.assignmentUnassigned')}</option>
            </select>
          )}
        </FormField>
        <FormField label={t('queue.status')}>
          {(control) => (
            <select
              {...control}
              value={filters.status}
              onChange={(e) => setFilters({ status: e.target.value as QueueStatus })}
            >
              {QUEUE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {s === 'active' ? t('queue.statusActive') : t(`status.${s}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t('queue.priority')}>
          {(control) => (
            <select
              {...control}
              value={filters.priority}
              onChange={(e) => {
                const p = ticketPrioritySchema.safeParse(e.target.value);
                setFilters({ priority: p.success ? p.data : 'all' });
              }}
            >
              <option value="all">{t('queue.priorityAll')}</option>
              {ticketPrioritySchema.options.map((p) => (
                <option key={p} value={p}>
                  {tt(`tickets.priority.${p}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </fieldset>

      <p role="status" className={styles.muted}>
        {t('queue.count', { count: items.length })}
      </p>
      {items.length === 0 ? (
        <EmptyState icon={<InboxIcon />} title={t('queue.emptyTitle')} headingLevel={2}>
          {t('queue.emptyBody')}
        </EmptyState>
      ) : (
        <QueueList items={items} now={now} />
      )}
    </Page>
  );
}

function QueueList({ items, now }: { items: readonly QueueItem[]; now: Date }) {
  const { t } = useTranslation('supportQueue');
  const { t: tt } = useTranslation('tickets');
  const format = useFormat();
  const user = useDeviceUser();
  const customerName = useCustomerNames();
  const { nameOf } = useStaffNames();
  const pending = usePendingIds('tickets');
  return (
    <ul className={styles.list} aria-label={t('queue.listLabel')}>
      {items.map(({ ticket, rank }) => (
        <li key={ticket.id} className={styles.item} data-rank={rank}>
          <Link to={supportPaths.ticket(ticket.id)} className={styles.itemTitle}>
            <TicketNumber ticket={ticket} /> {ticket.subject}
          </Link>
          <p className={styles.meta}>
            <span>{customerName(ticket.customerId)}</span>
            <span>
              {t('queue.assignedTo', {
                name:
                  ticket.assignedTo === null
                    ? t('queue.nobody')
                    : ticket.assignedTo === user?.id
                      ? t('queue.you')
                      : nameOf(ticket.assignedTo),
              })}
            </span>
            <span>{tt('tickets.openedAt', { date: format.dateTime(ticket.createdAt) })}</span>
          </p>
          <p className={styles.meta}>
            <Badge tone={ticket.status === 'waiting_client' ? 'warning' : 'neutral'}>
              {t(`status.${ticket.status}`)}
            </Badge>
            <PriorityBadge ticket={ticket} />
            <SlaBadge ticket={ticket} now={now} />
            {pending.has(ticket.id) ? <Badge tone="pending">{t('ticket.pending')}</Badge> : null}
          </p>
        </li>
      ))}
    </ul>
  );
}
