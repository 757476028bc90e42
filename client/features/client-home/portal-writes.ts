import type { z } from 'zod';
import type { Role } from '../../../shared/collections.ts';
import { slaDeadline } from '../../../shared/domain/portal/sla.ts';
import { statusAfterReply } from '../../../shared/domain/portal/ticket-reply.ts';
import { zonedTimeToEpochMs } from '../../../shared/domain/portal/time.ts';
import {
  meetingSchema,
  ticketMessageSchema,
  ticketPrioritySchema,
  ticketSchema,
  type Meeting,
  type Ticket,
  type TicketMessage,
} from '../../../shared/entities/support.ts';
import { authorizeWrite, can, canWriteField, type PermissionUser } from '../../../shared/permissions.ts';
import type { clientHomePtBR } from './i18n.ts';

/**
 * The client's offline writes (DESIGN §4 "tickets: create, reply, close"; "meetings: request reschedule/cancel"):
 * each builder returns the exact document or change to store, already parsed by the shared zod schema and
 * authorized by the shared permission rules (`authorizeWrite`, the same function the sync push applies), or
 * the readable errors to show. Pure: ids and the clock are parameters.
 */

export interface PortalUser {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly organizationId: string;
  readonly customerId: string | null;
}

export const permissionUserOf = (u: PortalUser): PermissionUser => ({
  id: u.id,
  role: u.role,
  organizationId: u.organizationId,
  customerId: u.customerId,
});

/** An error to show: a key of the `errors` section of the `clientHome` namespace, with its parameters. */
export interface ErrorMessage {
  readonly key: keyof typeof clientHomePtBR.errors;
  readonly max?: number;
}

export type WriteResult<T, F extends string> =
  | { readonly ok: true; readonly value: T }
  | {
      readonly ok: false;
      readonly fieldErrors: Readonly<Partial<Record<F, ErrorMessage>>>;
      readonly formError: ErrorMessage | null;
    };

const fail = <F extends string>(
  fieldErrors: Partial<Record<F, ErrorMessage>>,
  formError: ErrorMessage | null = null,
) => ({ ok: false as const, fieldErrors, formError });

const NOT_ALLOWED: ErrorMessage = { key: 'notAllowed' };
const INVALID: ErrorMessage = { key: 'invalid' };

/** A too-small string is "required" (every minimum here is 1), a too-big one "too long" with its limit. */
function lengthError(
  issue: z.core.$ZodIssue,
  required: ErrorMessage['key'],
  tooLong: ErrorMessage['key'],
): ErrorMessage {
  if (issue.code === 'too_big') return { key: tooLong, max: Number(issue.maximum) };
  return { key: required };
}

const senderNameOf = (user: PortalUser) => user.name.trim().slice(0, 200);

// ------------------------------------------------------------------------------------------------ tickets

export interface NewTicketInput {
  readonly subject: string;
  readonly description: string;
  readonly priority: string;
}
export type NewTicketField = 'subject' | 'description' | 'priority';

export const canOpenTicket = (user: PortalUser): boolean =>
  user.customerId !== null && can(permissionUserOf(user), 'create', 'tickets');

/**
 * A new ticket as the device stores it: number null (the server assigns it), status open, the optimistic SLA
 * deadline from the shared rule (the server stamps the final one), and the description as the first client
 * message — the same shape the server's own tickets have, so the conversation reads the same everywhere.
 */
export function buildNewTicket(
  input: NewTicketInput,
  ctx: { user: PortalUser; id: string; messageId: string; now: Date },
): WriteResult<Ticket, NewTicketField> {
  const { user, now } = ctx;
  if (user.customerId === null || !canOpenTicket(user)) return fail({}, NOT_ALLOWED);
  const priority = ticketPrioritySchema.safeParse(input.priority);
  const description = input.description.trim();
  const createdAt = now.toISOString();
  const candidate = {
    id: ctx.id,
    updatedAt: createdAt,
    serverSeq: 0,
    clientUpdatedAt: createdAt,
    customerId: user.customerId,
    number: null,
    subject: input.subject,
    description,
    priority: priority.success ? priority.data : 'medium',
    status: 'open',
    assignedTo: null,
    slaDeadline: priority.success ? slaDeadline({ priority: priority.data, createdAt }) : null,
    firstResponseAt: null,
    resolvedAt: null,
    createdBy: user.id,
    createdAt,
    messages: [
      {
        id: ctx.messageId,
        senderType: 'client',
        senderId: user.id,
        senderName: senderNameOf(user),
        body: description,
        createdAt,
      },
    ],
  };

  const errors: Partial<Record<NewTicketField, ErrorMessage>> = {};
  if (!priority.success) errors.priority = { key: 'priorityRequired' };
  const parsed = ticketSchema.safeParse(candidate);
  let formError: ErrorMessage | null = null;
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [field, , sub] = issue.path;
      if (field === 'subject') {
        errors.subject ??= lengthError(issue, 'subjectRequired', 'subjectTooLong');
      } else if (field === 'description' || (field === 'messages' && sub === 'body')) {
        // The description travels as the first message too, so the tighter message limit applies to it.
        errors.description ??= lengthError(issue, 'descriptionRequired', 'descriptionTooLong');
      } else {
        formError = INVALID;
      }
    }
  }
  if (!parsed.success || Object.keys(errors).length > 0) return fail(errors, formError);

  const decision = authorizeWrite(permissionUserOf(user), 'tickets', {
    organizationId: user.organizationId,
    before: null,
    after: parsed.data,
  });
  return decision.allowed ? { ok: true, value: parsed.data } : fail({}, NOT_ALLOWED);
}

export interface TicketActions {
  readonly canReply: boolean;
  readonly canClose: boolean;
}

/**
 * What the user may do with a ticket (the shared permission rules): reply (append an own message) and close.
 * A closed ticket takes neither — a new subject is a new ticket.
 */
export function ticketActions(ticket: Ticket, user: PortalUser): TicketActions {
  const permissionUser = permissionUserOf(user);
  const mayUpdate =
    ticket.status !== 'closed' &&
    can(permissionUser, 'update', 'tickets', { ...ticket, organizationId: user.organizationId });
  return {
    canReply: mayUpdate && canWriteField(permissionUser, 'tickets', 'update', 'messages'),
    canClose: mayUpdate && canWriteField(permissionUser, 'tickets', 'update', 'status'),
  };
}

function authorizeTicketUpdate(ticket: Ticket, after: Ticket, user: PortalUser): boolean {
  return authorizeWrite(permissionUserOf(user), 'tickets', {
    organizationId: user.organizationId,
    before: ticket,
    after,
  }).allowed;
}

/** The client's reply, to be appended to the stored conversation (`withReply`). */
export function buildReply(
  ticket: Ticket,
  body: string,
  ctx: { user: PortalUser; id: string; now: Date },
): WriteResult<TicketMessage, 'body'> {
  const { user } = ctx;
  if (!ticketActions(ticket, user).canReply) return fail({}, NOT_ALLOWED);
  const parsed = ticketMessageSchema.safeParse({
    id: ctx.id,
    senderType: 'client',
    senderId: user.id,
    senderName: senderNameOf(user),
    body,
    createdAt: ctx.now.toISOString(),
  });
  if (!parsed.success) {
    const bodyIssue = parsed.error.issues.find((i) => i.path[0] === 'body');
    return bodyIssue
      ? fail({ body: lengthError(bodyIssue, 'messageRequired', 'messageTooLong') })
      : fail({}, INVALID);
  }
  const after = { ...ticket, messages: [...ticket.messages, parsed.data] };
  if (!ticketSchema.shape.messages.safeParse(after.messages).success) return fail({}, INVALID);
  return authorizeTicketUpdate(ticket, after, user)
    ? { ok: true, value: parsed.data }
    : fail({}, NOT_ALLOWED);
}

/**
 * The stored ticket after the reply: the message appended once (a retried save adds nothing) and the shared
 * reply rule applied optimistically — a ticket waiting for the client goes back to `in_progress`. The server
 * applies the same rule to the push, so the status shown now is the one that syncs back.
 */
export function withReply(ticket: Ticket, message: TicketMessage): Ticket {
  if (ticket.messages.some((m) => m.id === message.id)) return ticket;
  const after = { ...ticket, messages: [...ticket.messages, message] };
  return { ...after, status: statusAfterReply(ticket, after) };
}

/** Closing: the only status a client sets. */
export function buildClose(ticket: Ticket, user: PortalUser): WriteResult<{ status: 'closed' }, never> {
  if (!ticketActions(ticket, user).canClose) return fail({}, NOT_ALLOWED);
  const change = { status: 'closed' as const };
  return authorizeTicketUpdate(ticket, { ...ticket, ...change }, user)
    ? { ok: true, value: change }
    : fail({}, NOT_ALLOWED);
}

// ----------------------------------------------------------------------------------------------- meetings

export type ClientRequest = NonNullable<Meeting['clientRequest']>;

export interface MeetingRequestInput {
  readonly type: ClientRequest['type'];
  /** A `<input type="datetime-local">` value (`YYYY-MM-DDTHH:mm`, the user's wall clock) or "". */
  readonly proposedLocal: string;
  readonly reason: string;
}
export type MeetingRequestField = 'proposedAt' | 'reason';

export const meetingEndMs = (m: Pick<Meeting, 'scheduledAt' | 'durationMinutes'>) =>
  Date.parse(m.scheduledAt) + m.durationMinutes * 60_000;

/** A meeting still ahead (or under way) that the client may ask to move or cancel. */
export function canRequestMeetingChange(meeting: Meeting, user: PortalUser, now: Date): boolean {
  const permissionUser = permissionUserOf(user);
  return (
    (meeting.status === 'scheduled' || meeting.status === 'rescheduled') &&
    Date.parse(meeting.scheduledAt) > now.getTime() &&
    can(permissionUser, 'update', 'meetings', { ...meeting, organizationId: user.organizationId }) &&
    canWriteField(permissionUser, 'meetings', 'update', 'clientRequest')
  );
}

const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/;

/** A wall-clock `YYYY-MM-DDTHH:mm` in `timeZone` → ISO instant (UTC), or null when malformed. */
export function localDateTimeToIso(value: string, timeZone: string): string | null {
  const m = LOCAL_DATE_TIME.exec(value);
  if (!m) return null;
  const [, date, hh, mm] = m as unknown as [string, string, string, string];
  const hours = Number(hh);
  const minutes = Number(mm);
  if (hours > 23 || minutes > 59) return null;
  try {
    const ms = zonedTimeToEpochMs(date, hours * 60 + minutes, timeZone);
    return Number.isNaN(ms) ? null : new Date(ms).toISOString();
  } catch {
    return null;
  }
}

/** The client's request on a meeting (`clientRequest`), signed by the user; the account manager acts on it. */
export function buildMeetingRequest(
  meeting: Meeting,
  input: MeetingRequestInput,
  ctx: { user: PortalUser; now: Date; timeZone: string },
): WriteResult<ClientRequest, MeetingRequestField> {
  const { user, now } = ctx;
  if (!canRequestMeetingChange(meeting, user, now)) return fail({}, NOT_ALLOWED);
  const errors: Partial<Record<MeetingRequestField, ErrorMessage>> = {};
  let proposedAt: string | null = null;
  if (input.type === 'reschedule' && input.proposedLocal.trim() !== '') {
    proposedAt = localDateTimeToIso(input.proposedLocal.trim(), ctx.timeZone);
    if (proposedAt === null) errors.proposedAt = { key: 'proposedInvalid' };
    else if (Date.parse(proposedAt) <= now.getTime()) errors.proposedAt = { key: 'proposedInPast' };
  }
  const reason = input.reason.trim();
  const parsed = meetingSchema.shape.clientRequest.safeParse({
    type: input.type,
    proposedAt,
    reason: reason === '' ? null : reason,
    requestedAt: now.toISOString(),
    requestedBy: user.id,
  });
  let formError: ErrorMessage | null = null;
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.path[0] === 'reason') errors.reason ??= lengthError(issue, 'invalid', 'reasonTooLong');
      else if (issue.path[0] !== 'proposedAt') formError = INVALID;
    }
  }
  if (!parsed.success || parsed.data === null || Object.keys(errors).length > 0) {
    return fail(errors, formError);
  }
  return authorizeMeetingRequest(meeting, parsed.data, user)
    ? { ok: true, value: parsed.data }
    : fail({}, NOT_ALLOWED);
}

/** Withdrawing the pending request (`clientRequest` back to null). */
export function buildWithdrawRequest(meeting: Meeting, user: PortalUser): WriteResult<null, never> {
  if (meeting.clientRequest === null) return fail({}, INVALID);
  return authorizeMeetingRequest(meeting, null, user) ? { ok: true, value: null } : fail({}, NOT_ALLOWED);
}

function authorizeMeetingRequest(meeting: Meeting, request: ClientRequest | null, user: PortalUser): boolean {
  return authorizeWrite(permissionUserOf(user), 'meetings', {
    organizationId: user.organizationId,
    before: meeting,
    after: { ...meeting, clientRequest: request },
  }).allowed;
}
