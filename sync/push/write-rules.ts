import { definitionOf, type CollectionName } from '../../shared/collections/index.ts';
import type { PlainObject } from '../documents.ts';

/**
 * The engine of a collection's write rules (its definition's `writeRules`, shared/collections/<name>.ts): the
 * domain rules that derive fields of a write from the document itself — a ticket's SLA deadline, a client
 * reply's reopen. The device runs `applyWriteRules` on what it writes (optimistic); the server runs the same
 * function on every accepted push, against its master (authoritative, sync/push/decide.ts). Both functions
 * take a schema-valid document and `before`, the live master (null for a create or the restore of a tombstone).
 *
 * Invariant: only the fields a rule declares in `sets` are applied, and rules are pure, so a retried push
 * derives the same values and stays a no-op.
 */
export function applyWriteRules(
  collection: CollectionName,
  before: PlainObject | null,
  doc: PlainObject,
): PlainObject {
  let out = doc;
  for (const rule of definitionOf(collection).writeRules) {
    const derived: PlainObject = rule.derive(before, out);
    const changed = rule.sets.filter((f) => f in derived && derived[f] !== out[f]);
    if (changed.length > 0) out = { ...out, ...Object.fromEntries(changed.map((f) => [f, derived[f]])) };
  }
  return out;
}

/**
 * The write as the device made it, for authorization: a change that is a rule's own (the reopen, which a device
 * applies optimistically) is undone, so a client is authorized for the reply alone and still may set no
 * status but `closed`.
 */
export function deviceWriteOf(
  collection: CollectionName,
  before: PlainObject | null,
  doc: PlainObject,
): PlainObject {
  if (before === null) return doc;
  return definitionOf(collection).writeRules.reduce((d, rule) => (rule.undo ? rule.undo(before, d) : d), doc);
}
