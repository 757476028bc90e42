import { slaStatus, type SlaStatus } from '../../../shared/domain/portal/sla.ts';
import {
  TICKET_STATUSES,
  type Ticket,
  type TicketPriority,
  type TicketStatus,
} from '../../../shared/entities/support.ts';

/**
 * The staff ticket queue (issue 10 item 10), pure: the clock and the acting user are parameters, so the order
 * and the filters are table-tested.
 *
 * Order (docs/domain-client.md §7): SLA breaches first — tickets still unanswered past their first-response
 * deadline, the longest overdue first; then tickets whose first response is still due, the closest deadline
 * first; then the answered ones (clock stopped), the oldest deadline first. Ties: the ticket number, then the
 * id (UUID v7, time-ordered), so the order is stable. The SLA comes from the shared rule (`slaStatus`).
 * Chats (`channel: 'chat'`) are never in the queue nor its counts: they have the chat inbox.
 */

export const QUEUE_ASSIGNMENTS = ['all', 'mine', 'unassigned'] as const;
export type QueueAssignment = (typeof QUEUE_ASSIGNMENTS)[number];
/** `active`: open, in progress or waiting for the client (the default); otherwise one status. */
export type QueueStatus = 'active' | TicketStatus;
export const QUEUE_STATUSES: readonly QueueStatus[] = ['active', ...TICKET_STATUSES];

export interface QueueFilters {
  readonly assignment: QueueAssignment;
  readonly status: QueueStatus;
  readonly priority: TicketPriority | 'all';
}
export const DEFAULT_FILTERS: QueueFilters = { assignment: 'all', status: 'active', priority: 'all' };

export interface QueueItem {
  readonly ticket: Ticket;
  /** Null when the stored document cannot be read by the SLA rule (shown without an SLA). */
  readonly sla: SlaStatus | null;
  /** 0 = breach (unanswered past the deadline), 1 = first response due, 2 = answered or not measured. */
  readonly rank: 0 | 1 | 2;
}

const ACTIVE: readonly TicketStatus[] = ['open', 'in_progress', 'waiting_client'];

function slaOf(ticket: Ticket, now: Date): SlaStatus | null {
  try {
    return slaStatus({ ticket, now: now.toISOString() });
  } catch {
    return null;
  }
}

function rankOf(sla: SlaStatus | null): QueueItem['rank'] {
  if (sla === null || sla.stoppedAt !== null || sla.state === 'not_measured') return 2;
  return sla.breached ? 0 : 1;
}

export function matchesFilters(ticket: Ticket, filters: QueueFilters, userId: string): boolean {
  if (filters.status === 'active' ? !ACTIVE.includes(ticket.status) : ticket.status !== filters.status)
    return false;
  if (filters.priority !== 'all' && ticket.priority !== filters.priority) return false;
  if (filters.assignment === 'mine') return ticket.assignedTo === userId;
  if (filters.assignment === 'unassigned') return ticket.assignedTo === null;
  return true;
}

export function supportQueue(
  tickets: readonly Ticket[],
  filters: QueueFilters,
  ctx: { readonly userId: string; readonly now: Date },
): QueueItem[] {
  return tickets
    .filter((t) => t.channel !== 'chat' && matchesFilters(t, filters, ctx.userId))
    .map((ticket) => {
      const sla = slaOf(ticket, ctx.now);
      return { ticket, sla, rank: rankOf(sla) };
    })
    .sort(byUrgency);
}

function byUrgency(a: QueueItem, b: QueueItem): number {
  if (a.rank !== b.rank) return a.rank - b.rank;
  // Within a rank the earliest deadline first (for breaches: the longest overdue).
  const deadline = (i: QueueItem) => (i.sla ? Date.parse(i.sla.deadline) : Number.POSITIVE_INFINITY);
  const byDeadline = deadline(a) - deadline(b);
  if (byDeadline !== 0 && !Number.isNaN(byDeadline)) return byDeadline;
  const byNumber =
    (a.ticket.number ?? Number.MAX_SAFE_INTEGER) - (b.ticket.number ?? Number.MAX_SAFE_INTEGER);
  if (byNumber !== 0) return byNumber;
  return a.ticket.id < b.ticket.id ? -1 : a.ticket.id > b.ticket.id ? 1 : 0;
}

/** What the queue's header counts: breaches and unassigned among the active tickets. */
export function queueSummary(
  tickets: readonly Ticket[],
  now: Date,
): { readonly active: number; readonly breached: number; readonly unassigned: number } {
  const active = tickets.filter((t) => t.channel !== 'chat' && ACTIVE.includes(t.status));
  return {
    active: active.length,
    breached: active.filter((t) => rankOf(slaOf(t, now)) === 0).length,
    unassigned: active.filter((t) => t.assignedTo === null).length,
  };
}
