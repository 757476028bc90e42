import { screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import type { Invoice } from '../../shared/entities/billing.ts';
import type { RxStorage } from 'rxdb/plugins/core';
import type { Activity, Health } from '../../shared/entities/csm.ts';
import type { Customer } from '../../shared/entities/customer.ts';
import type { SignedInUser } from '../../shared/identity.ts';
import { AppShell } from '../app/shell/app-shell.tsx';
import { outboxKey, pendingIdsOfStored } from '../../sync/client/outbox.ts';
import { openDeviceDatabase, type DeviceDatabase } from '../db/database.ts';
import { DeviceDataProvider } from '../db/device-data.tsx';
import { staticDeviceSessions } from './device-session.ts';
import { renderApp, staffUser, type FetchHandler } from './render-app.tsx';

/**
 * Screens of one customer's records (contracts, contacts, activity) over a real device database: the staff
 * collections they read, seeded as if synced, and the app's shell rendered offline around the given routes.
 */
/** jsdom + RxDB on a shared 2-core machine can take seconds: a generous limit, never a timing assertion. */
export const LOAD_TIMEOUT = { timeout: 10_000 };

/**
 * A real device database (memory storage) with the given documents, and the app's shell rendered offline at
 * `path` with `routes` (children of the shell, wrapped in the device-data provider).
 */
export async function renderOverDevice({
  path,
  routes,
  customers = [],
  invoices = [],
  activities = [],
  health = [],
  user = staffUser,
  online = false,
  fetchHandler,
  storage = getRxStorageMemory(),
  allCollections = false,
  acknowledge = true,
  seed,
  opened,
}: {
  path: string;
  routes: { path: string; element: ReactNode }[];
  customers?: readonly Customer[];
  invoices?: readonly Invoice[];
  activities?: readonly Activity[];
  health?: readonly Health[];
  user?: SignedInUser;
  online?: boolean;
  /** The server's answers when online (render-app's default: 401 to everything). */
  fetchHandler?: FetchHandler;
  /** Default: memory storage; a test may wrap it (to hold reads). */
  storage?: RxStorage<unknown, unknown>;
  /** Open every collection (a screen that reads more than the records' three), not only the seeded kinds. */
  allCollections?: boolean;
  /** Acknowledge the seeded documents as synced (default), or leave them pending as local writes. */
  acknowledge?: boolean;
  /** More set-up on the database before the app renders (key-value entries). */
  seed?: (database: DeviceDatabase) => Promise<void>;
  /** Databases to remove after the test. */
  opened: DeviceDatabase[];
}) {
  const database = await openDeviceDatabase({
    userId: crypto.randomUUID(),
    role: user.role,
    storage,
    now: () => new Date('2026-11-21T12:00:00.000Z'),
    onPendingCount: () => {},
    multiInstance: false,
    ...(allCollections
      ? {}
      : { only: ['customers', 'invoices', 'activities', ...(health.length ? (['health'] as const) : [])] }),
  });
  opened.push(database);
  if (customers.length) await database.collections.customers!.bulkInsert([...customers]);
  if (invoices.length) await database.collections.invoices!.bulkInsert([...invoices]);
  if (activities.length) await database.collections.activities!.bulkInsert([...activities]);
  if (health.length) await database.collections.health!.bulkInsert([...health]);
  if (acknowledge) {
    // The seeded documents stand for synced ones: a local insert counts as a pending write, so acknowledge it
    // the way a push answer would (the outbox compares the write's stamp).
    for (const name of ['customers', 'invoices', 'activities'] as const) {
      const docs = (await database.collections[name]?.find().exec()) ?? [];
      database.outbox.ack(
        name,
        docs.map((d) => ({ id: d.primary, stamp: String(d.get('clientUpdatedAt')) })),
      );
    }
    await database.outbox.flush();
  }
  await seed?.(database);
  const sessions = staticDeviceSessions(user, database);
  const view = renderApp({
    path,
    user,
    online,
    ...(fetchHandler ? { fetchHandler } : {}),
    routes: [
      {
        path: '/',
        element: <AppShell />,
        children: routes.map((r) => ({
          path: r.path,
          element: (
            <DeviceDataProvider sessions={sessions} user={user}>
              {r.element}
            </DeviceDataProvider>
          ),
        })),
      },
    ],
  });
  return { ...view, database };
}

/** The ids the outbox holds for a collection, from its persisted document (what the pending markers read). */
export async function outboxIds(database: DeviceDatabase, collection: 'customers' | 'activities') {
  await database.outbox.flush();
  return pendingIdsOfStored(await database.kv.get(outboxKey(collection)));
}

export const findHeading = (name: string | RegExp) => screen.findByRole('heading', { name }, LOAD_TIMEOUT);
