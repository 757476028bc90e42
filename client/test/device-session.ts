import type { KeyValueStore } from '../../sync/client/outbox.ts';
import type { SignedInUser } from '../../shared/identity.ts';
import type { DeviceDatabase } from '../db/database.ts';
import type { DeviceSession, DeviceSessions } from '../db/device-session.ts';
import { createDeviceSettingsSync, type DeviceSettingsSync } from '../db/device-settings.ts';

/**
 * The settings part of a test's DeviceSession: real local documents in the test's database, and a network that
 * is down (refreshes change nothing, profile edits stay queued), like the offline screens these tests render.
 */
export function offlineDeviceSettings(database: { kv: KeyValueStore }): DeviceSettingsSync {
  return createDeviceSettingsSync({
    fetch: (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch,
    baseUrl: '',
    kv: database.kv,
    now: () => new Date('2026-11-21T12:00:00.000Z'),
  });
}

/**
 * A signed-in device session over a test's own database, with replication switched off: what the screens
 * render comes from the local database only (the offline case). `sessions` always answers with it.
 */
export function staticDeviceSessions(
  user: SignedInUser,
  database: DeviceDatabase,
  settings: DeviceSettingsSync = offlineDeviceSettings(database),
): DeviceSessions {
  const session: DeviceSession = {
    user,
    database,
    sync: { states: {}, reSync: () => {}, reconnect: () => {}, stop: async () => {} },
    settings,
    close: async () => {},
    wipe: async () => {},
  };
  return {
    open: async () => session,
    current: () => session,
    closeCurrent: async () => {},
    lifecycle: { onLogout: async () => {} },
  };
}
