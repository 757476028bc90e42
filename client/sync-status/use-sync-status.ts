import { useSyncExternalStore } from 'react';
import { useDependencies } from '../platform/dependencies.tsx';
import type { SyncStatus } from './sync-status-source.ts';

export function useSyncStatus(): SyncStatus {
  const { syncStatus } = useDependencies();
  return useSyncExternalStore(syncStatus.subscribe, syncStatus.getSnapshot, syncStatus.getSnapshot);
}
