import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, describe, expect, it } from 'vitest';
import { customerDoc } from '../features/customers/test-fixtures.ts';
import { openDeviceDatabase, type DeviceDatabase } from './database.ts';
import { localDocument$ } from './local-documents.ts';

const opened: DeviceDatabase[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((d) => d.remove()));
});

async function open(): Promise<DeviceDatabase> {
  const database = await openDeviceDatabase({
    userId: crypto.randomUUID(),
    role: 'csm',
    storage: getRxStorageMemory(),
    now: () => new Date('2026-12-07T12:00:00.000Z'),
    onPendingCount: () => {},
    multiInstance: false,
    only: ['customers'],
  });
  opened.push(database);
  return database;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('localDocument$', () => {
  it('emits the stored state, then again after each write to its key: not for other keys or collections', async () => {
    const database = await open();
    await database.kv.set('profile', 'antes');
    const seen: unknown[] = [];
    const sub = localDocument$<{ value: unknown }>(database.db, 'profile').subscribe((doc) =>
      seen.push(doc ? doc.get('value') : null),
    );
    await settle();
    expect(seen).toEqual(['antes']);

    await database.kv.set('another-key', 1);
    await database.collections.customers!.bulkInsert(
      [1, 2, 3].map((n) => customerDoc(n, { name: `Cliente ${n}` })),
    );
    await settle();
    expect(seen).toEqual(['antes']);

    await database.kv.set('profile', 'depois');
    await settle();
    expect(seen).toEqual(['antes', 'depois']);
    sub.unsubscribe();
  });

  it('a document that does not exist yet is null until it is written', async () => {
    const database = await open();
    const seen: unknown[] = [];
    const sub = localDocument$<{ value: unknown }>(database.db, 'staff-directory').subscribe((doc) =>
      seen.push(doc ? doc.get('value') : null),
    );
    await settle();
    expect(seen).toEqual([null]);
    await database.kv.set('staff-directory', [{ id: 'u1', name: 'Maria' }]);
    await settle();
    expect(seen).toEqual([null, [{ id: 'u1', name: 'Maria' }]]);
    sub.unsubscribe();
  });
});
