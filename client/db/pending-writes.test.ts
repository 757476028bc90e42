import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, describe, expect, it } from 'vitest';
import { openDeviceDatabase, type DeviceDatabase } from './database.ts';
import { outboxKey } from '../../sync/client/outbox.ts';
import { pendingIdsOf } from './pending-writes.ts';

const opened: DeviceDatabase[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((d) => d.remove()));
});

const NOW = '2026-11-21T12:00:00.000Z';
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

describe('pending ids from the outbox', () => {
  it('a local write is pending until the server acknowledges it (real outbox, its persisted document)', async () => {
    const database = await openDeviceDatabase({
      userId: crypto.randomUUID(),
      role: 'csm',
      storage: getRxStorageMemory(),
      now: () => new Date(NOW),
      onPendingCount: () => {},
      multiInstance: false,
      only: ['activities'],
    });
    opened.push(database);
    const a = '0190a8e4-0000-7000-8000-00000000a001';
    const b = '0190a8e4-0000-7000-8000-00000000a002';
    const stored = await database.collections.activities!.insert(activity(a));
    await database.collections.activities!.insert(activity(b));
    await database.outbox.flush();
    const read = async () => pendingIdsOf(await database.kv.get(outboxKey('activities')));
    expect([...(await read())].sort()).toEqual([a, b]);

    database.outbox.ack('activities', [{ id: a, stamp: stored.get('clientUpdatedAt') as string }]);
    await database.outbox.flush();
    expect([...(await read())]).toEqual([b]);
  });

  it.each([
    [undefined, []],
    [null, []],
    ['x', []],
    [{ a: '2026-11-21T12:00:00.000Z', b: 3 }, ['a']],
  ])('pendingIdsOf(%j) = %j', (snapshot, ids) => {
    expect([...pendingIdsOf(snapshot)]).toEqual(ids);
  });
});
