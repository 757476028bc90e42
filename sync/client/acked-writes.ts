import { z } from 'zod';
import type { CollectionName } from '../../shared/collections/index.ts';
import { lostWrites } from '../conflicts/lost-writes.ts';
import { instantMs, isPlainObject, type PlainObject } from '../documents.ts';
import { noticeOf, type ConflictNotice, type PushedRow } from './conflict-notices.ts';
import type { KeyValueStore } from './outbox.ts';

/**
 * The other half of telling a person their offline edit lost (conflict-notices.ts covers the device that
 * merges). When this device's write is stored first and someone else's concurrent write is stored after it,
 * *their* device merges against ours and pushes the result; we only pull it. The pulled document alone looks
 * like any later edit, so the device remembers its recently accepted writes (what it wrote, on which base, its
 * stamp, and when the server accepted it, by this device's clock) and checks every pulled version of them:
 *
 * - stamped before our write (`clientUpdatedAt` < ours): an older state arriving late — ignored;
 * - stamped at or after the moment the server accepted ours: written after ours existed — a later edit, not a
 *   lost conflict; the memory of our write is dropped;
 * - stamped in between: its author stamped it before our write reached the server, so they could not have seen
 *   it — a concurrent write; whatever of ours the pulled state does not hold (`lostWrites`) was lost to the
 *   merge rule, and the user is told.
 *
 * The middle test compares two devices' clocks, as the merge's own "later write wins" rule does; a device clock
 * that is far off can make it miss a loss or, rarely, report one. Memory is bounded (count and age), persisted
 * as one local document so a reload between our push and the other's arrival still tells.
 */
export const ACKED_WRITES_KEY = 'acked-writes';
export const MAX_ACKED_WRITES = 200;
/** Older acknowledgements are forgotten: a concurrent write that arrives later than this is not recognised. */
export const ACKED_WRITE_TTL_MS = 14 * 24 * 60 * 60 * 1000;

const ackedWriteSchema = z.object({
  collection: z.string(),
  id: z.string(),
  stamp: z.string(),
  ackedAt: z.string(),
  base: z.record(z.string(), z.unknown()).nullable(),
  mine: z.record(z.string(), z.unknown()),
});
export type AckedWrite = z.infer<typeof ackedWriteSchema>;

export function ackedWritesOf(value: unknown): AckedWrite[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((v) => {
    const parsed = ackedWriteSchema.safeParse(v);
    return parsed.success ? [parsed.data] : [];
  });
}

export type PulledVerdict =
  | { readonly kind: 'keep' }
  | { readonly kind: 'forget' }
  | { readonly kind: 'lost'; readonly notice: ConflictNotice };

/** What a pulled version of a document means for our remembered accepted write of it (pure). */
export function judgePulled(entry: AckedWrite, pulled: PlainObject, at: string): PulledVerdict {
  const stamped = instantMs(pulled.clientUpdatedAt);
  if (stamped < instantMs(entry.stamp)) return { kind: 'keep' };
  if (stamped >= instantMs(entry.ackedAt)) return { kind: 'forget' };
  const collection = entry.collection as CollectionName;
  const fields = lostWrites(collection, { base: entry.base, mine: entry.mine, resolved: pulled });
  if (fields.length === 0) return { kind: 'keep' };
  return { kind: 'lost', notice: noticeOf(collection, pulled, fields, at) };
}

const keyOf = (e: { collection: string; id: string }) => `${e.collection}:${e.id}`;

export interface AckedWrites {
  /** The rows of a push the server accepted (neither returned as a conflict nor rejected). */
  remember(collection: string, rows: readonly PushedRow[]): Promise<void>;
  /** The notices pulled documents imply; their remembered writes are settled. */
  inspect(collection: string, documents: readonly unknown[]): Promise<ConflictNotice[]>;
}

export function createAckedWrites(deps: { store: KeyValueStore; now: () => Date }): AckedWrites {
  let cache: Map<string, AckedWrite> | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(work: (entries: Map<string, AckedWrite>) => Promise<T>): Promise<T> => {
    const next = queue
      .catch(() => undefined)
      .then(async () => {
        cache ??= new Map(ackedWritesOf(await deps.store.get(ACKED_WRITES_KEY)).map((e) => [keyOf(e), e]));
        return work(cache);
      });
    queue = next;
    return next;
  };
  const persist = async (entries: Map<string, AckedWrite>) => {
    const oldest = deps.now().getTime() - ACKED_WRITE_TTL_MS;
    const kept = [...entries.values()]
      .filter((e) => instantMs(e.ackedAt) >= oldest)
      .sort((a, b) => instantMs(b.ackedAt) - instantMs(a.ackedAt))
      .slice(0, MAX_ACKED_WRITES);
    entries.clear();
    for (const e of kept) entries.set(keyOf(e), e);
    await deps.store.set(ACKED_WRITES_KEY, kept);
  };

  return {
    remember: (collection, rows) =>
      rows.length === 0
        ? Promise.resolve()
        : serially(async (entries) => {
            const ackedAt = deps.now().toISOString();
            for (const row of rows) {
              const mine = row.newDocumentState;
              if (typeof mine.id !== 'string' || typeof mine.clientUpdatedAt !== 'string') continue;
              const entry: AckedWrite = {
                collection,
                id: mine.id,
                stamp: mine.clientUpdatedAt,
                ackedAt,
                base: row.assumedMasterState ?? null,
                mine,
              };
              entries.set(keyOf(entry), entry);
            }
            await persist(entries);
          }),
    inspect: (collection, documents) =>
      serially(async (entries) => {
        if (entries.size === 0) return [];
        const at = deps.now().toISOString();
        const notices: ConflictNotice[] = [];
        let changed = false;
        for (const doc of documents) {
          if (!isPlainObject(doc) || typeof doc.id !== 'string') continue;
          const key = keyOf({ collection, id: doc.id });
          const entry = entries.get(key);
          if (!entry) continue;
          const verdict = judgePulled(entry, doc, at);
          if (verdict.kind === 'keep') continue;
          entries.delete(key);
          changed = true;
          if (verdict.kind === 'lost') notices.push(verdict.notice);
        }
        if (changed) await persist(entries);
        return notices;
      }),
  };
}
