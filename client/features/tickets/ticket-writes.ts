import { statusAfterReply } from '../../../shared/domain/portal/ticket-reply.ts';
import {
  ticketMessageSchema,
  ticketPrioritySchema,
  ticketSchema,
  type Ticket,
  type TicketMessage,
} from '../../../shared/entities/support.ts';
import { identityOf } from '../../../shared/identity.ts';
import { applyWriteRules } from '../../../sync/push/write-rules.ts';
import { can, canWriteField } from '../../../shared/permissions.ts';
import {
  fail,
  lengthError,
  writeAllowed,
  type ErrorMessage as LocalErrorMessage,
  type PortalUser,
  type WriteResult as LocalWriteResult,
} from '../../platform/local-writes.ts';
import type { ticketsPtBR } from './i18n.ts';

/**
 * The client's offline ticket writes (create, reply, close): each builder returns the exact document or
 * change to store, already parsed by the shared zod schema and authorized by the shared permission rules
 * (`authorizeWrite`, the same function the sync push applies), or the readable errors to show. Pure: ids and
 * the clock are parameters.
 */

/** An error to show: a key of the `errors` section of the `tickets` namespace, with its parameters. */
export type ErrorMessage = LocalErrorMessage<keyof typeof ticketsPtBR.errors>;
type WriteResult<T, F extends string> = LocalWriteResult<T, F, ErrorMessage['key']>;

const NOT_ALLOWED: ErrorMessage = { key: 'notAllowed' };
const INVALID: ErrorMessage = { key: 'invalid' };

const senderNameOf = (user: PortalUser) => user.name.trim().slice(0, 200);

export interface NewTicketInput {
  readonly subject: string;
  readonly description: string;
  readonly priority: string;
}
export type NewTicketField = 'subject' | 'description' | 'priority';

/**
 * The document a client's first message opens, before the tickets' write rules derive the SLA deadline (the ones
 * the server runs on the push): number null (the server assigns it), status open, that message the client's own.
 * A ticket and a chat (client/features/chat/chat-writes.ts) differ only in `fields`.
 */
export function openingDocument(
  user: PortalUser,
  customerId: string,
  ids: { readonly id: string; readonly messageId: string },
  createdAt: string,
  fields: {
    subject: string;
    description: string;
    priority: string;
    channel: Ticket['channel'];
    body: string;
  },
) {
  return {
    id: ids.id,
    updatedAt: createdAt,
    serverSeq: 0,
    clientUpdatedAt: createdAt,
    customerId,
    number: null,
    subject: fields.subject,
    description: fields.description,
    priority: fields.priority,
    status: 'open',
    assignedTo: null,
    slaDeadline: null,
    firstResponseAt: null,
    resolvedAt: null,
    createdBy: user.id,
    createdAt,
    channel: fields.channel,
    messages: [
      {
        id: ids.messageId,
        senderType: 'client',
        senderId: user.id,
        senderName: senderNameOf(user),
        body: fields.body,
        createdAt,
      },
    ],
  };
}

export function canOpenTicket(user: PortalUser): boolean {
  const identity = identityOf(user);
  return identity !== null && identity.customerId !== null && can(identity, 'create', 'tickets');
}

/**
 * A new ticket as the device stores it: number null (the server assigns it), status open, the SLA deadline from
 * the tickets' shared write rule (the server derives the same value), and the description as the first client
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
  const candidate = openingDocument(user, user.customerId, ctx, createdAt, {
    subject: input.subject,
    description,
    priority: priority.success ? priority.data : 'medium',
    channel: 'ticket',
    body: description,
  });

  const errors: Partial<Record<NewTicketField, ErrorMessage>> = {};
  if (!priority.success) errors.priority = { key: 'priorityRequired' };
  // The collection's write rules (shared/collections/tickets.ts: the SLA deadline from priority and creation
  // time), applied optimistically; the server applies the same functions to the push, so the value shown now
  // is the one stored.
  const parsed = ticketSchema.safeParse(applyWriteRules('tickets', null, candidate));
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

  const allowed = writeAllowed(user, 'tickets', {
    organizationId: user.organizationId,
    before: null,
    after: parsed.data,
  });
  return allowed ? { ok: true, value: parsed.data } : fail({}, NOT_ALLOWED);
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
  const identity = identityOf(user);
  if (identity === null) return { canReply: false, canClose: false };
  const mayUpdate =
    ticket.status !== 'closed' &&
    can(identity, 'update', 'tickets', { ...ticket, organizationId: user.organizationId });
  return {
    canReply: mayUpdate && canWriteField(identity, 'tickets', 'update', 'messages'),
    canClose: mayUpdate && canWriteField(identity, 'tickets', 'update', 'status'),
  };
}

function authorizeTicketUpdate(ticket: Ticket, after: Ticket, user: PortalUser): boolean {
  return writeAllowed(user, 'tickets', { organizationId: user.organizationId, before: ticket, after });
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
