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
  /**
   * A fresh status for the next user; `restored` is what the device persisted (survives reloads): the last
   * successful sync, and the pending counts of the persisted outbox.
   */
  reset(collections: readonly string[], restored?: RestoredSyncStatus): void;
}

export interface RestoredSyncStatus {
  readonly lastSyncedAt: string | null;
  readonly pending?: Readonly<Record<string, number>>;
}

/**
 * With no collections (nobody signed in) there is no stream to wait for: the browser's network signal is all
 * there is to know, so "online" rather than "connecting".
 */
function idleAware(status: SyncStatus, online: boolean): SyncStatus {
  if (status.collections.length > 0) return status;
  const connectivity = online ? 'online' : 'offline';
  return status.connectivity === connectivity ? status : { ...status, connectivity };
}

export function createSyncStatusStore(network: NetworkStatus, now: () => Date): SyncStatusStore {
  let state: SyncStatus = idleAware(initialSyncStatus([], network.isOnline()), network.isOnline());
  const listeners = new Set<() => void>();
  const set = (next: SyncStatus) => {
    if (next === state) return;
    state = next;
    for (const l of [...listeners]) l();
  };
  const dispatch = (event: SyncEvent) =>
    set(idleAware(reduceSyncStatus(state, event, now()), network.isOnline()));
  network.subscribe(() => dispatch({ type: 'network', online: network.isOnline() }));
  return {
    getSnapshot: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    dispatch,
    reset: (collections, restored) =>
      set(
        idleAware(
          {
            ...initialSyncStatus(collections, network.isOnline()),
            lastSyncedAt: restored?.lastSyncedAt ?? null,
            pending: { ...restored?.pending },
          },
          network.isOnline(),
        ),
      ),
  };
}
