// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { staffUser } from '../test/render-app.tsx';
import { staticDeviceSessions } from '../test/device-session.ts';
import { customerDoc } from '../features/customers/test-fixtures.ts';
import { openDeviceDatabase, type DeviceDatabase } from './database.ts';
import { DeviceDataProvider, useLiveDocuments } from './device-data.tsx';

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
