import { addRxPlugin, createRxDatabase, type RxStorage } from 'rxdb/plugins/core';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { COLLECTION_DEFS, type CollectionName } from '../../shared/collections/index.ts';
import { toRxJsonSchema } from '../../sync/client/rx-schema.ts';
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
  return {
    documents: Object.fromEntries([...docs].map(([name, list]) => [name, list.length])),
    samples,
    downloadMs,
  };
}

async function insertOnce(
  storage: RxStorage<unknown, unknown>,
  docs: ReadonlyMap<CollectionName, Record<string, unknown>[]>,
  name: string,
): Promise<BulkInsertSample> {
  const db = await createRxDatabase({ name, storage, multiInstance: false });
  try {
    const collections = await db.addCollections(
      Object.fromEntries(
        [...docs.keys()].map((c) => [c, { schema: toRxJsonSchema(COLLECTION_DEFS[c]) as never }]),
      ),
    );
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

/** Every document of `collection` the signed-in page may read, as RxDB document data (no `_deleted`). */
async function pullAll(collection: CollectionName): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
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
    for (const { _deleted: deleted, ...doc } of page.documents) if (deleted !== true) out.push(doc);
    checkpoint = page.checkpoint;
    if (page.documents.length < PULL_LIMIT_MAX) return out;
  }
}
