import { createRxDatabase, type RxCollection, type RxDatabase } from 'rxdb';
import { replicateRxCollection } from 'rxdb/plugins/replication';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { COLLECTION_DEFS, type CollectionName } from '../../shared/collections/index.ts';
import { CONFLICT_HANDLERS } from '../conflicts/handlers.ts';
import type { PlainObject } from '../documents.ts';
import { PROTOCOL_HEADER, PROTOCOL_VERSION, pullResponseSchema, pushResponseSchema } from '../protocol.ts';
import {
  CUSTOMER_LOJA,
  CUSTOMER_TECHCORP,
  fixture,
  FIXTURE_USERS,
  MARIA_CSM,
  ORG_A,
  TECHCORP_CLIENT,
  uuid,
} from '../testing/fixtures.ts';
import { createMemoryChangeFeed } from './memory-feed.ts';
import { createMemorySyncStore } from './memory-store.ts';
import { withErrorHandling } from './error-handler.ts';
import { createSyncRoutes } from './routes.ts';
import type { UserIdentity } from '../../shared/identity.ts';

/**
 * The protocol end to end with real RxDB 17 clients (memory storage) talking HTTP to the sync routes: the
 * shapes, the conflict handlers as RxDB calls them, and convergence of rejected writes without a push loop.
 */

/** A plain RxDB schema from the entity schema (sync/client owns the app's; this layer may not import it). */
function rxSchema(collection: CollectionName) {
  const json = z.toJSONSchema(COLLECTION_DEFS[collection].schema, {
    target: 'draft-7',
    unrepresentable: 'any',
  }) as {
    properties: Record<string, unknown>;
    required: string[];
  };
  return {
    version: 0,
    primaryKey: 'id',
    type: 'object',
    properties: { ...json.properties, id: { type: 'string', maxLength: 36 } },
    required: json.required,
  };
}

const USERS: Record<string, UserIdentity> = { client: TECHCORP_CLIENT, csm: MARIA_CSM };
const databases: RxDatabase[] = [];
afterEach(async () => {
  await Promise.all(databases.splice(0).map((db) => db.close()));
});

function server() {
  const feed = createMemoryChangeFeed();
  let tick = 0;
  const store = createMemorySyncStore({
    feed,
    clock: () => new Date(Date.UTC(2026, 10, 21, 10, 0, 0, tick++)),
  });
  for (const user of FIXTURE_USERS) store.writeUser(user.organizationId, user.userId);
  store.writeAsServer(ORG_A, 'customers', fixture('customers', CUSTOMER_TECHCORP));
  store.writeAsServer(ORG_A, 'customers', fixture('customers', CUSTOMER_LOJA));
  const app = withErrorHandling(
    createSyncRoutes({
      getIdentity: (c) => USERS[c.req.header('x-test-as') ?? ''] ?? null,
      store,
      feed,
    }),
  );
  return { app, store };
}

let dbCounter = 0;
/** A device: one RxDB database, and a `sync()` that runs one full pull+push cycle. */
async function device(
  app: ReturnType<typeof server>['app'],
  who: keyof typeof USERS,
  collection: CollectionName,
) {
  const db = await createRxDatabase({
    name: `device${++dbCounter}`,
    storage: getRxStorageMemory(),
    multiInstance: false,
  });
  databases.push(db);
  const cols = await db.addCollections({
    [collection]: {
      schema: rxSchema(collection) as never,
      conflictHandler: CONFLICT_HANDLERS[collection] as never,
    },
  });
  const col = cols[collection] as RxCollection;
  const headers = { 'x-test-as': who, [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) };
  let pushes = 0;
  let rejected: unknown[] = [];
  const sync = async () => {
    const replication = replicateRxCollection<PlainObject, unknown>({
      collection: col as never,
      replicationIdentifier: `arco-${collection}`,
      live: false,
      waitForLeadership: false,
      toggleOnDocumentVisible: false,
      pull: {
        handler: async (checkpoint, batchSize) => {
          const q = checkpoint ? `checkpoint=${encodeURIComponent(JSON.stringify(checkpoint))}&` : '';
          const res = await app.request(`/${collection}/pull?${q}limit=${batchSize}`, { headers });
          return pullResponseSchema.parse(await res.json()) as never;
        },
      },
      push: {
        handler: async (rows) => {
          // A device that keeps pushing is a protocol bug (a rejected write that never converges): fail fast.
          if (++pushes > 20) throw new Error('push loop');
          const res = await app.request(`/${collection}/push`, {
            method: 'POST',
            headers: { ...headers, 'content-type': 'application/json' },
            body: JSON.stringify(rows),
          });
          const body = pushResponseSchema.parse(await res.json());
          rejected = [...rejected, ...body.rejected];
          return body.conflicts as never;
        },
      },
    });
    const errors: unknown[] = [];
    replication.error$.subscribe((e) => errors.push(e));
    await replication.awaitInitialReplication();
    await replication.cancel();
    expect(errors).toEqual([]);
  };
  const doc = async (id: string) => (await col.findOne(id).exec())?.toJSON() as PlainObject | undefined;
  return { col, sync, doc, pushes: () => pushes, rejected: () => rejected };
}

/** Syncs devices round-robin until nothing changes on the server (or fails after a bound: a push loop). */
async function settle(store: ReturnType<typeof server>['store'], devices: { sync: () => Promise<void> }[]) {
  for (let round = 0; round < 6; round++) {
    const before = store.lastSeq(ORG_A);
    for (const d of devices) await d.sync();
    if (store.lastSeq(ORG_A) === before && round > 0) return round;
  }
  throw new Error('did not settle: replication keeps writing');
}

const strip = (d: PlainObject | undefined) => {
  if (!d) return d;
  const { _meta: _m, _rev: _r, _attachments: _a, ...rest } = d;
  return rest;
};

describe('RxDB 17 clients against the sync routes', () => {
  it('two devices editing the same goal offline converge to the merged document', async () => {
    const { app, store } = server();
    const id = uuid(0x601);
    store.writeAsServer(ORG_A, 'goals', fixture('goals', id));
    const a = await device(app, 'client', 'goals');
    const b = await device(app, 'csm', 'goals');
    await a.sync();
    await b.sync();

    await (await a.col.findOne(id).exec())!.incrementalPatch({
      title: 'Meta do cliente',
      clientUpdatedAt: '2026-11-21T11:00:00.000Z',
    });
    await (await b.col.findOne(id).exec())!.incrementalPatch({
      currentValue: 175,
      clientUpdatedAt: '2026-11-21T11:05:00.000Z',
    });

    await settle(store, [a, b]);
    const master = store.peek('goals', id)!.doc;
    expect(master).toMatchObject({
      title: 'Meta do cliente',
      currentValue: 175,
      clientUpdatedAt: '2026-11-21T11:05:00.000Z',
    });
    expect(strip(await a.doc(id))).toEqual(strip(await b.doc(id)));
    expect(await a.doc(id)).toMatchObject({
      title: 'Meta do cliente',
      currentValue: 175,
      serverSeq: master.serverSeq,
    });
    expect(a.rejected()).toEqual([]);
  });

  it('a rejected edit converges back to the server’s state without a push loop', async () => {
    const { app, store } = server();
    const id = uuid(0x901);
    store.writeAsServer(ORG_A, 'actions', fixture('actions', id));
    const a = await device(app, 'client', 'actions');
    await a.sync();
    // A client may complete a card but not retitle it.
    await (await a.col.findOne(id).exec())!.incrementalPatch({
      title: 'Título forjado',
      clientUpdatedAt: '2026-11-21T11:00:00.000Z',
    });
    await settle(store, [a]);
    expect(await a.doc(id)).toMatchObject({ title: fixture('actions', id).title });
    expect(a.rejected()).toEqual([expect.objectContaining({ id, code: 'field_not_writable' })]);
    expect(a.pushes()).toBeLessThanOrEqual(3);
    expect(store.peek('actions', id)!.doc.title).toBe(fixture('actions', id).title);
  });

  it('a rejected create disappears from the device (tombstone) and is never written', async () => {
    const { app, store } = server();
    const a = await device(app, 'client', 'goals');
    const foreign = { ...fixture('goals', uuid(0x602), { customerId: CUSTOMER_LOJA }), serverSeq: 0 };
    await a.col.insert(foreign);
    await settle(store, [a]);
    expect(await a.doc(uuid(0x602))).toBeUndefined();
    expect(store.peek('goals', uuid(0x602))).toBeUndefined();
    expect(a.rejected()).toEqual([expect.objectContaining({ code: 'forbidden' })]);
    expect(a.pushes()).toBeLessThanOrEqual(3);
  });

  it('a device sees server-stamped values after its own create (ticket number)', async () => {
    const { app, store } = server();
    const a = await device(app, 'client', 'tickets');
    const id = uuid(0x701);
    await a.col.insert({ ...fixture('tickets', id), number: null, slaDeadline: null, serverSeq: 0 });
    await settle(store, [a]);
    await a.sync();
    expect(await a.doc(id)).toMatchObject({ number: 1, serverSeq: store.peek('tickets', id)!.doc.serverSeq });
  });

  it('a delete replicates to the other device as a removal', async () => {
    const { app, store } = server();
    const id = uuid(0x801);
    store.writeAsServer(ORG_A, 'leads', fixture('leads', id));
    const a = await device(app, 'client', 'leads');
    const b = await device(app, 'client', 'leads');
    await a.sync();
    await b.sync();
    await (await a.col.findOne(id).exec())!.remove();
    await settle(store, [a, b]);
    expect(store.peek('leads', id)!.doc._deleted).toBe(true);
    expect(await b.doc(id)).toBeUndefined();
  });
});
