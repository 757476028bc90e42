import type { CollectionName } from '../../shared/collections.ts';
import {
  isReplyReopen,
  statusAfterReply,
  type TicketReplyView,
} from '../../shared/domain/portal/ticket-reply.ts';
import type { PlainObject } from '../documents.ts';

/**
 * Domain transitions the server applies to *device-owned* fields of every accepted write (server-owned ones are
 * `server-fields.ts`'s). Both functions take a schema-valid document and `before`, the live master (null for a
 * create or the restore of a tombstone).
 *
 * - tickets: a client reply to a ticket `waiting_client` leaves it `in_progress` (shared/domain/portal/
 *   ticket-reply.ts), also when the device pushed the reply without touching the status.
 */
/** Schema-valid tickets are views of the rule (it reads `status` and `messages`). */
const view = (doc: PlainObject): TicketReplyView => doc as unknown as TicketReplyView;

export function applyWriteRules(
  collection: CollectionName,
  before: PlainObject | null,
  doc: PlainObject,
): PlainObject {
  if (collection !== 'tickets') return doc;
  const status = statusAfterReply(before && view(before), view(doc));
  return status === doc.status ? doc : { ...doc, status };
}

/**
 * The write as the device made it, for authorization: a change that is the rule's own (here the reopen, which a
 * device applies optimistically) is undone, so a client is authorized for the reply alone and still may set no
 * status but `closed`.
 */
export function deviceWriteOf(
  collection: CollectionName,
  before: PlainObject | null,
  doc: PlainObject,
): PlainObject {
  if (collection !== 'tickets' || before === null) return doc;
  return isReplyReopen(view(before), view(doc)) ? { ...doc, status: before.status } : doc;
}
