import { Outlet } from 'react-router';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { expect } from 'vitest';
import { createAppRoutes } from '../app/routes.tsx';
import { openDeviceDatabase, type DeviceDatabase } from '../db/database.ts';
import { DeviceDataProvider } from '../db/device-data.tsx';
import { staticDeviceSessions } from './device-session.ts';
import { NOW } from './portal-fixtures.ts';
import { clientUser, renderApp } from './render-app.tsx';

/**
 * The real app (routes, shell, i18n) over a real RxDB device database (memory storage, role client), offline:
 * what the client sees comes from the device only, and what they write lands there as valid documents.
 * `removeDatabases()` after each test drops the databases it opened.
 */
export function portalRenderer() {
  const opened: DeviceDatabase[] = [];

  /** `fetchHandler` answers the app's requests once a test switches the network on (`network.set(true)`). */
  async function renderPortal(
    path: string,
    seed: (db: DeviceDatabase) => Promise<void> = async () => {},
    options: Pick<Parameters<typeof renderApp>[0] & object, 'push' | 'store' | 'fetchHandler'> = {},
  ) {
    expect(NOW.toISOString()).toBe('2026-11-21T12:00:00.000Z'); // renderApp's clock
    const database = await openDeviceDatabase({
      userId: clientUser.id,
      role: 'client',
      storage: getRxStorageMemory(),
      now: () => NOW,
      onPendingCount: () => {},
      multiInstance: false,
    });
    opened.push(database);
    await seed(database);
    const sessions = staticDeviceSessions(clientUser, database);
    const routes = [
      {
        element: (
          <DeviceDataProvider sessions={sessions} user={clientUser}>
            <Outlet />
          </DeviceDataProvider>
        ),
        children: createAppRoutes(),
      },
    ];
    const view = renderApp({ path, user: clientUser, online: false, routes, ...options });
    return { ...view, database };
  }

  const removeDatabases = async () => {
    await Promise.all(opened.splice(0).map((d) => d.remove()));
  };

  return { renderPortal, removeDatabases };
}
