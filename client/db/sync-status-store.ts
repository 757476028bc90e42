import {
  initialSyncStatus,
  reduceSyncStatus,
  type SyncEvent,
  type SyncStatus,
} from '../../sync/client/status.ts';
import type { NetworkStatus } from '../platform/network.ts';
import type { SyncStatusSource } from '../sync-status/sync-status-source.ts';

/**
 * The live `SyncStatusSource` behind the top bar: the sync engine dispatches replication events into it and
 * the pure reducer (sync/client/status.ts) turns them into immutable snapshots. It outlives device sessions:
 * `reset` starts a fresh status for the next signed-in user's collections.
 */
export interface SyncStatusStore extends SyncStatusSource {
  dispatch(event: SyncEvent): void;
  reset(collections: readonly string[]): void;
}

export function createSyncStatusStore(network: NetworkStatus, now: () => Date): SyncStatusStore {
  let state: SyncStatus = initialSyncStatus([], network.isOnline());
  const listeners = new Set<() => void>();
  const set = (next: SyncStatus) => {
    if (next === state) return;
    state = next;
    for (const l of [...listeners]) l();
  };
  const dispatch = (event: SyncEvent) => set(reduceSyncStatus(state, event, now()));
  network.subscribe(() => dispatch({ type: 'network', online: network.isOnline() }));
  return {
    getSnapshot: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    dispatch,
    reset: (collections) => set(initialSyncStatus(collections, network.isOnline())),
  };
}
