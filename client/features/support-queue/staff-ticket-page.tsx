import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { MangoQuery } from 'rxdb';
import { v7 as uuidv7 } from 'uuid';
import type { Activity } from '../../../shared/entities/csm.ts';
import type { Ticket, TicketStatus } from '../../../shared/entities/support.ts';
import type { SignedInUser } from '../../../shared/identity.ts';
import {
  useCollection,
  useDeviceData,
  useDeviceUser,
  useLiveDocument,
  useLiveDocuments,
} from '../../db/device-data.tsx';
import { usePendingIds } from '../../db/pending-writes.ts';
import { useDependencies } from '../../platform/dependencies.tsx';
import { useFormat } from '../../platform/use-format.ts';
import { useNow } from '../../platform/use-now.ts';
import { Button } from '../../ui/button.tsx';
import { FormField } from '../../ui/form-field.tsx';
import { TextEntryForm } from '../../ui/text-entry-form.tsx';
import { Notice } from '../../ui/notice.tsx';
import { Page } from '../../ui/page.tsx';
import { Badge, PriorityBadge, SlaBadge, TicketNumber } from '../tickets/ticket-parts.tsx';
import { changeStoredTicket, TicketScreenPlaceholder } from '../tickets/ticket-screen.tsx';
import { useErrorText } from './error-text.ts';
import { supportPaths } from './paths.ts';
import { useCustomerNames, useStaffNames } from './staff-names.ts';
import {
  buildAssignment,
  buildInternalNote,
  buildStaffReply,
  buildStatusChange,
  mayHandleTicket,
  STAFF_STATUSES,
  withStaffReply,
  type ErrorMessage,
} from './staff-writes.ts';
import styles from './support.module.css';

/**
 * `/atendimento/tickets/:ticketId` — a ticket as staff handle it: its SLA and client, the conversation with a
 * reply box (a `support` message signed by the author), internal notes (staff-only activities, styled apart
 * and never sent to the client), assignment and status. Every action is a local write that replicates later,
 * so it works offline; a change not yet synced is marked.
 */
export function StaffTicketPage() {
  const { ticketId } = useParams();
  const { t } = useTranslation('supportQueue');
  const { t: tt } = useTranslation('tickets');
  const { error } = useDeviceData();
  const user = useDeviceUser();
  const now = useNow();
  const format = useFormat();
  const live = useLiveDocument('tickets', ticketId);
  const customerName = useCustomerNames();
  const pending = usePendingIds('tickets');
  const [announcement, setAnnouncement] = useState('');
  const ticket = live.docs[0] ?? null;

  if (!live.ready || !user || !ticket) {
    return (
      <TicketScreenPlaceholder
        loading={!live.ready || !user}
        deviceFailed={Boolean(error)}
        text={{
          title: t('queue.title'),
          deviceError: t('queue.deviceError'),
          loading: t('queue.loading'),
          notFoundTitle: t('ticket.notFoundTitle'),
          notFoundBody: t('ticket.notFoundBody'),
          back: t('ticket.backToQueue'),
        }}
        back={supportPaths.queue}
        loadingClassName={styles.muted}
        loadingBusy
      />
    );
  }

  const handles = mayHandleTicket(ticket, user);
  return (
    <Page
      title={ticket.subject}
      description={
        <span className={styles.meta}>
          <TicketNumber ticket={ticket} />
          <Badge tone={ticket.status === 'waiting_client' ? 'warning' : 'neutral'}>
            {t(`status.${ticket.status}`)}
          </Badge>
          <PriorityBadge ticket={ticket} />
          <SlaBadge ticket={ticket} now={now} always />
          {pending.has(ticket.id) ? <Badge tone="pending">{t('ticket.pending')}</Badge> : null}
        </span>
      }
    >
      <p>
        <Link to={supportPaths.queue}>{t('ticket.backToQueue')}</Link>
      </p>
      <div className={styles.columns}>
        <div className={styles.panel}>
          <section aria-label={t('ticket.details')}>
            <dl className={styles.details}>
              <div>
                <dt>{t('ticket.customer')}</dt>
                <dd>{customerName(ticket.customerId)}</dd>
              </div>
              <div>
                <dt>{t('ticket.openedAt')}</dt>
                <dd>
                  <time dateTime={ticket.createdAt}>{format.dateTime(ticket.createdAt)}</time>
                </dd>
              </div>
              <div>
                <dt>{t('ticket.firstResponse')}</dt>
                <dd>
                  {ticket.firstResponseAt ? (
                    <time dateTime={ticket.firstResponseAt}>{format.dateTime(ticket.firstResponseAt)}</time>
                  ) : ticket.slaDeadline ? (
                    t('ticket.deadline', { date: format.dateTime(ticket.slaDeadline) })
                  ) : (
                    '—'
                  )}
                </dd>
              </div>
              <div>
                <dt>{tt('detail.priority')}</dt>
                <dd>{tt(`tickets.priority.${ticket.priority}`)}</dd>
              </div>
            </dl>
          </section>
          <Conversation ticket={ticket} />
          {handles && ticket.status !== 'closed' ? (
            <ReplyForm ticket={ticket} user={user} onSaved={setAnnouncement} />
          ) : null}
          {ticket.status === 'closed' ? <Notice tone="info">{t('ticket.closedNotice')}</Notice> : null}
        </div>
        <div className={styles.stack}>
          {handles ? <AssignPanel ticket={ticket} user={user} onSaved={setAnnouncement} /> : null}
          {handles ? <StatusPanel ticket={ticket} user={user} onSaved={setAnnouncement} /> : null}
          <InternalNotes ticket={ticket} user={user} onSaved={setAnnouncement} />
        </div>
      </div>
      <p role="status" className={announcement ? styles.muted : 'visually-hidden'}>
        {announcement}
      </p>
    </Page>
  );
}

function Conversation({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation('supportQueue');
  const format = useFormat();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.sectionTitle}>
        {t('ticket.conversation')}
      </h2>
      {ticket.messages.length === 0 ? (
        <p className={styles.muted}>{t('ticket.noMessages')}</p>
      ) : (
        <ol className={styles.conversation}>
          {ticket.messages.map((m) => (
            <li key={m.id} className={styles.message} data-sender={m.senderType}>
              <span className={styles.messageMeta}>
                <span className={styles.sender}>
                  {m.senderName.trim() ||
                    (m.senderType === 'support' ? t('ticket.support') : t('ticket.customer'))}
                </span>
                <time dateTime={m.createdAt}>{format.dateTime(m.createdAt)}</time>
              </span>
              {m.body}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

interface PanelProps {
  readonly ticket: Ticket;
  readonly user: SignedInUser;
  readonly onSaved: (message: string) => void;
}

function ReplyForm({ ticket, user, onSaved }: PanelProps) {
  const { t } = useTranslation('supportQueue');
  const { now } = useDependencies();
  const tickets = useCollection('tickets');
  const errorText = useErrorText();
  return (
    <TextEntryForm
      label={t('ticket.replyLabel')}
      hint={t('ticket.replyHint')}
      rows={4}
      sendLabel={t('ticket.send')}
      savingLabel={t('ticket.saving')}
      build={(body) => buildStaffReply(ticket, body, { user, id: uuidv7(), now: now() })}
      save={async (reply) => {
        if (!tickets) return { key: 'notReady' } satisfies ErrorMessage;
        await changeStoredTicket(tickets, ticket.id, (doc) =>
          doc.incrementalModify((data) => withStaffReply(data, reply)),
        );
        return null;
      }}
      saveFailed={{ key: 'saveFailed' }}
      errorText={errorText}
      onSaved={() => onSaved(t('ticket.replySaved'))}
    />
  );
}

function InternalNotes({ ticket, user, onSaved }: PanelProps) {
  const { t } = useTranslation('supportQueue');
  const format = useFormat();
  const { now } = useDependencies();
  const activities = useCollection('activities');
  const pending = usePendingIds('activities');
  const errorText = useErrorText();
  const headingId = useId();
  const query = useMemo<MangoQuery<Activity>>(
    () => ({
      selector: { customerId: ticket.customerId, ticketId: ticket.id },
      sort: [{ occurredAt: 'asc' }],
    }),
    [ticket.customerId, ticket.id],
  );
  const notes = useLiveDocuments('activities', query);
  return (
    <section className={styles.notes} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.sectionTitle}>
        <span className={styles.internalBadge}>{t('ticket.internal')}</span> {t('ticket.internalNotes')}
      </h2>
      <p className={styles.muted}>{t('ticket.internalHint')}</p>
      {notes.docs.length === 0 ? (
        <p className={styles.muted}>{t('ticket.noNotes')}</p>
      ) : (
        <ol className={styles.conversation} aria-label={t('ticket.internalNotes')}>
          {notes.docs.map((n) => (
            <li key={n.id} className={styles.note}>
              <span className={styles.messageMeta}>
                <span className={styles.sender}>{n.performedByName ?? ''}</span>
                <time dateTime={n.occurredAt}>{format.dateTime(n.occurredAt)}</time>
                {pending.has(n.id) ? <Badge tone="pending">{t('ticket.pending')}</Badge> : null}
              </span>
              {n.description ?? n.title}
            </li>
          ))}
        </ol>
      )}
      <TextEntryForm
        label={t('ticket.noteLabel')}
        rows={3}
        sendLabel={t('ticket.addNote')}
        sendVariant="secondary"
        savingLabel={t('ticket.saving')}
        build={(body) => buildInternalNote(ticket, body, { user, id: uuidv7(), now: now() })}
        save={async (note) => {
          if (!activities) return { key: 'notReady' } satisfies ErrorMessage;
          await activities.insert(note);
          return null;
        }}
        saveFailed={{ key: 'saveFailed' }}
        errorText={errorText}
        onSaved={() => onSaved(t('ticket.noteSaved'))}
      />
    </section>
  );
}

function AssignPanel({ ticket, user, onSaved }: PanelProps) {
  const { t } = useTranslation('supportQueue');
  const tickets = useCollection('tickets');
  const errorText = useErrorText();
  const { staff, nameOf } = useStaffNames();
  const headingId = useId();
  const [choice, setChoice] = useState<string>(ticket.assignedTo ?? '');
  const [formError, setFormError] = useState<ErrorMessage | null>(null);

  async function assign(assignedTo: string | null) {
    const result = buildAssignment(ticket, assignedTo, user);
    if (!result.ok) return setFormError(result.formError);
    if (!tickets) return setFormError({ key: 'notReady' });
    try {
      await changeStoredTicket(tickets, ticket.id, (doc) => doc.incrementalPatch(result.value));
      setFormError(null);
      setChoice(assignedTo ?? '');
      onSaved(t('ticket.assignedSaved'));
    } catch {
      setFormError({ key: 'saveFailed' });
    }
  }

  const current =
    ticket.assignedTo === null
      ? t('queue.nobody')
      : ticket.assignedTo === user.id
        ? t('queue.you')
        : nameOf(ticket.assignedTo);
  return (
    <section className={styles.panel} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.sectionTitle}>
        {t('ticket.assignment')}
      </h2>
      <p className={styles.muted}>{t('queue.assignedTo', { name: current })}</p>
      {ticket.assignedTo !== user.id ? (
        <div>
          <Button variant="secondary" onClick={() => void assign(user.id)}>
            {t('ticket.assignToMe')}
          </Button>
        </div>
      ) : null}
      <div className={styles.inline}>
        <div className={styles.grow}>
          <FormField label={t('ticket.assignLabel')}>
            {(control) => (
              <select {...control} value={choice} onChange={(e) => setChoice(e.target.value)}>
                <option value="">{t('queue.nobody')}</option>
                {staff.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.id === user.id ? `${s.name} (${t('queue.you')})` : s.name}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        </div>
        <Button
          variant="secondary"
          disabled={(choice || null) === ticket.assignedTo}
          onClick={() => void assign(choice || null)}
        >
          {t('ticket.assign')}
        </Button>
      </div>
      {formError ? (
        <Notice tone="error" role="alert">
          {errorText(formError)}
        </Notice>
      ) : null}
    </section>
  );
}

function StatusPanel({ ticket, user, onSaved }: PanelProps) {
  const { t } = useTranslation('supportQueue');
  const { now } = useDependencies();
  const tickets = useCollection('tickets');
  const errorText = useErrorText();
  const headingId = useId();
  const [formError, setFormError] = useState<ErrorMessage | null>(null);

  async function change(status: TicketStatus) {
    const result = buildStatusChange(ticket, status, { user, now: now() });
    if (!result.ok) return setFormError(result.formError);
    if (!tickets) return setFormError({ key: 'notReady' });
    try {
      await changeStoredTicket(tickets, ticket.id, (doc) => doc.incrementalPatch(result.value));
      setFormError(null);
      onSaved(t('ticket.statusSaved', { status: t(`status.${status}`) }));
    } catch {
      setFormError({ key: 'saveFailed' });
    }
  }

  return (
    <section className={styles.panel} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.sectionTitle}>
        {t('ticket.statusLabel')}
      </h2>
      <div className={styles.inline}>
        {STAFF_STATUSES.filter((s) => s !== ticket.status).map((s) => (
          <Button key={s} variant={s === 'closed' ? 'danger' : 'secondary'} onClick={() => void change(s)}>
            {t(`status.${s}`)}
          </Button>
        ))}
      </div>
      {formError ? (
        <Notice tone="error" role="alert">
          {errorText(formError)}
        </Notice>
      ) : null}
    </section>
  );
}
