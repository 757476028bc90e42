import { initialSyncStatus, type SyncStatus } from '../../sync/client/status.ts';
import type { NetworkStatus } from '../platform/network.ts';

export type { Connectivity, SyncStatus } from '../../sync/client/status.ts';

/**
 * What the top bar's sync indicator renders from: any store that hands out immutable `SyncStatus` snapshots
 * (sync/client/status.ts — connectivity, pending writes per collection, last sync, first-sync progress,
 * rejected writes, blockers) and tells when a new one is available. Shaped for React's `useSyncExternalStore`:
 * `getSnapshot` must return the same object until something changed.
 *
 * The sync engine provides the real implementation (feeding `reduceSyncStatus` with replication events);
 * until it is wired, `networkSyncStatus` reports connectivity from the browser and nothing pending.
 */
export interface SyncStatusSource {
  getSnapshot(): SyncStatus;
  subscribe(listener: () => void): () => void;
}

/** Connectivity only, from `navigator.onLine`: no collections, nothing pending, never synced. */
export function networkSyncStatus(network: NetworkStatus): SyncStatusSource {
  const snapshotFor = (online: boolean): SyncStatus => ({
    ...initialSyncStatus([], online),
    // Without a sync engine there is no stream to wait for: "online" is all we can know.
    connectivity: online ? 'online' : 'offline',
  });
  // Cached per connectivity value so repeated reads return the identical object (useSyncExternalStore).
  const snapshots = { online: snapshotFor(true), offline: snapshotFor(false) };
  return {
    getSnapshot: () => (network.isOnline() ? snapshots.online : snapshots.offline),
    subscribe: (listener) => network.subscribe(listener),
  };
}

/** A fixed snapshot with a manual `set`, for tests and stories. */
export function staticSyncStatus(initial: SyncStatus): SyncStatusSource & { set(next: SyncStatus): void } {
  let current = initial;
  const listeners = new Set<() => void>();
  return {
    getSnapshot: () => current,
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    set(next) {
      current = next;
      for (const l of [...listeners]) l();
    },
  };
}
