import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, describe, expect, it } from 'vitest';
import type { SignedInUser } from '../../shared/identity.ts';
import { totalPending } from '../../sync/client/status.ts';
import { manualNetwork } from '../platform/network.ts';
import { createDeviceSessions, type DeviceSessions } from './device-session.ts';
import { createSyncStatusStore } from './sync-status-store.ts';

const NOW = '2026-11-21T12:00:00.000Z';
const USER: SignedInUser = {
  id: '0190a8e4-0000-7000-8000-00000000c001',
  email: 'maria@arco.example',
  name: 'Maria',
  role: 'csm',
  organizationId: '0190a8e4-0000-7000-8000-00000000c0a0',
  customerId: null,
  locale: 'pt-BR',
  timeZone: 'America/Sao_Paulo',
};

const activity = (id: string) => ({
  id,
  updatedAt: NOW,
  serverSeq: 0,
  clientUpdatedAt: NOW,
  customerId: '0190a8e4-0000-7000-8000-000000000101',
  type: 'call',
  title: 'Ligação',
  description: null,
  performedBy: null,
  performedByName: null,
  occurredAt: NOW,
  metadata: {},
});

const opened: DeviceSessions[] = [];
afterEach(async () => {
  // The newest first: an older one, closed already, would delete the database under the open one.
  for (const s of opened.splice(0).reverse()) await s.lifecycle.onLogout(USER);
});

/** A device with no network at all: every request fails as a browser's fetch does offline. */
function offlineDevice(storage: ReturnType<typeof getRxStorageMemory>) {
  const status = createSyncStatusStore(manualNetwork(false), () => new Date(NOW));
  const sessions = createDeviceSessions({
    storage,
    fetch: (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch,
    now: () => new Date(NOW),
    status,
    baseUrl: 'http://127.0.0.1:9',
    multiInstance: false,
    // Timers never fire: nothing here may wait on a retry.
    setTimeout: () => 0,
    clearTimeout: () => {},
    clearBrowserData: async () => {},
  });
  opened.push(sessions);
  return { status, sessions };
}

describe('device session', () => {
  it('a reload while offline still counts the queued writes (the status starts from the persisted outbox)', async () => {
    const storage = getRxStorageMemory();
    const first = offlineDevice(storage);
    const session = await first.sessions.open(USER);
    // activities is not among the first collections (database.ts `first`): it opens right after.
    await session.database.allOpen;
    await session.database.collections.activities!.insert(activity('0190a8e4-0000-7000-8000-00000000a001'));
    expect(totalPending(first.status.getSnapshot())).toBe(1);
    await first.sessions.closeCurrent();

    // The reload: a fresh status store and a fresh session over the same stored database.
    const second = offlineDevice(storage);
    await second.sessions.open(USER);
    expect(second.status.getSnapshot().pending).toMatchObject({ activities: 1 });
    expect(totalPending(second.status.getSnapshot())).toBe(1);
  });

  it('a tab that does not replicate learns which collections the leader finished, and a reload keeps it', async () => {
    const storage = getRxStorageMemory();
    const tab = offlineDevice(storage);
    const session = await tab.sessions.open(USER);
    expect(tab.status.getSnapshot().initialSynced).toEqual([]);
    // The leader tab records its caught-up collections in the shared database (here: written directly).
    await session.database.kv.update('first-synced', () => ['customers', 'health']);
    expect(tab.status.getSnapshot().initialSynced).toEqual(['customers', 'health']);
    await tab.sessions.closeCurrent();

    const reload = offlineDevice(storage);
    await reload.sessions.open(USER);
    expect(reload.status.getSnapshot().initialSynced).toEqual(['customers', 'health']);
  });

  it('a sign-out tapped while the session is still opening wipes what the open created', async () => {
    const storage = getRxStorageMemory();
    const first = offlineDevice(storage);
    const session = await first.sessions.open(USER);
    // activities is not among the first collections (database.ts `first`): it opens right after.
    await session.database.allOpen;
    await session.database.collections.activities!.insert(activity('0190a8e4-0000-7000-8000-00000000a002'));
    await first.sessions.closeCurrent();

    // The reload: the session starts opening, and "Sair" is tapped before it is ready.
    const second = offlineDevice(storage);
    const opening = second.sessions.open(USER);
    const loggingOut = second.sessions.lifecycle.onLogout(USER);
    const settled = await Promise.allSettled([opening, loggingOut]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled']);
    await loggingOut;
    expect(second.sessions.current()).toBeNull();

    const third = offlineDevice(storage);
    const after = await third.sessions.open(USER);
    await after.database.allOpen;
    expect(await after.database.collections.activities!.count().exec()).toBe(0);
    expect(totalPending(third.status.getSnapshot())).toBe(0);
  });
});
