import { addRxPlugin, createRxDatabase, type RxStorage } from 'rxdb/plugins/core';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { COLLECTION_DEFS, type CollectionName } from '../../shared/collections/index.ts';
import { toRxJsonSchema } from '../../sync/client/rx-schema.ts';
import type { Customer } from '../../shared/entities/customer.ts';
import { buildRows, filterRows, NO_FILTERS } from '../../client/features/customers/customer-rows.ts';
import { PROTOCOL_HEADER, PROTOCOL_VERSION, PULL_LIMIT_MAX } from '../../sync/protocol.ts';

/**
 * Bench-only browser module (never part of the app build): built on its own by bench/browser/build.ts and
 * served next to the bench's copy of the app, so the app page imports it from its own origin (CSP 'self').
 *
 * The baseline of the first-sync bench: the *same* documents the app just replicated (downloaded again through
 * the pull API with the page's session, untimed), written by a bare RxDB `bulkInsert` into a fresh database on
 * the same storage the app uses (Dexie on IndexedDB), with the app's own collection schemas — no replication,
 * no conflict handling, no UI. Only the inserts are timed; the download is timed apart (`downloadMs`): the
 * server's share of a first sync, which no device-side work can beat.
 *
 * Beside them, not a comparison, the ceiling of any first sync on this machine (`overlapped`): the download and
 * the bare inserts overlapped the best way an app could — every collection's pages fetched one after another as
 * the app's replication does (a page's checkpoint names the next), collections side by side, and each page
 * inserted as soon as it is parsed while the next one downloads. No replication state, no UI: what the server's
 * pages and the device's own storage allow together when they share the machine's cores.
 */
export interface BulkInsertSample {
  readonly ms: number;
  readonly rows: number;
  /** Milliseconds of each collection's bulkInsert within `ms`. */
  readonly perCollection: Partial<Record<CollectionName, number>>;
}

export interface BulkInsertRequest {
  readonly collections: readonly CollectionName[];
  readonly warmup: number;
  readonly reps: number;
}

export interface BulkInsertResult {
  /** Documents downloaded per collection (what every run inserts). */
  readonly documents: Partial<Record<CollectionName, number>>;
  /** Measured runs only; the warm-up runs are discarded. */
  readonly samples: readonly BulkInsertSample[];
  /** The ceiling: download and bare inserts overlapped, a fresh database per run (measured runs only). */
  readonly overlapped: readonly BulkInsertSample[];
  /**
   * Milliseconds to download every collection through the pull API (pages of PULL_LIMIT_MAX, collections one
   * after the other, nothing stored), once.
   */
  readonly downloadMs: number;
}

export async function measureBulkInsert(request: BulkInsertRequest): Promise<BulkInsertResult> {
  // The app's collection schemas have versions above 0 (client/db/database.ts adds the same plugin).
  addRxPlugin(RxDBMigrationSchemaPlugin);
  const docs = new Map<CollectionName, Record<string, unknown>[]>();
  const downloadStarted = performance.now();
  for (const name of request.collections) docs.set(name, await pullAll(name));
  const downloadMs = performance.now() - downloadStarted;
  const storage = getRxStorageDexie() as RxStorage<unknown, unknown>;
  const samples: BulkInsertSample[] = [];
  for (let i = 0; i < request.warmup + request.reps; i++) {
    const sample = await insertOnce(storage, docs, `arco-bench-bulk-${Date.now()}-${i}`);
    if (i >= request.warmup) samples.push(sample);
  }
  const overlapped: BulkInsertSample[] = [];
  for (let i = 0; i < request.warmup + request.reps; i++) {
    const sample = await overlappedOnce(
      storage,
      request.collections,
      `arco-bench-overlap-${Date.now()}-${i}`,
    );
    if (i >= request.warmup) overlapped.push(sample);
  }
  return {
    documents: Object.fromEntries([...docs].map(([name, list]) => [name, list.length])),
    samples,
    overlapped,
    downloadMs,
  };
}

/**
 * One overlapped download + insert into a fresh database (opened untimed, as in `insertOnce`): per collection a
 * chain of page fetches running ahead of that collection's inserts, all collections at once.
 */
async function overlappedOnce(
  storage: RxStorage<unknown, unknown>,
  names: readonly CollectionName[],
  name: string,
): Promise<BulkInsertSample> {
  const db = await createRxDatabase({ name, storage, multiInstance: false });
  try {
    const collections = await db.addCollections(appSchemas(names));
    const started = performance.now();
    const counts = await Promise.all(
      names.map(async (collection) => {
        let rows = 0;
        let inserting = Promise.resolve();
        // Each page's insert is chained after the one before; the loop goes on to fetch the next page at once.
        await pullPages(collection, (page) => {
          if (page.length === 0) return;
          inserting = inserting.then(async () => {
            const result = await collections[collection]!.bulkInsert(page);
            if (result.error.length > 0)
              throw new Error(
                `bulkInsert into ${collection}: ${JSON.stringify(result.error[0]).slice(0, 500)}`,
              );
            rows += result.success.length;
          });
          // A failed insert is thrown by `await inserting` once the download ends; until then it is not unhandled.
          inserting.catch(() => undefined);
        });
        await inserting;
        return rows;
      }),
    );
    // Collections overlap, so there is no per-collection share of the time.
    return { ms: performance.now() - started, rows: counts.reduce((a, b) => a + b, 0), perCollection: {} };
  } finally {
    await db.remove();
  }
}

async function insertOnce(
  storage: RxStorage<unknown, unknown>,
  docs: ReadonlyMap<CollectionName, Record<string, unknown>[]>,
  name: string,
): Promise<BulkInsertSample> {
  const db = await createRxDatabase({ name, storage, multiInstance: false });
  try {
    const collections = await db.addCollections(appSchemas([...docs.keys()]));
    let rows = 0;
    const perCollection: Partial<Record<CollectionName, number>> = {};
    const started = performance.now();
    for (const [collection, list] of docs) {
      if (list.length === 0) continue;
      const collectionStarted = performance.now();
      const result = await collections[collection]!.bulkInsert(list);
      perCollection[collection] = performance.now() - collectionStarted;
      if (result.error.length > 0) {
        throw new Error(`bulkInsert into ${collection}: ${JSON.stringify(result.error[0]).slice(0, 500)}`);
      }
      rows += result.success.length;
    }
    return { ms: performance.now() - started, rows, perCollection };
  } finally {
    await db.remove();
  }
}

/** The app's own schemas of `names`, as `addCollections` takes them. */
function appSchemas(names: readonly CollectionName[]) {
  return Object.fromEntries(names.map((c) => [c, { schema: toRxJsonSchema(COLLECTION_DEFS[c]) as never }]));
}

/** Every document of `collection` the signed-in page may read, as RxDB document data (no `_deleted`). */
async function pullAll(collection: CollectionName): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  await pullPages(collection, (page) => {
    for (const doc of page) out.push(doc);
  });
  return out;
}

/** Fetches `collection`'s pages one after another, handing each page's live documents to `onPage` as it comes. */
async function pullPages(
  collection: CollectionName,
  onPage: (documents: Record<string, unknown>[]) => void,
): Promise<void> {
  let checkpoint: unknown;
  for (;;) {
    const query = new URLSearchParams({ limit: String(PULL_LIMIT_MAX) });
    if (checkpoint !== undefined) query.set('checkpoint', JSON.stringify(checkpoint));
    const res = await fetch(`/api/sync/${collection}/pull?${query}`, {
      credentials: 'same-origin',
      headers: { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) },
    });
    if (!res.ok) throw new Error(`pull ${collection}: ${res.status}`);
    const page = (await res.json()) as { documents: Record<string, unknown>[]; checkpoint: unknown };
    const live: Record<string, unknown>[] = [];
    for (const { _deleted: deleted, ...doc } of page.documents) if (deleted !== true) live.push(doc);
    onPage(live);
    checkpoint = page.checkpoint;
    if (page.documents.length < PULL_LIMIT_MAX) return;
  }
}

export interface LaunchBaselineRequest {
  readonly warmup: number;
  readonly reps: number;
  /** The search typed key by key in the list (and deleted again), as the app's launches type it. */
  readonly keystrokes: readonly string[];
}

export interface LaunchBaselineResult {
  readonly customers: number;
  /** Opening the database (createRxDatabase + the customers collection) and `find().exec()` of every customer. */
  readonly openAndFindMs: readonly number[];
  /** `find().exec()` of every customer alone, on the database just opened. */
  readonly findMs: readonly number[];
  /** The first screenful from the name index: `find({ sort: name, limit: 50 })`. */
  readonly firstScreenMs: readonly number[];
  /** Per keystroke: `filterRows` of the list's prepared rows for the query after that key, in memory. */
  readonly filterMs: readonly number[];
}

/**
 * The offline launch's baselines, on the app's own storage and schema: the customers (downloaded again,
 * untimed) are bulk-inserted into a fresh database, which is then opened again cold (a new RxDatabase, so no
 * document cache) and read bare — every customer, and the first screenful by name. The keystroke baseline is the
 * list's own pure filter (client/features/customers/customer-rows.ts) over the same 10,000 prepared rows, for
 * the same sequence of queries the app's launches type: the computation a keystroke cannot avoid, no rendering.
 */
export async function measureLaunchBaselines(request: LaunchBaselineRequest): Promise<LaunchBaselineResult> {
  addRxPlugin(RxDBMigrationSchemaPlugin);
  const customers = await pullAll('customers');
  const storage = getRxStorageDexie() as RxStorage<unknown, unknown>;
  const name = `arco-bench-launch-${Date.now()}`;
  const schema = appSchemas(['customers']);
  const filled = await createRxDatabase({ name, storage, multiInstance: false });
  const inserted = await (await filled.addCollections(schema)).customers!.bulkInsert(customers);
  if (inserted.error.length > 0)
    throw new Error(`bulkInsert: ${JSON.stringify(inserted.error[0]).slice(0, 500)}`);
  await filled.close();
  const out = { openAndFindMs: [] as number[], findMs: [] as number[], firstScreenMs: [] as number[] };
  try {
    for (let i = 0; i < request.warmup + request.reps; i++) {
      const started = performance.now();
      const db = await createRxDatabase({ name, storage, multiInstance: false });
      try {
        const collection = (await db.addCollections(schema)).customers!;
        const opened = performance.now();
        const all = await collection.find().exec();
        const found = performance.now();
        if (all.length !== customers.length)
          throw new Error(`find() read ${all.length} of ${customers.length}`);
        const first = await collection.find({ selector: {}, sort: [{ name: 'asc' }], limit: 50 }).exec();
        const firstScreen = performance.now() - found;
        if (first.length !== Math.min(50, customers.length)) throw new Error('first screenful short');
        if (i >= request.warmup) {
          out.openAndFindMs.push(found - started);
          out.findMs.push(found - opened);
          out.firstScreenMs.push(firstScreen);
        }
      } finally {
        await db.close();
      }
    }
  } finally {
    const db = await createRxDatabase({ name, storage, multiInstance: false });
    await db.remove();
  }
  const rows = buildRows(customers as unknown as Customer[], [], (id) => id);
  const filterMs: number[] = [];
  for (let i = 0; i < request.warmup + request.reps; i++) {
    for (const query of request.keystrokes) {
      const started = performance.now();
      filterRows(rows, { ...NO_FILTERS, query }, '');
      if (i >= request.warmup) filterMs.push(performance.now() - started);
    }
  }
  return { customers: customers.length, ...out, filterMs };
}
