import { useSyncExternalStore } from 'react';
import { useDependencies } from '../platform/dependencies.tsx';
import type { Connectivity, SyncStatus } from './sync-status-source.ts';

/**
 * The whole sync status, for the shell's indicator and banners. Every replication event makes a new snapshot
 * (a pull stamps `lastSyncedAt`), and `useSyncExternalStore` re-renders its readers synchronously, ahead of any
 * route transition in progress — so a list item that only needs to know whether the device is online reads
 * `useConnectivity` instead: with one `useSyncStatus` per card, the burst of pulls after reconnecting re-rendered
 * every card dozens of times and starved the navigation to the next screen for seconds.
 */
export function useSyncStatus(): SyncStatus {
  const { syncStatus } = useDependencies();
  return useSyncExternalStore(syncStatus.subscribe, syncStatus.getSnapshot, syncStatus.getSnapshot);
}

/** Only the connectivity: re-renders when the device goes online or offline, not on every pull. */
export function useConnectivity(): Connectivity {
  const { syncStatus } = useDependencies();
  const select = () => syncStatus.getSnapshot().connectivity;
  return useSyncExternalStore(syncStatus.subscribe, select, select);
}
