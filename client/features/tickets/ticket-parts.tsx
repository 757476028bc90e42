import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Ticket } from '../../../shared/entities/support.ts';
import { formatNumber } from '../../ui/format.ts';
import type { ErrorMessage } from './ticket-writes.ts';
import { ticketPaths } from './paths.ts';
import {
  isActiveTicket,
  isAwaitingSync,
  lastMessageAt,
  slaText,
  slaView,
  statusTone,
  ticketNumberText,
  type SlaKind,
  ticketStatusLine,
  type Tone,
} from './ticket-view.ts';
import { useFormat } from '../../platform/use-format.ts';
import card from '../../ui/card.module.css';
import styles from './tickets.module.css';

/** Small building blocks shared by the home card, the list and the detail view. */

export function Badge({ tone, children }: { tone: Tone | 'pending'; children: string }) {
  return <span className={`${styles.badge} ${styles[tone]}`}>{children}</span>;
}

export function TicketNumber({ ticket }: { ticket: Pick<Ticket, 'number'> }) {
  const { t } = useTranslation('tickets');
  return (
    <span className={ticket.number === null ? styles.ticketNumberPending : styles.ticketNumber}>
      {ticketNumberText(ticket, t)}
    </span>
  );
}

export function StatusBadge({ ticket, now }: { ticket: Ticket; now: Date }) {
  const { t } = useTranslation('tickets');
  return <Badge tone={statusTone(ticket, now)}>{t(`tickets.status.${ticket.status}`)}</Badge>;
}

export function PriorityBadge({ ticket }: { ticket: Pick<Ticket, 'priority'> }) {
  const { t } = useTranslation('tickets');
  const tone = ticket.priority === 'urgent' ? 'danger' : ticket.priority === 'high' ? 'warning' : 'neutral';
  return (
    <Badge tone={tone}>
      {t('tickets.priorityLabel', { priority: t(`tickets.priority.${ticket.priority}`) })}
    </Badge>
  );
}

/** The first-response SLA while it is running (or overdue); answered tickets show no SLA badge in lists. */
export function SlaBadge({ ticket, now, always = false }: { ticket: Ticket; now: Date; always?: boolean }) {
  const { t } = useTranslation('tickets');
  const sla = slaView(ticket, now);
  if (!sla) return null;
  const running = sla.kind === 'running' || sla.kind === 'due_soon' || sla.kind === 'overdue';
  if (!running && !always) return null;
  return <Badge tone={SLA_TONES[sla.kind]}>{slaText(sla, t)}</Badge>;
}

const SLA_TONES: Record<SlaKind, Tone> = {
  running: 'info',
  due_soon: 'warning',
  overdue: 'danger',
  met: 'success',
  late: 'danger',
};

export function AwaitingSyncBadge({ ticket }: { ticket: Pick<Ticket, 'number'> }) {
  const { t } = useTranslation('tickets');
  return isAwaitingSync(ticket) ? <Badge tone="pending">{t('tickets.awaitingSync')}</Badge> : null;
}

/** A ticket in a list: number and subject as the link, then its state. `compact` is the home card's form. */
export function TicketListItem({
  ticket,
  now,
  compact = false,
}: {
  ticket: Ticket;
  now: Date;
  compact?: boolean;
}) {
  const { t } = useTranslation('tickets');
  const format = useFormat();
  return (
    <li className={styles.ticketItem}>
      <Link to={ticketPaths.ticket(ticket.id)} className={styles.ticketLink}>
        <TicketNumber ticket={ticket} /> <span className={styles.ticketSubject}>{ticket.subject}</span>
      </Link>
      {compact ? (
        <p className={styles.statusLine}>
          <span className={`${styles.dot} ${styles[statusTone(ticket, now)]}`} aria-hidden="true" />
          <span>{ticketStatusLine(ticket, now, { t, language: format.language })}</span>
          <AwaitingSyncBadge ticket={ticket} />
        </p>
      ) : (
        <>
          <p className={styles.badges}>
            <StatusBadge ticket={ticket} now={now} />
            {isActiveTicket(ticket) ? <PriorityBadge ticket={ticket} /> : null}
            <SlaBadge ticket={ticket} now={now} />
            <AwaitingSyncBadge ticket={ticket} />
          </p>
          <p className={card.muted}>
            {t('tickets.lastMessage', { when: format.relative(lastMessageAt(ticket), now) })}
          </p>
        </>
      )}
    </li>
  );
}

/** Translates a write error (`errors.*` of the namespace), with limits formatted for the UI language. */
export function useErrorText(): (error: ErrorMessage | null | undefined) => string | undefined {
  const { t } = useTranslation('tickets');
  const { language } = useFormat();
  return useCallback(
    (error) =>
      error
        ? t(`errors.${error.key}`, {
            max: error.max === undefined ? '' : formatNumber(error.max, { language }),
          })
        : undefined,
    [t, language],
  );
}
