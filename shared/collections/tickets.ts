import { firstResponseAt, slaDeadline, slaDeadlineInputSchema } from '../domain/portal/sla.ts';
import {
  isReplyReopen,
  statusAfterConcurrentReply,
  statusAfterReply,
  statusBeforeReopen,
  ticketReplyViewSchema,
  type TicketReplyView,
} from '../domain/portal/ticket-reply.ts';
import { TICKET_STATUSES, ticketSchema } from '../entities/support.ts';
import { allFields, CLOCK, type DocFields, defineCollection, isStaff, limited, write } from './define.ts';
import { chronological, firstTime } from './merge-rules.ts';
import { addedElements, isAppendOnly, str } from './values.ts';

/**
 * Support tickets with their conversation embedded (docs/domain-client.md §7).
 *
 * - A client opens tickets as themselves (status `open`, unassigned, unanswered), replies (appends their own
 *   messages) and closes; never deletes. For everyone, messages are append-only and signed by their author.
 * - Write rules (device optimistic, server authoritative): the SLA deadline from priority and creation time
 *   (shared/domain/portal/sla.ts, the product's default policy — organizations have no SLA settings yet, so
 *   both sides pass the same inputs); the first response, stamped once from the earliest support message
 *   (`firstResponseAt`, server-owned: what a device sends there is overwritten, then derived again); a client
 *   reply to a ticket `waiting_client` reopens it (shared/domain/portal/ticket-reply.ts).
 * - The human number is the server's: the organization's next ticket number, on the first accepted write.
 * - Chats (`channel: 'chat'`, dashboard §7B, shared/domain/portal/chat.ts) are tickets without SLA semantics: no
 *   deadline (`slaDeadline` stays null, so no SLA alert or breach is ever computed for them) — the first response
 *   is still stamped (it is a fact) and they still get a number (harmless, and the counter stays one sequence).
 *   The channel is set at creation and never changes, for anyone: a client cannot turn a chat into a ticket or
 *   back to escape a rule, and a client's create may choose either (both are things a client may open).
 */

/** Whole tickets are views of the reply rule; a document it cannot read is left alone. */
const view = (doc: DocFields): TicketReplyView | null => {
  const parsed = ticketReplyViewSchema.safeParse(doc);
  return parsed.success ? parsed.data : null;
};

/** A ticket side with its reopen undone: the status its writer chose (`finish` derives the reopen again). */
function chosenStatus(side: DocFields, base: DocFields | null): DocFields {
  const s = view(side);
  const b = base === null ? null : view(base);
  if (s === null || (base !== null && b === null)) return side;
  const status = statusBeforeReopen(b, s);
  return status === side.status ? side : { ...side, status };
}

export const tickets = defineCollection({
  name: 'tickets',
  schema: ticketSchema,
  scope: 'customer',
  access: {
    staff: write(),
    client: limited({
      actions: ['read', 'create', 'update'],
      create: allFields({
        pinned: {
          status: { oneOf: ['open'] },
          assignedTo: { oneOf: [null] },
          resolvedAt: { oneOf: [null] },
        },
      }),
      update: { ...CLOCK, messages: 'append', status: { oneOf: ['closed'] } },
    }),
  },
  serverOwned: { number: null, slaDeadline: null, firstResponseAt: null },
  userRefs: ['assignedTo'],
  embedded: { messages: { table: 'ticket_messages', parentColumn: 'ticket_id' } },
  invariants: [
    ({ before, after }) =>
      isAppendOnly(before?.messages ?? [], after.messages)
        ? null
        : {
            reason: 'invalid_transition',
            field: 'messages',
            message: 'Messages cannot be edited or removed.',
          },
    ({ actor, before, after }) => {
      const senderType = isStaff(actor.role) ? 'support' : 'client';
      const added = addedElements(before?.messages, after.messages);
      return added.every((m) => m.senderType === senderType && m.senderId === actor.userId)
        ? null
        : { reason: 'not_author', field: 'messages', message: 'New messages must be sent as yourself.' };
    },
    ({ before, after }) =>
      before === null || (before.channel ?? 'ticket') === (after.channel ?? 'ticket')
        ? null
        : {
            reason: 'invalid_transition',
            field: 'channel',
            message: 'A conversation stays a ticket or a chat.',
          },
    ({ actor, before, after }) =>
      actor.role === 'client' && before === null && after.createdBy !== actor.userId
        ? { reason: 'not_author', field: 'createdBy', message: 'A ticket is opened as yourself.' }
        : null,
  ],
  writeRules: [
    {
      // The first-response deadline: a pure function of priority and creation time; a chat has none.
      sets: ['slaDeadline'],
      derive: (_before, doc) => {
        if (doc.channel === 'chat') return { slaDeadline: null };
        const input = slaDeadlineInputSchema.safeParse({ priority: doc.priority, createdAt: doc.createdAt });
        return input.success ? { slaDeadline: slaDeadline(input.data) } : {};
      },
    },
    {
      // The first response: the stored stamp, else the earliest support message's own time (the moment the
      // staff member answered — offline too, as the device recorded it). Messages are append-only, so the
      // stamp never moves once set, and a retried push derives the same value.
      sets: ['firstResponseAt'],
      derive: (_before, doc) => ({ firstResponseAt: firstResponseAt(doc) }),
    },
    {
      // A client reply to a ticket waiting for them leaves it in progress, also when the device left the status.
      sets: ['status'],
      derive: (before, doc) => ({ status: statusAfterReply(before, doc) }),
      undo: (before, doc) => (isReplyReopen(before, doc) ? { ...doc, status: before.status } : doc),
    },
  ],
  serverDerived: [
    {
      input: 'ticketNumber',
      sets: ['number'],
      needs: (doc) => doc.number === null,
      derive: (_doc, number) => ({ number }),
    },
  ],
  merge: {
    // The later status in TICKET_STATUSES wins (a close is never undone by a concurrent reply).
    groups: [
      {
        fields: ['status', 'resolvedAt'],
        rank: (g) => (TICKET_STATUSES as readonly string[]).indexOf(str(g.status)),
      },
    ],
    fields: { firstResponseAt: firstTime, messages: chronological },
    prepare: chosenStatus,
    // The reopen derived again on the merged ticket, so both push orders end in the same status.
    finish: (merged, { base, real, mine }) => {
      const [r, m, x] = [view(real), view(mine), view(merged)];
      const b = base === null ? null : view(base);
      if (r === null || m === null || x === null || (base !== null && b === null)) return merged;
      const status = statusAfterConcurrentReply({ base: b, real: r, mine: m, merged: x });
      return status === merged.status ? merged : { ...merged, status };
    },
  },
});
