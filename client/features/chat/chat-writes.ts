import { ticketSchema, type Ticket, type TicketMessage } from '../../../shared/entities/support.ts';
import { applyWriteRules } from '../../../sync/push/write-rules.ts';
import { fail, writeAllowed, type PortalUser, type WriteResult } from '../../platform/local-writes.ts';
import { buildReply, canOpenTicket, openingDocument } from '../tickets/ticket-writes.ts';

/**
 * The chat's device writes (shared/domain/portal/chat.ts; a chat is a `tickets` row with `channel: 'chat'`).
 * A client has one current chat per customer — the newest not closed or resolved; the first message of a
 * customer without one creates it (status open, no SLA deadline: the tickets' write rules give a chat none).
 * Later messages are appended like a ticket reply (append-only, signed by their author), so a message written
 * offline is a local write the outbox pushes on reconnect and the merge by message id never loses.
 */

const FINISHED = new Set(['resolved', 'closed']);

/** The customer's current chat: the newest one still going, else null (the next message opens a new one). */
export function currentChat(chats: readonly Ticket[]): Ticket | null {
  return (
    [...chats]
      .filter((c) => c.channel === 'chat' && !FINISHED.has(c.status))
      .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))[0] ?? null
  );
}

/** A client's first message, as a new chat document ready to store. */
export function buildNewChat(
  body: string,
  ctx: { user: PortalUser; id: string; messageId: string; now: Date },
): WriteResult<Ticket, 'body'> {
  const { user, now } = ctx;
  if (user.customerId === null || !canOpenTicket(user)) return fail({}, { key: 'notAllowed' });
  const text = body.trim();
  if (text.length === 0) return fail({ body: { key: 'messageRequired' } });
  const max = ticketSchema.shape.messages.element.shape.body.maxLength ?? 10_000;
  if (text.length > max) return fail({ body: { key: 'messageTooLong', max } });
  const createdAt = now.toISOString();
  const candidate = openingDocument(user, user.customerId, ctx, createdAt, {
    subject: 'Chat',
    description: '',
    priority: 'medium',
    channel: 'chat',
    body: text,
  });
  const parsed = ticketSchema.safeParse(applyWriteRules('tickets', null, candidate));
  if (!parsed.success) return fail({}, { key: 'invalid' });
  return writeAllowed(user, 'tickets', {
    organizationId: user.organizationId,
    before: null,
    after: parsed.data,
  })
    ? { ok: true, value: parsed.data }
    : fail({}, { key: 'notAllowed' });
}

/** A client's next message in their chat (the ticket reply's rules). */
export const buildClientChatMessage = (
  chat: Ticket,
  body: string,
  ctx: { user: PortalUser; id: string; now: Date },
): WriteResult<TicketMessage, 'body'> => buildReply(chat, body, ctx);

/**
 * Whether a message is still only on this device: its chat has a local write not yet accepted and the message is
 * the user's own, written after the server last accepted the chat (`updatedAt` is the server's stamp; a chat never
 * accepted has `serverSeq` 0).
 */
export function isPendingMessage(
  chat: Pick<Ticket, 'serverSeq' | 'updatedAt'>,
  message: Pick<TicketMessage, 'senderId' | 'createdAt'>,
  ctx: { pending: boolean; userId: string },
): boolean {
  if (!ctx.pending || message.senderId !== ctx.userId) return false;
  return chat.serverSeq === 0 || Date.parse(message.createdAt) > Date.parse(chat.updatedAt);
}

/** The staff inbox's order: chats waiting for the agency (last message the client's) first, newest activity first. */
export function inboxOrder(chats: readonly Ticket[]): { chat: Ticket; waiting: boolean; lastAt: string }[] {
  return chats
    .filter((c) => c.channel === 'chat')
    .map((chat) => {
      const last = [...chat.messages]
        .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt))
        .at(-1);
      return {
        chat,
        waiting: last?.senderType === 'client' && !FINISHED.has(chat.status),
        lastAt: last?.createdAt ?? chat.createdAt,
      };
    })
    .sort((a, b) => Number(b.waiting) - Number(a.waiting) || Date.parse(b.lastAt) - Date.parse(a.lastAt));
}
