import { Outlet } from 'react-router';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import type { SignedInUser } from '../../shared/identity.ts';
import { createAppRoutes } from '../app/routes.tsx';
import { openDeviceDatabase, type DeviceDatabase } from '../db/database.ts';
import { DeviceDataProvider } from '../db/device-data.tsx';
import { memoryStore } from '../platform/key-value-store.ts';
import { staticDeviceSessions } from './device-session.ts';
import { renderApp, staffUser, type FetchHandler } from './render-app.tsx';

/**
 * The real app (routes, shell, navigation, i18n) over a real RxDB device database (memory storage) for a staff
 * user, offline unless `online`: what the screens show comes from the device. `removeDatabases()` after each
 * test drops the databases it opened. The clock is renderApp's (2026-11-21T12:00:00Z).
 */
export function staffRenderer() {
  const opened: DeviceDatabase[] = [];

  async function renderStaff(
    path: string,
    {
      user = staffUser,
      seed = async () => {},
      online = false,
      fetchHandler,
      language = 'pt-BR',
    }: {
      user?: SignedInUser;
      seed?: (db: DeviceDatabase) => Promise<void>;
      online?: boolean;
      fetchHandler?: FetchHandler;
      /** The UI language the device remembers (pt-BR by default). */
      language?: 'pt-BR' | 'en';
    } = {},
  ) {
    const database = await openDeviceDatabase({
      userId: user.id,
      role: user.role,
      storage: getRxStorageMemory(),
      now: () => new Date('2026-11-21T12:00:00.000Z'),
      onPendingCount: () => {},
      multiInstance: false,
    });
    opened.push(database);
    await seed(database);
    const sessions = staticDeviceSessions(user, database);
    const routes = [
      {
        element: (
          <DeviceDataProvider sessions={sessions} user={user}>
            <Outlet />
          </DeviceDataProvider>
        ),
        children: createAppRoutes(),
      },
    ];
    const store = memoryStore();
    store.setItem('arco.language', language);
    const view = renderApp({ path, user, online, routes, store, ...(fetchHandler ? { fetchHandler } : {}) });
    return { ...view, database };
  }

  const removeDatabases = async () => {
    await Promise.all(opened.splice(0).map((d) => d.remove()));
  };

  return { renderStaff, removeDatabases };
}
