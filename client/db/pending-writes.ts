import { useMemo } from 'react';
import type { CollectionName } from '../../shared/collections/index.ts';
import { useLocalValue } from './local-documents.ts';

/**
 * Which documents of a collection carry local writes the server has not acknowledged yet — the per-document
 * "pending" marker (the sync indicator only has counts).
 *
 * The outbox (sync/client/outbox.ts) persists its entries as the local document `outbox:<collection>`, a
 * record `{ [documentId]: stamp }`, on every local write and every acknowledgement; reading that document live
 * gives the pending ids without another store. The key and shape are the outbox's: pending-writes.test.ts
 * writes through a real device database and fails if they change.
 */
export const outboxDocumentKey = (collection: CollectionName): string => `outbox:${collection}`;

/** The ids in a persisted outbox snapshot; anything else (absent, an older shape) is "nothing pending". */
export function pendingIdsOf(snapshot: unknown): ReadonlySet<string> {
  if (!snapshot || typeof snapshot !== 'object') return EMPTY;
  return new Set(
    Object.entries(snapshot as Record<string, unknown>)
      .filter(([, stamp]) => typeof stamp === 'string')
      .map(([id]) => id),
  );
}

const EMPTY: ReadonlySet<string> = new Set();

/** The ids of `collection`'s documents with unacknowledged local writes, live (empty while the database opens). */
export function usePendingIds(collection: CollectionName): ReadonlySet<string> {
  const snapshot = useLocalValue(outboxDocumentKey(collection));
  return useMemo(() => pendingIdsOf(snapshot), [snapshot]);
}
