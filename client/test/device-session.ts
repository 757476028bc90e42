import type { KeyValueStore } from '../../sync/client/outbox.ts';
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
