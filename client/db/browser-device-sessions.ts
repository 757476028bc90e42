import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { createDeviceSessions, type DeviceSessionDeps, type DeviceSessions } from './device-session.ts';

/**
 * The browser's device sessions over IndexedDB (Dexie). Imported dynamically by client/main.tsx through
 * lazyDeviceSessions, so RxDB, Dexie and the replication form a chunk of their own, off the sign-in screen.
 */
export function createBrowserDeviceSessions(deps: Omit<DeviceSessionDeps, 'storage'>): DeviceSessions {
  return createDeviceSessions({ storage: getRxStorageDexie(), ...deps });
}
