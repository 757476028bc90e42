import { activitySchema, type Activity } from '../../../shared/entities/csm.ts';
import {
  ticketMessageSchema,
  ticketSchema,
  type Ticket,
  type TicketMessage,
  type TicketStatus,
} from '../../../shared/entities/support.ts';
import { identityOf } from '../../../shared/identity.ts';
import { can } from '../../../shared/permissions.ts';
import { applyWriteRules } from '../../../sync/push/write-rules.ts';
import {
  fail,
  lengthError,
  writeAllowed,
  type ErrorMessage as LocalErrorMessage,
  type PortalUser,
  type WriteResult as LocalWriteResult,
} from '../../platform/local-writes.ts';
import type { supportQueuePtBR } from './i18n.ts';

/**
 * The staff's offline ticket writes: a reply (a `support` message signed by the author), an internal note (an
 * activity of type `note` with `ticketId`, staff-only: shared/collections/activities.ts), assignment and status
 * changes. Each builder returns the exact document or change to store — parsed by the shared zod schema, with
 * the tickets' write rules applied (the first reply stamps `firstResponseAt`, as the server will) and
 * authorized by the shared permission rules the sync push applies — or the readable errors to show. Pure: ids
 * and the clock are parameters.
 */

export type ErrorMessage = LocalErrorMessage<keyof typeof supportQueuePtBR.errors>;
type WriteResult<T, F extends string> = LocalWriteResult<T, F, ErrorMessage['key']>;

const NOT_ALLOWED: ErrorMessage = { key: 'notAllowed' };
const INVALID: ErrorMessage = { key: 'invalid' };

/** Statuses a staff member moves a ticket to from its screen (a ticket is opened by the client). */
export const STAFF_STATUSES: readonly TicketStatus[] = [
  'in_progress',
  'waiting_client',
  'resolved',
  'closed',
];

const nameOf = (user: PortalUser) => user.name.trim().slice(0, 200);
const FINISHED: readonly TicketStatus[] = ['resolved', 'closed'];

export function mayHandleTicket(ticket: Ticket, user: PortalUser): boolean {
  const identity = identityOf(user);
  return (
    identity !== null &&
    identity.customerId === null &&
    can(identity, 'update', 'tickets', { ...ticket, organizationId: user.organizationId })
  );
}

function authorized(ticket: Ticket, after: Ticket, user: PortalUser): boolean {
  return writeAllowed(user, 'tickets', { organizationId: user.organizationId, before: ticket, after });
}

/**
 * The stored ticket after a staff reply: the message appended once (a retried save adds nothing), an `open`
 * ticket taken `in_progress` (someone is on it), and the tickets' write rules applied — the first reply
 * stamps `firstResponseAt` with its own time, the value the server derives too.
 */
export function withStaffReply<T extends Ticket>(ticket: T, message: TicketMessage): T {
  if (ticket.messages.some((m) => m.id === message.id)) return ticket;
  const after: T = {
    ...ticket,
    status: ticket.status === 'open' ? 'in_progress' : ticket.status,
    messages: [...ticket.messages, message],
  };
  // The rules run over the stored document as RxDB hands it (its own bookkeeping fields included); a support
  // message changes only what the first-response rule derives.
  const ruled = applyWriteRules('tickets', ticket, after);
  return { ...after, firstResponseAt: ticketSchema.shape.firstResponseAt.parse(ruled.firstResponseAt) };
}

/** A staff reply: a `support` message signed by the author. */
export function buildStaffReply(
  ticket: Ticket,
  body: string,
  ctx: { user: PortalUser; id: string; now: Date },
): WriteResult<TicketMessage, 'body'> {
  const { user } = ctx;
  if (!mayHandleTicket(ticket, user) || ticket.status === 'closed') return fail({}, NOT_ALLOWED);
  const parsed = ticketMessageSchema.safeParse({
    id: ctx.id,
    senderType: 'support',
    senderId: user.id,
    senderName: nameOf(user),
    body: body.trim(),
    createdAt: ctx.now.toISOString(),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues.find((i) => i.path[0] === 'body');
    return issue
      ? fail({ body: lengthError(issue, 'messageRequired', 'messageTooLong') })
      : fail({}, INVALID);
  }
  if (!ticketSchema.shape.messages.safeParse([...ticket.messages, parsed.data]).success)
    return fail({}, INVALID);
  return authorized(ticket, withStaffReply(ticket, parsed.data), user)
    ? { ok: true, value: parsed.data }
    : fail({}, NOT_ALLOWED);
}

/** An internal note on the ticket: a staff-only activity of the ticket's customer, never part of the ticket. */
export function buildInternalNote(
  ticket: Ticket,
  body: string,
  ctx: { user: PortalUser; id: string; now: Date },
): WriteResult<Activity, 'body'> {
  const { user } = ctx;
  const text = body.trim();
  if (!mayHandleTicket(ticket, user)) return fail({}, NOT_ALLOWED);
  if (text === '') return fail({ body: { key: 'noteRequired' } });
  const at = ctx.now.toISOString();
  const firstLine = text.split('\n')[0]!.trim().slice(0, 200);
  const parsed = activitySchema.safeParse({
    id: ctx.id,
    updatedAt: at,
    serverSeq: 0,
    clientUpdatedAt: at,
    customerId: ticket.customerId,
    type: 'note',
    title: firstLine,
    description: text,
    performedBy: user.id,
    performedByName: nameOf(user),
    occurredAt: at,
    metadata: { ticketNumber: ticket.number },
    ticketId: ticket.id,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues.find((i) => i.path[0] === 'description');
    return issue ? fail({ body: lengthError(issue, 'noteRequired', 'noteTooLong') }) : fail({}, INVALID);
  }
  return writeAllowed(user, 'activities', {
    organizationId: user.organizationId,
    before: null,
    after: parsed.data,
  })
    ? { ok: true, value: parsed.data }
    : fail({}, NOT_ALLOWED);
}

/** A status change; `resolvedAt` follows it (stamped when the ticket finishes, cleared when it is reopened). */
export function buildStatusChange(
  ticket: Ticket,
  status: TicketStatus,
  ctx: { user: PortalUser; now: Date },
): WriteResult<Pick<Ticket, 'status' | 'resolvedAt'>, never> {
  if (!mayHandleTicket(ticket, ctx.user) || !STAFF_STATUSES.includes(status) || status === ticket.status)
    return fail({}, NOT_ALLOWED);
  const resolvedAt = FINISHED.includes(status) ? (ticket.resolvedAt ?? ctx.now.toISOString()) : null;
  const change = { status, resolvedAt };
  return authorized(ticket, { ...ticket, ...change }, ctx.user)
    ? { ok: true, value: change }
    : fail({}, NOT_ALLOWED);
}

/** Assigning the ticket to a staff member (the user themselves or another), or to nobody. */
export function buildAssignment(
  ticket: Ticket,
  assignedTo: string | null,
  user: PortalUser,
): WriteResult<Pick<Ticket, 'assignedTo'>, never> {
  if (!mayHandleTicket(ticket, user) || assignedTo === ticket.assignedTo) return fail({}, NOT_ALLOWED);
  const change = { assignedTo };
  if (!ticketSchema.shape.assignedTo.safeParse(assignedTo).success) return fail({}, INVALID);
  return authorized(ticket, { ...ticket, ...change }, user)
    ? { ok: true, value: change }
    : fail({}, NOT_ALLOWED);
}
