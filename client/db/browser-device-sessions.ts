import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { withTabLocalReplicationMeta } from '../../sync/client/replication-meta-storage.ts';
import { createDeviceSessions, type DeviceSessionDeps, type DeviceSessions } from './device-session.ts';

/**
 * The browser's device sessions over IndexedDB (Dexie). Imported dynamically by client/main.tsx through
 * lazyDeviceSessions, so RxDB, Dexie and the replication form a chunk of their own, off the sign-in screen.
 * The replication's meta rows are not broadcast to other tabs (replication-meta-storage.ts).
 */
export function createBrowserDeviceSessions(deps: Omit<DeviceSessionDeps, 'storage'>): DeviceSessions {
  return createDeviceSessions({ storage: withTabLocalReplicationMeta(getRxStorageDexie()), ...deps });
}
