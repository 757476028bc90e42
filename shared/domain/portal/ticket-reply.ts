import { z } from 'zod';
import { ticketMessageSchema, ticketStatusSchema, type TicketStatus } from '../../entities/support.ts';

/**
 * A client's reply hands the ticket back to the agency (dashboard §7A "Aguardando sua resposta"): a write that
 * adds a client message to a ticket `waiting_client` leaves it `in_progress` — the agency owes the next move.
 *
 * - `statusAfterReply(before, after)`: the status `after` takes. Fires only when both states are
 *   `waiting_client` (the writer left the status alone) and `after` holds a client message `before` lacks, so a
 *   client who replies *and* closes keeps `closed`. The device applies it to its own reply (optimistic); the
 *   server applies it again to every accepted write, against its master (authoritative — also for devices that
 *   push a reply without touching the status).
 * - `isReplyReopen(before, after)`: the status change is exactly that rule's own (`waiting_client` →
 *   `in_progress` together with a new client message). Authorization treats it as the rule's, not the
 *   writer's, so a client still sets no status but `closed`.
 * - `statusBeforeReopen` / `statusAfterConcurrentReply({ base, real, mine, merged })`: the rule in a conflict
 *   merge, so both push orders end in the same status (sync/conflicts/convergence.test.ts). The reopen is
 *   derived, never a side's choice: it is undone on both sides before the statuses merge (a staff member's
 *   concurrent explicit status — even `open` — then wins, and a client re-push never carries a status the
 *   client may not write), and derived again on the result. A merged `waiting_client` stands only if whoever
 *   stands behind it — each side that moved the status there, else the base — had seen every client reply.
 *
 * The SLA (`sla.ts`) measures time to first response only: neither status pauses or restarts its clock.
 */

/** The parts of a ticket the rule reads (whole tickets parse too; other fields are ignored). */
export const ticketReplyViewSchema = z.object({
  status: ticketStatusSchema,
  messages: z.array(ticketMessageSchema.pick({ id: true, senderType: true }).strip()),
});
export type TicketReplyView = z.input<typeof ticketReplyViewSchema>;

type View = z.output<typeof ticketReplyViewSchema>;
const parse = (view: TicketReplyView): View => ticketReplyViewSchema.parse(view);
const WAITING = 'waiting_client';

function addedClientIds(before: View | null, after: View): string[] {
  const known = new Set(before?.messages.map((m) => m.id) ?? []);
  return after.messages.filter((m) => m.senderType === 'client' && !known.has(m.id)).map((m) => m.id);
}

function reopens(before: View | null, after: View): boolean {
  return before?.status === WAITING && after.status === WAITING && addedClientIds(before, after).length > 0;
}

/** Ids of the client messages of `after` that `before` does not have (all of them without `before`). */
export function addedClientMessageIds(before: TicketReplyView | null, after: TicketReplyView): string[] {
  return addedClientIds(before === null ? null : parse(before), parse(after));
}

export function statusAfterReply(before: TicketReplyView | null, after: TicketReplyView): TicketStatus {
  const next = parse(after);
  return reopens(before === null ? null : parse(before), next) ? 'in_progress' : next.status;
}

export function isReplyReopen(before: TicketReplyView | null, after: TicketReplyView): boolean {
  if (before === null) return false;
  const prev = parse(before);
  const next = parse(after);
  return next.status === 'in_progress' && reopens(prev, { ...next, status: prev.status });
}

export interface ConcurrentReplyInput {
  /** The state both sides started from; null when both created the ticket independently. */
  readonly base: TicketReplyView | null;
  /** The server's current master. */
  readonly real: TicketReplyView;
  /** The device's state. */
  readonly mine: TicketReplyView;
  /** The field-by-field merge of the two, each side's reopen undone first (`statusBeforeReopen`). */
  readonly merged: TicketReplyView;
}

/**
 * A side's status as its writer chose it: a reopen (relative to `base`) is the rule's, not a choice, so it is
 * undone before merging and derived again afterwards (`statusAfterConcurrentReply`).
 */
export function statusBeforeReopen(base: TicketReplyView | null, side: TicketReplyView): TicketStatus {
  return base !== null && isReplyReopen(base, side) ? parse(base).status : parse(side).status;
}

export function statusAfterConcurrentReply(input: ConcurrentReplyInput): TicketStatus {
  const merged = parse(input.merged);
  if (merged.status !== WAITING) return merged.status;
  const base = input.base === null ? null : parse(input.base);
  // Who stands behind the merged `waiting_client`: each side that moved the status there, else the base.
  const choosers = [parse(input.real), parse(input.mine)].filter(
    (side) => statusBeforeReopen(base, side) === WAITING && base?.status !== WAITING,
  );
  const judges = choosers.length > 0 ? choosers : base === null ? [] : [base];
  return judges.some((side) => reopens(side, merged)) ? 'in_progress' : merged.status;
}
