import { describe, expect, it } from 'vitest';
import { slaDeadline } from '../../../shared/domain/portal/sla.ts';
import type { Ticket } from '../../../shared/entities/support.ts';
import { ago, CSM_ID, HOUR, message, NOW, ticket, uid } from '../../test/portal-fixtures.ts';
import { DEFAULT_FILTERS, queueSummary, supportQueue, type QueueFilters } from './support-queue.ts';

/** A ticket opened `hoursAgo` with the shared rule's deadline for its priority. */
const opened = (n: number, hoursAgo: number, over: Partial<Ticket> = {}): Ticket => {
  const createdAt = ago(hoursAgo * HOUR);
  const priority = over.priority ?? 'medium';
  return ticket({
    id: uid(n),
    number: n,
    createdAt,
    priority,
    slaDeadline: slaDeadline({ priority, createdAt }),
    ...over,
  });
};
const answeredAt = (t: Ticket, hoursAgo: number): Ticket => ({
  ...t,
  firstResponseAt: ago(hoursAgo * HOUR),
  messages: [
    ...t.messages,
    message({ createdAt: ago(hoursAgo * HOUR), senderType: 'support', senderId: CSM_ID }),
  ],
});

// Medium: 8 h to the first response; urgent: 1 h; low: 24 h.
const overdue3h = opened(1, 11); // deadline 3 h ago
const overdue1h = opened(2, 2, { priority: 'urgent' }); // deadline 1 h ago
const due2h = opened(3, 6); // 2 h left
const due30min = opened(4, 0.5, { priority: 'urgent' }); // 30 min left
const answered = answeredAt(opened(5, 20), 19); // answered in time, clock stopped
const dueLow = opened(6, 1, { priority: 'low', assignedTo: CSM_ID }); // 23 h left, mine
const resolved = { ...opened(7, 30), status: 'resolved' as const, resolvedAt: ago(HOUR) };
const waiting = { ...answeredAt(opened(8, 5), 4), status: 'waiting_client' as const, assignedTo: uid(99) };
const ALL = [resolved, answered, due2h, dueLow, overdue1h, waiting, due30min, overdue3h];

const order = (filters: QueueFilters = DEFAULT_FILTERS, tickets: Ticket[] = ALL) =>
  supportQueue(tickets, filters, { userId: CSM_ID, now: NOW }).map((i) => i.ticket.number);

describe('supportQueue — SLA breaches first, then the closest deadline', () => {
  it('orders breaches (longest overdue first), then due (closest first), then answered', () => {
    expect(order()).toEqual([1, 2, 4, 3, 6, 5, 8]);
  });

  it('ranks each ticket', () => {
    const ranks = supportQueue(ALL, DEFAULT_FILTERS, { userId: CSM_ID, now: NOW }).map((i) => i.rank);
    expect(ranks).toEqual([0, 0, 1, 1, 1, 2, 2]);
  });

  it('is stable whatever the input order', () => {
    expect(order(DEFAULT_FILTERS, [...ALL].reverse())).toEqual(order());
  });

  it.each<[string, Partial<QueueFilters>, (number | null)[]]>([
    ['mine', { assignment: 'mine' }, [6]],
    ['unassigned', { assignment: 'unassigned' }, [1, 2, 4, 3, 5]],
    ['one status', { status: 'waiting_client' }, [8]],
    ['finished ones on request', { status: 'resolved' }, [7]],
    ['urgent only', { priority: 'urgent' }, [2, 4]],
    ['mine and urgent', { assignment: 'mine', priority: 'urgent' }, []],
  ])('filters: %s', (_, filters, expected) => {
    expect(order({ ...DEFAULT_FILTERS, ...filters })).toEqual(expected);
  });

  it('a ticket without a stamped deadline gets the rule’s own (not yet synced)', () => {
    const local = { ...opened(9, 10), slaDeadline: null, number: null };
    expect(supportQueue([due2h, local], DEFAULT_FILTERS, { userId: CSM_ID, now: NOW })[0]?.ticket.id).toBe(
      uid(9),
    );
  });

  it('summarizes the active tickets: breaches and unassigned', () => {
    expect(queueSummary(ALL, NOW)).toEqual({ active: 7, breached: 2, unassigned: 5 });
  });
});

describe('chats are not tickets', () => {
  it('a chat (channel chat) is neither in the queue nor in its counts', () => {
    const chat = { ...opened(20, 30), channel: 'chat' as const, slaDeadline: null };
    expect(order(DEFAULT_FILTERS, [...ALL, chat])).toEqual(order());
    expect(order({ ...DEFAULT_FILTERS, status: 'open' }, [chat])).toEqual([]);
    expect(queueSummary([...ALL, chat], NOW)).toEqual(queueSummary(ALL, NOW));
  });
});
