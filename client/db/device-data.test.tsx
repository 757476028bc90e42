// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { staffUser } from '../test/render-app.tsx';
import { staticDeviceSessions } from '../test/device-session.ts';
import { customerDoc } from '../features/customers/test-fixtures.ts';
import { openDeviceDatabase, type DeviceDatabase } from './database.ts';
import { DeviceDataProvider, useLiveCollection, useLiveDocuments } from './device-data.tsx';
import { readAllDocuments } from './read-all.ts';

const opened: DeviceDatabase[] = [];
afterEach(async () => {
  cleanup();
  for (const database of opened.splice(0)) await database.remove();
});

function CustomerCount() {
  const customers = useLiveDocuments('customers');
  return <p>{customers.ready ? `${customers.docs.length} clientes` : 'abrindo'}</p>;
}

describe('useLiveDocuments', () => {
  it('without a query subscribes once: the default query is the same object on every render', async () => {
    const database = await openDeviceDatabase({
      userId: crypto.randomUUID(),
      role: staffUser.role,
      storage: getRxStorageMemory(),
      now: () => new Date('2026-11-21T12:00:00.000Z'),
      onPendingCount: () => {},
      multiInstance: false,
      only: ['customers'],
    });
    opened.push(database);
    await database.collections.customers!.bulkInsert([
      customerDoc(1, { name: 'TechCorp LTDA' }),
      customerDoc(2, { name: 'StartupXYZ' }),
    ]);
    const find = vi.spyOn(database.collections.customers!, 'find');

    render(
      <DeviceDataProvider sessions={staticDeviceSessions(staffUser, database)} user={staffUser}>
        <CustomerCount />
      </DeviceDataProvider>,
    );
    await screen.findByText('2 clientes', {}, { timeout: 10_000 });
    await database.collections.customers!.insert(customerDoc(3, { name: 'AgênciaDigital' }));
    await screen.findByText('3 clientes', {}, { timeout: 10_000 });
    // A new default object per render re-subscribed on every result, and every result rendered again: a loop.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await waitFor(() => expect(find).toHaveBeenCalledTimes(1));
  });
});

function CustomerNames(props: { onResult: (docs: readonly { id: string; name: string }[]) => void }) {
  const customers = useLiveCollection('customers');
  if (customers.ready) props.onResult(customers.docs);
  return (
    <p>
      {customers.ready
        ? customers.docs
            .map((c) => c.name)
            .sort()
            .join(', ')
        : 'abrindo'}
    </p>
  );
}

describe('useLiveCollection', () => {
  it('reads every document once, then follows inserts, updates and deletes without querying again', async () => {
    const database = await openDeviceDatabase({
      userId: crypto.randomUUID(),
      role: staffUser.role,
      storage: getRxStorageMemory(),
      now: () => new Date('2026-11-21T12:00:00.000Z'),
      onPendingCount: () => {},
      multiInstance: false,
      only: ['customers'],
    });
    opened.push(database);
    const customers = database.collections.customers!;
    await customers.bulkInsert([
      customerDoc(1, { name: 'TechCorp LTDA' }),
      customerDoc(2, { name: 'StartupXYZ' }),
    ]);
    const find = vi.spyOn(customers, 'find');
    const results: (readonly { id: string; name: string }[])[] = [];

    render(
      <DeviceDataProvider sessions={staticDeviceSessions(staffUser, database)} user={staffUser}>
        <CustomerNames onResult={(docs) => results.push(docs)} />
      </DeviceDataProvider>,
    );
    await screen.findByText('StartupXYZ, TechCorp LTDA', {}, { timeout: 10_000 });
    expect(find).toHaveBeenCalledTimes(1); // the memory storage's fallback read
    // The same documents as a query gives them, without RxDB's meta fields.
    const first = results.at(-1)!;
    expect([...first].sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      (await readAllDocuments(customers)).sort((a, b) =>
        (a as { id: string }).id.localeCompare((b as { id: string }).id),
      ),
    );
    expect(first.every((d) => !('_meta' in d) && !('_rev' in d))).toBe(true);

    await customers.insert(customerDoc(3, { name: 'AgênciaDigital' }));
    await screen.findByText('AgênciaDigital, StartupXYZ, TechCorp LTDA', {}, { timeout: 10_000 });
    await customers
      .findOne(customerDoc(2, { name: 'x' }).id)
      .exec()
      .then((d) => d!.incrementalPatch({ name: 'StartupXYZ Ltda' }));
    await screen.findByText('AgênciaDigital, StartupXYZ Ltda, TechCorp LTDA', {}, { timeout: 10_000 });
    await customers
      .findOne(customerDoc(1, { name: 'x' }).id)
      .exec()
      .then((d) => d!.remove());
    await screen.findByText('AgênciaDigital, StartupXYZ Ltda', {}, { timeout: 10_000 });

    // An unchanged document keeps its object (features memoise per document); a changed one is new.
    const last = results.at(-1)!;
    const byId = (list: readonly { id: string }[], n: number) =>
      list.find((d) => d.id === customerDoc(n, { name: 'x' }).id);
    expect(byId(last, 3)).toBe(
      byId(
        results.find((r) => byId(r, 3) !== undefined)!,
        3,
      ),
    );
    expect(byId(last, 2)).not.toBe(byId(first, 2));
    // No read after the first (and the test's own comparison): the changes came from the change stream.
    expect(find).toHaveBeenCalledTimes(2);
  });

  it('keeps changes made while the first read runs', async () => {
    const database = await openDeviceDatabase({
      userId: crypto.randomUUID(),
      role: staffUser.role,
      storage: getRxStorageMemory(),
      now: () => new Date('2026-11-21T12:00:00.000Z'),
      onPendingCount: () => {},
      multiInstance: false,
      only: ['customers'],
    });
    opened.push(database);
    const customers = database.collections.customers!;
    await customers.insert(customerDoc(1, { name: 'TechCorp LTDA' }));
    // The read answers only after a write the change stream delivered first.
    const exec = customers.find().exec.bind(customers.find());
    let wrote!: Promise<unknown>;
    vi.spyOn(customers, 'find').mockImplementationOnce(
      () =>
        ({
          exec: async () => {
            const before = await exec();
            wrote = customers.insert(customerDoc(2, { name: 'StartupXYZ' }));
            await wrote;
            return before;
          },
        }) as never,
    );
    render(
      <DeviceDataProvider sessions={staticDeviceSessions(staffUser, database)} user={staffUser}>
        <CustomerNames onResult={() => undefined} />
      </DeviceDataProvider>,
    );
    await screen.findByText('StartupXYZ, TechCorp LTDA', {}, { timeout: 10_000 });
  });
});
