import type { RxCollection, RxStorageChangeEvent } from 'rxdb';

/**
 * Reading a whole collection fast, and keeping that copy current (issue 16: the customer list opening offline
 * with 10,000 customers).
 *
 * RxDB's query on its Dexie storage walks an IndexedDB cursor — one IndexedDB event per document — and deep-copies
 * every document it reads; for 10,000 customers that is most of the list's launch. Every document of a
 * collection needs no query: the storage's table read by `getAll` (Dexie's `toArray`) over primary-key ranges,
 * 1,000 documents a request, returns the same documents in ten requests for 10,000. That table belongs to RxDB's Dexie storage (its `internals.dexieTable`); when a
 * storage has none (memory storage in tests, another storage later), the read falls back to a plain `find()`.
 *
 * Invariant: what the read returns equals `collection.find().exec()` as JSON (`toJSON()`): live documents only,
 * without RxDB's meta fields. Collections are complete when they open (RxDB migrates an older schema's documents
 * before `addCollections` resolves), so the table holds every document.
 */
type Stored = Record<string, unknown>;

interface DexieCollectionLike {
  toArray(): Promise<Stored[]>;
}
interface DexieTableLike {
  limit(n: number): DexieCollectionLike;
  where(index: string): { above(key: unknown): { limit(n: number): DexieCollectionLike } };
}

/**
 * Documents per request: one `getAll` of a whole 10,000-customer table holds IndexedDB (a first screenful's
 * query waits behind it) and deserialises ≈ 36 MB in one task on the main thread; chunks let both through.
 */
const CHUNK = 1000;

/** RxDB's fields on a stored document; `toJSON()` leaves them out. */
const META_FIELDS = ['_meta', '_rev', '_attachments', '_deleted'] as const;

export function withoutMeta<T>(stored: Stored): T {
  const doc: Stored = { ...stored };
  for (const field of META_FIELDS) delete doc[field];
  return doc as T;
}

/** The Dexie table under a collection, when its storage is RxDB's Dexie storage. */
async function dexieTableOf(collection: RxCollection): Promise<DexieTableLike | null> {
  const instance = (collection as unknown as { internalStorageInstance?: { internals?: unknown } })
    .internalStorageInstance;
  const internals = (await instance?.internals) as { dexieTable?: Partial<DexieTableLike> } | undefined;
  const table = internals?.dexieTable;
  return table && typeof table.limit === 'function' && typeof table.where === 'function'
    ? (table as DexieTableLike)
    : null;
}

/** The whole table in primary-key order, `CHUNK` documents a request (each a `getAll` over a key range). */
async function readInChunks(table: DexieTableLike, primaryKey: string): Promise<Stored[]> {
  const out: Stored[] = [];
  let last: unknown;
  for (;;) {
    const chunk = await (
      last === undefined ? table.limit(CHUNK) : table.where(':id').above(last).limit(CHUNK)
    ).toArray();
    for (const doc of chunk) out.push(doc);
    if (chunk.length < CHUNK) return out;
    last = chunk.at(-1)![primaryKey];
  }
}

/** Every live document of `collection`, as `toJSON()` gives it (order unspecified). */
export async function readAllDocuments<T>(collection: RxCollection): Promise<T[]> {
  const table = await dexieTableOf(collection).catch(() => null);
  const stored = table ? await readInChunks(table, collection.schema.primaryPath).catch(() => null) : null;
  // Dexie stores the indexed boolean `_deleted` as '1' / '0'.
  if (stored)
    return stored.filter((d) => d._deleted !== '1' && d._deleted !== true).map((d) => withoutMeta<T>(d));
  const docs = await collection.find().exec();
  return docs.map((d) => d.toJSON() as T);
}

/**
 * Applies one change of the collection's change stream to a copy kept by id: the new state of an insert or
 * update replaces the old one (a new object: unchanged documents keep theirs), a delete removes it.
 */
export function applyChange<T>(docs: Map<string, T>, event: RxStorageChangeEvent<unknown>): void {
  const data = event.documentData as Stored | undefined;
  if (event.operation === 'DELETE' || !data || data._deleted === true) docs.delete(event.documentId);
  else docs.set(event.documentId, withoutMeta<T>(data));
}
