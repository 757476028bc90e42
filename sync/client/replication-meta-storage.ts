import type { RxStorage, RxStorageInstanceCreationParams } from 'rxdb';

/**
 * RxDB names the storage instance of a replication's meta rows (each pulled document's assumed master, the
 * checkpoints) `rx-replication-meta-<hash>` (rxdb/plugins/replication).
 */
export const REPLICATION_META_PREFIX = 'rx-replication-meta-';

/**
 * The device's storage with the replication's meta instances kept to this tab: every other instance (the
 * collections, the local documents) still broadcasts its writes to the other tabs of the same database.
 *
 * Why: a multi-instance storage posts every write's change events, documents included, on a BroadcastChannel
 * (a structured clone on the writing tab's main thread). The replication writes a meta row for every pulled
 * document, so a first sync cloned every document twice more for nobody (issue 16: BroadcastChannel ≈ 7 % of
 * a 10,000-customer first sync's main thread, half of it meta rows).
 *
 * Invariant: no other tab needs them. Only the leader tab runs the replications (`waitForLeadership`); a tab
 * that is not the leader never opens a meta instance, and the replication reads its meta rows from storage,
 * never from their change stream (RxDB 17's upstream watches the collection's own instance, which stays
 * multi-instance so the leader pushes writes made in other tabs). A tab that becomes leader reads the rows
 * the previous leader stored in the shared IndexedDB.
 */
export function withTabLocalReplicationMeta<Internals, Options>(
  storage: RxStorage<Internals, Options>,
): RxStorage<Internals, Options> {
  return {
    name: storage.name,
    rxdbVersion: storage.rxdbVersion,
    createStorageInstance<RxDocType>(params: RxStorageInstanceCreationParams<RxDocType, Options>) {
      return storage.createStorageInstance(
        params.collectionName.startsWith(REPLICATION_META_PREFIX)
          ? { ...params, multiInstance: false }
          : params,
      );
    },
  };
}
