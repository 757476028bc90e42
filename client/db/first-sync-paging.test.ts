import type { RxCollection } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, describe, expect, it } from 'vitest';
import { fixture, uuid } from '../../sync/testing/fixtures.ts';
import { startSync, type SyncHandle } from '../../sync/client/replicate.ts';
import type { SyncEvent } from '../../sync/client/status.ts';
import { openDeviceDatabase, type DeviceDatabase } from './database.ts';

/**
 * The first sync's paging (sync/client/replicate.ts; no server: a fake pull API over fixed documents): an empty device asks for a small
 * first page, then full pages from that page's checkpoint, and stores every document once; the collections
 * after the priority ones start only when the priority ones are caught up.
 */
type Docs = Record<string, Record<string, unknown>[]>;

function fakePullApi(
  docs: Docs,
  hooks: {
    beforePage?: (collection: string, after: number) => Promise<void>;
    /** Pushes of more rows are refused as a server of this protocol refuses them: 413 too_many_rows. */
    pushMaxRows?: number;
  } = {},
) {
  const requests: { collection: string; limit: number; after: number }[] = [];
  /** Every push answered, accepted or refused: its collection, its row ids and the status it got. */
  const pushes: { collection: string; ids: string[]; status: number }[] = [];
  // The live stream (GET /api/sync/stream): open until the test ends; `live` sends a change event on it.
  const encoder = new TextEncoder();
  let stream: ReadableStreamDefaultController<Uint8Array> | null = null;
  const live = (collection: string, documents: Record<string, unknown>[]) =>
    stream?.enqueue(
      encoder.encode(
        `event: change\ndata: ${JSON.stringify({
          collection,
          documents: documents.map((d) => ({ ...d, _deleted: false })),
          checkpoint: { seq: documents.at(-1)!.serverSeq },
        })}\n\n`,
      ),
    );
  const pull = async (input: string, init?: RequestInit): Promise<Response> => {
    const url = new URL(input);
    const pushed = /\/api\/sync\/([a-z]+)\/push$/.exec(url.pathname);
    if (pushed) {
      const rows = JSON.parse(String(init?.body)) as { newDocumentState: { id: string } }[];
      const max = hooks.pushMaxRows ?? Infinity;
      const status = rows.length > max ? 413 : 200;
      pushes.push({ collection: pushed[1]!, ids: rows.map((r) => r.newDocumentState.id), status });
      if (status === 413)
        return Response.json(
          {
            error: {
              code: 'payload_too_large',
              message: `At most ${max} rows per push.`,
              details: { reason: 'too_many_rows', max },
            },
          },
          { status },
        );
      return Response.json({ conflicts: [], rejected: [] });
    }
    if (url.pathname === '/api/sync/stream') {
      return new Response(
        new ReadableStream<Uint8Array>({
          start: (controller) => {
            stream = controller;
            controller.enqueue(encoder.encode('event: resync\ndata: RESYNC\n\n'));
          },
        }),
        { headers: { 'content-type': 'text/event-stream' } },
      );
    }
    const match = /\/api\/sync\/([a-z]+)\/pull$/.exec(url.pathname);
    if (!match) return new Response('{"error":{"code":"not_found","message":"no"}}', { status: 404 });
    const collection = match[1]!;
    const limit = Number(url.searchParams.get('limit'));
    const checkpoint = url.searchParams.get('checkpoint');
    const after = checkpoint ? (JSON.parse(checkpoint) as { seq: number }).seq : 0;
    requests.push({ collection, limit, after });
    await hooks.beforePage?.(collection, after);
    const page = (docs[collection] ?? []).filter((d) => (d.serverSeq as number) > after).slice(0, limit);
    const seq = page.length > 0 ? (page.at(-1)!.serverSeq as number) : after;
    return Response.json({ documents: page.map((d) => ({ ...d, _deleted: false })), checkpoint: { seq } });
  };
  return { fetch: pull as unknown as typeof globalThis.fetch, requests, pushes, live };
}

const customers = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ ...fixture('customers', uuid(0x1000 + i)), serverSeq: i + 1 }));

const opened: { db: DeviceDatabase; sync: SyncHandle; api: ReturnType<typeof fakePullApi> }[] = [];
afterEach(async () => {
  for (const { db, sync } of opened.splice(0)) {
    await sync.stop();
    await db.remove();
  }
});

/**
 * The memory storage with every write held `delayMs` first, counting the customers it has written: pages
 * download far faster than they are stored, as in a browser's IndexedDB.
 */
function slowStorage(delayMs: number) {
  const memory = getRxStorageMemory();
  const written = { customers: 0 };
  const storage: typeof memory = {
    ...memory,
    async createStorageInstance(params) {
      const instance = await memory.createStorageInstance(params);
      const write = instance.bulkWrite.bind(instance);
      instance.bulkWrite = async (rows, context) => {
        await new Promise((r) => setTimeout(r, delayMs));
        const result = await write(rows, context);
        if (params.collectionName === 'customers') written.customers += rows.length - result.error.length;
        return result;
      };
      return instance;
    },
  };
  return { storage, written };
}

async function device(
  docs: Docs,
  options: { firstPullLimit?: number; pullBatchSize?: number } = {},
  hooks: Parameters<typeof fakePullApi>[1] = {},
  storage: Parameters<typeof openDeviceDatabase>[0]['storage'] = getRxStorageMemory(),
) {
  const db = await openDeviceDatabase({
    userId: `replicate-test-${opened.length}-${Date.now()}`,
    role: 'csm',
    storage,
    now: () => new Date(),
    multiInstance: false,
    only: ['customers', 'health'],
    onPendingCount: () => undefined,
  });
  const api = fakePullApi(docs, hooks);
  const events: SyncEvent[] = [];
  const sync = startSync({
    collections: db.collections as Record<string, RxCollection>,
    userId: 'u1',
    transport: { baseUrl: 'http://127.0.0.1:9', fetch: api.fetch },
    outbox: db.outbox,
    now: () => new Date(),
    dispatch: (e) => events.push(e),
    setTimeout: () => 0, // the head start never ends: only "caught up" starts the other collections
    clearTimeout: () => undefined,
    waitForLeadership: false,
    priority: ['customers'],
    ...options,
  });
  opened.push({ db, sync, api });
  return { db, sync, api, events };
}

async function eventually(probe: () => Promise<boolean>, what: string): Promise<void> {
  const until = Date.now() + 20_000;
  while (!(await probe())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('first sync paging', () => {
  it('asks for a small first page, then full pages from its checkpoint, and stores every document', async () => {
    const { db, api } = await device(
      { customers: customers(230) },
      { firstPullLimit: 20, pullBatchSize: 100 },
    );
    const stored = () => db.collections.customers!.count().exec();
    await eventually(async () => (await stored()) === 230, 'all 230 customers stored');
    const pages = api.requests.filter((r) => r.collection === 'customers');
    expect(pages.slice(0, 4)).toEqual([
      { collection: 'customers', limit: 20, after: 0 },
      { collection: 'customers', limit: 100, after: 20 },
      { collection: 'customers', limit: 100, after: 120 },
      { collection: 'customers', limit: 100, after: 220 },
    ]);
    // Nothing asked twice from the start, nothing skipped.
    expect(pages.filter((r) => r.after === 0)).toHaveLength(1);
  });

  it('starts the other collections once the priority ones are caught up, not after their first page', async () => {
    const { db, api, events } = await device(
      { customers: customers(120) },
      { firstPullLimit: 10, pullBatchSize: 50 },
    );
    await eventually(async () => api.requests.some((r) => r.collection === 'health'), 'health pulled');
    const firstHealth = api.requests.findIndex((r) => r.collection === 'health');
    const lastCustomers = api.requests.findLastIndex((r) => r.collection === 'customers');
    expect(firstHealth).toBeGreaterThan(lastCustomers);
    expect(await db.collections.customers!.count().exec()).toBe(120);
    expect(events).toContainEqual({ type: 'pulled', collection: 'customers', caughtUp: true });
  });

  it('an empty collection is caught up after its first page', async () => {
    const { api, events } = await device({}, { firstPullLimit: 10, pullBatchSize: 50 });
    await eventually(async () => api.requests.some((r) => r.collection === 'health'), 'health pulled');
    expect(api.requests.filter((r) => r.collection === 'customers')).toEqual([
      { collection: 'customers', limit: 10, after: 0 },
    ]);
    expect(events).toContainEqual({ type: 'pulled', collection: 'customers', caughtUp: true });
  });

  it('a live change arriving during the first page neither skips the rest of the collection nor leaves it short of caught up', async () => {
    // Another writer (a colleague, the health recompute job) changes the collection while an empty device
    // downloads its small first page: the change's event names a checkpoint far past what the device pulled.
    const docs: Docs = { customers: customers(230) };
    const later = { ...fixture('customers', uuid(0x9000)), serverSeq: 1000 };
    let sent = false;
    const { db, events } = await device(
      docs,
      { firstPullLimit: 20, pullBatchSize: 100 },
      {
        beforePage: async (collection, after) => {
          if (collection !== 'customers' || after !== 0 || sent) return;
          sent = true;
          docs.customers!.push(later);
          api().live('customers', [later]);
          // The event reaches the replication before the page's answer does.
          await new Promise((r) => setTimeout(r, 50));
        },
      },
    );
    const api = () => opened.at(-1)!.api;
    const stored = () => db.collections.customers!.count().exec();
    await eventually(async () => (await stored()) === 231, 'all 231 customers stored');
    await eventually(
      async () => events.some((e) => e.type === 'pulled' && e.collection === 'customers' && e.caughtUp),
      'customers caught up',
    );
  });

  it('reports a collection stored only once every pulled page is written, after its last page arrived', async () => {
    const { storage, written } = slowStorage(40);
    const seen: { event: SyncEvent; written: number }[] = [];
    const { db, events } = await device(
      { customers: customers(230) },
      { firstPullLimit: 20, pullBatchSize: 100 },
      {},
      storage,
    );
    const record = events.push.bind(events);
    events.push = (...e: SyncEvent[]) => {
      for (const event of e) seen.push({ event, written: written.customers });
      return record(...e);
    };
    const lastPage = () =>
      seen.findIndex(
        ({ event }) => event.type === 'pulled' && event.collection === 'customers' && event.caughtUp,
      );
    const storedAfter = () =>
      seen.findIndex(
        ({ event }, i) =>
          lastPage() >= 0 && i > lastPage() && event.type === 'stored' && event.collection === 'customers',
      );
    await eventually(async () => storedAfter() >= 0, 'customers stored after their last page');
    // The download ended while pages were still being written; "stored" waited for them.
    expect(seen[lastPage()]!.written).toBeLessThan(230);
    expect(seen[storedAfter()]!.written).toBe(230);
    expect(await db.collections.customers!.count().exec()).toBe(230);
  });
});

describe('push batches', () => {
  it('a batch refused with 413 too_many_rows is sent again in pushes of the maximum the server named', async () => {
    const { db, api } = await device({}, {}, { pushMaxRows: 3 });
    const ids = Array.from({ length: 7 }, (_, i) => uuid(0x2000 + i));
    await db.collections.customers!.bulkInsert(ids.map((id) => fixture('customers', id)));
    await eventually(
      async () => api.pushes.filter((p) => p.status === 200).flatMap((p) => p.ids).length >= 7,
      'all seven customers pushed',
    );
    const customerPushes = api.pushes.filter((p) => p.collection === 'customers');
    // One batch of all seven (the app's batch is far larger), refused; then 3 + 3 + 1, each row once, in order.
    expect(customerPushes.map((p) => [p.ids.length, p.status])).toEqual([
      [7, 413],
      [3, 200],
      [3, 200],
      [1, 200],
    ]);
    expect(customerPushes.filter((p) => p.status === 200).flatMap((p) => p.ids)).toEqual(
      customerPushes[0]!.ids,
    );
    expect(new Set(customerPushes[0]!.ids)).toEqual(new Set(ids));
  });
});
