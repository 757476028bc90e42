import type { RxCollection } from 'rxdb';
import type { Outbox } from './outbox.ts';

/**
 * Every local write through the collection API (insert, patch, modify, remove) is stamped with a monotonic
 * `clientUpdatedAt` and counted as pending in the outbox. Writes made by the replication itself (pulled
 * documents, resolved conflicts) bypass RxDB's hooks, so they are never counted as local changes.
 *
 * Call once per collection right after it is created.
 */
export function trackLocalWrites(name: string, collection: RxCollection, outbox: Outbox): void {
  const stamp = (data: { clientUpdatedAt?: string }) => {
    data.clientUpdatedAt = outbox.nextStamp();
  };
  const mark = (data: { id: string; clientUpdatedAt: string }) =>
    outbox.mark(name, data.id, data.clientUpdatedAt);
  collection.preInsert(stamp, false);
  collection.preSave(stamp, false);
  collection.preRemove(stamp, false);
  collection.postInsert(mark, false);
  collection.postSave(mark, false);
  collection.postRemove(mark, false);
}
