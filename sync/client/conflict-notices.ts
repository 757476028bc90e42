import { z } from 'zod';
import type { CollectionName } from '../../shared/collections/index.ts';
import { resolveConflict } from '../conflicts/handlers.ts';
import { lostWrites, type LostField } from '../conflicts/lost-writes.ts';
import type { PlainObject } from '../documents.ts';
import type { KeyValueStore } from './outbox.ts';

/**
 * The device's notices of writes a conflict merge did not keep ("someone else changed this at the same time;
 * theirs stands"), persisted as one local document so they survive reloads until the user dismisses them or
 * writes their value again.
 *
 * Detection runs in the push handler (replicate.ts), where the device knows what it pushed (the assumed
 * master and its new state) and gets the server's master back: it resolves the conflict with the same pure
 * handler RxDB is about to run (sync/conflicts/handlers.ts) and compares with `lostWrites`. Rejected rows are
 * not conflicts of people (the sync status shows them as rejected) and are left out.
 *
 * That covers the device whose push reached the server second (it merges). The one whose push was stored first
 * only pulls the other's merged result; acked-writes.ts recognises that case on pull.
 */
export const CONFLICT_NOTICES_KEY = 'conflict-notices';
export const MAX_CONFLICT_NOTICES = 30;

const lostFieldSchema = z.object({
  path: z.array(z.string()).min(1),
  elementLabel: z.string().nullable().optional(),
  mine: z.unknown(),
  kept: z.unknown(),
});

export const conflictNoticeSchema = z.object({
  /** `<collection>:<documentId>`: one notice per document, the latest losses merged into it. */
  id: z.string(),
  collection: z.string(),
  documentId: z.string(),
  /** The document's name as people know it (a customer's name, a ticket's subject), when it has one. */
  label: z.string().nullable(),
  fields: z.array(lostFieldSchema).min(1),
  at: z.string(),
});
export type ConflictNotice = z.infer<typeof conflictNoticeSchema>;

/** Notices from a persisted value; anything malformed (an older shape) is dropped, never thrown. */
export function noticesOf(value: unknown): ConflictNotice[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((v) => {
    const parsed = conflictNoticeSchema.safeParse(v);
    return parsed.success ? [parsed.data] : [];
  });
}

const seqOf = (doc: PlainObject): number => (typeof doc.serverSeq === 'number' ? doc.serverSeq : 0);

const pathKey = (f: { path: readonly string[] }) => f.path.join('\u0000');

function labelOf(doc: PlainObject): string | null {
  for (const key of ['name', 'subject', 'title']) if (typeof doc[key] === 'string') return doc[key] as string;
  return null;
}

/** Adds `fresh` to the list: a document's new losses replace older ones on the same fields; newest first, bounded. */
export function addNotice(list: readonly ConflictNotice[], fresh: ConflictNotice): ConflictNotice[] {
  const previous = list.find((n) => n.id === fresh.id);
  const fields = [
    ...fresh.fields,
    ...(previous?.fields ?? []).filter((f) => !fresh.fields.some((g) => pathKey(g) === pathKey(f))),
  ];
  return [{ ...fresh, fields }, ...list.filter((n) => n.id !== fresh.id)].slice(0, MAX_CONFLICT_NOTICES);
}

export interface PushedRow {
  readonly assumedMasterState?: PlainObject | null | undefined;
  readonly newDocumentState: PlainObject;
}

/**
 * The notices one push answer implies: for each returned master that is a conflict (not a rejection), what the
 * device wrote and the merge drops.
 */
export function noticesFromPush(input: {
  collection: CollectionName;
  rows: readonly PushedRow[];
  conflicts: readonly PlainObject[];
  rejectedIds: ReadonlySet<string>;
  at: string;
}): ConflictNotice[] {
  const out: ConflictNotice[] = [];
  for (const real of input.conflicts) {
    const id = String(real.id);
    if (input.rejectedIds.has(id)) continue;
    const row = input.rows.find((r) => r.newDocumentState.id === id);
    if (!row) continue;
    const base = row.assumedMasterState ?? null;
    // Not newer than what the device based its write on: nobody else wrote, the server refused (a rejection).
    if (base && seqOf(real) <= seqOf(base)) continue;
    const resolved = resolveConflict(input.collection, {
      assumedMasterState: base,
      realMasterState: real,
      newDocumentState: row.newDocumentState,
    });
    const fields = lostWrites(input.collection, { base, mine: row.newDocumentState, resolved });
    if (fields.length > 0) out.push(noticeOf(input.collection, resolved, fields, input.at));
  }
  return out;
}

/** The notice for `resolved` (the document as it stands) and what the device lost on it. */
export function noticeOf(
  collection: CollectionName,
  resolved: PlainObject,
  fields: readonly LostField[],
  at: string,
): ConflictNotice {
  const id = String(resolved.id);
  return {
    id: `${collection}:${id}`,
    collection,
    documentId: id,
    label: labelOf(resolved),
    fields: fields.map((f) => ({ ...f, path: [...f.path], mine: f.mine ?? null, kept: f.kept ?? null })),
    at,
  };
}

export interface ConflictNoticeStore {
  record(notices: readonly ConflictNotice[]): Promise<void>;
  dismiss(id: string): Promise<void>;
}

/** Read-modify-write of the one local document, serialised so two pushes answering at once lose nothing. */
export function createConflictNoticeStore(store: KeyValueStore): ConflictNoticeStore {
  let queue: Promise<void> = Promise.resolve();
  const update = (change: (list: ConflictNotice[]) => ConflictNotice[]) => {
    // A failed write (storage closing) must not wedge the queue for the next one.
    queue = queue
      .catch(() => undefined)
      .then(async () => {
        const list = noticesOf(await store.get(CONFLICT_NOTICES_KEY));
        await store.set(CONFLICT_NOTICES_KEY, change(list));
      });
    return queue;
  };
  return {
    record: (notices) => (notices.length === 0 ? queue : update((list) => notices.reduce(addNotice, list))),
    dismiss: (id) => update((list) => list.filter((n) => n.id !== id)),
  };
}
