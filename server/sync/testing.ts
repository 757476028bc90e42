import { Hono } from 'hono';
import type { CollectionName } from '../../shared/collections/index.ts';
import { createMemoryChangeFeed } from '../../sync/server/memory-feed.ts';
import { withErrorHandling } from '../../sync/server/error-handler.ts';
import { createSyncRoutes } from '../../sync/server/routes.ts';
import type { Change } from '../../sync/server/store.ts';
import type { Database } from '../db/database.ts';
import type { UserIdentity } from '../../shared/identity.ts';
import { createPgSyncStore } from './pg-store.ts';

/** Test helpers for the PostgreSQL sync store driven through the real sync routes (tests only). */

export interface PushAnswer {
  readonly status: number;
  readonly body: {
    conflicts: Record<string, unknown>[];
    rejected: { id: string; code: string; message: string }[];
  };
}

export interface SyncHarness {
  pull(
    identity: UserIdentity,
    collection: CollectionName,
    seq?: number,
  ): Promise<{ status: number; body: { documents: Record<string, unknown>[] } }>;
  push(identity: UserIdentity, collection: CollectionName, rows: unknown): Promise<PushAnswer>;
  /** Every change the store published, in order. */
  readonly changes: Change[];
}

/** Routes over a fresh `createPgSyncStore({ db, clock })`; `clock` is read on every request. */
export function syncHarness(db: Database, clock: () => Date): SyncHarness {
  const feed = createMemoryChangeFeed();
  const changes: Change[] = [];
  feed.subscribe((event) => {
    if (event !== 'RESYNC') changes.push(event);
  });
  const store = createPgSyncStore({ db, feed, clock, verifyStoredJson: true });
  const appFor = (identity: UserIdentity) =>
    withErrorHandling(
      new Hono().route('/api/sync', createSyncRoutes({ getIdentity: () => identity, store, feed })),
    );
  return {
    changes,
    async pull(identity, collection, seq = 0) {
      const cp = encodeURIComponent(JSON.stringify({ seq }));
      const res = await appFor(identity).request(`/api/sync/${collection}/pull?checkpoint=${cp}&limit=1000`);
      return { status: res.status, body: (await res.json()) as { documents: Record<string, unknown>[] } };
    },
    async push(identity, collection, rows) {
      const res = await appFor(identity).request(`/api/sync/${collection}/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(rows),
      });
      return { status: res.status, body: (await res.json()) as PushAnswer['body'] };
    },
  };
}

const SNAPSHOT_TABLES = [
  'customers',
  'customer_contacts',
  'contracts',
  'invoices',
  'payments',
  'tickets',
  'ticket_messages',
  'health',
  'goals',
  'notifications',
] as const;

/** Every stored row of the synced tables, byte for byte, for "nothing changed" assertions. */
export const snapshotSyncedRows = (db: Database) =>
  db.privileged(async (c) => {
    const out: Record<string, unknown> = {};
    for (const table of SNAPSHOT_TABLES)
      out[table] = (await c.query(`SELECT row_to_json(x)::text AS r FROM ${table} x ORDER BY 1`)).rows;
    return out;
  });
