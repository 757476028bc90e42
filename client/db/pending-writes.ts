import { useMemo } from 'react';
import type { CollectionName } from '../../shared/collections/index.ts';
import { outboxKey, pendingIdsOfStored } from '../../sync/client/outbox.ts';
import { useLocalValue } from './local-documents.ts';

/**
 * Which documents of a collection carry local writes the server has not acknowledged yet — the per-document
 * "pending" marker (the sync indicator only has counts).
 *
 * The outbox (sync/client/outbox.ts) persists its queue as a local document (`outboxKey`) on every local write
 * and every acknowledgement; reading that document live gives the pending ids without another store. The key
 * and the reading of its shape are the outbox's own; pending-writes.test.ts writes through a real device
 * database.
 */
export const pendingIdsOf = (snapshot: unknown): ReadonlySet<string> => new Set(pendingIdsOfStored(snapshot));

/** The ids of `collection`'s documents with unacknowledged local writes, live (empty while the database opens). */
export function usePendingIds(collection: CollectionName): ReadonlySet<string> {
  const snapshot = useLocalValue(outboxKey(collection));
  return useMemo(() => pendingIdsOf(snapshot), [snapshot]);
}
