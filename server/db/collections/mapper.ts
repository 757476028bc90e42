import { createHash } from 'node:crypto';
import { z } from 'zod';
import {
  COLLECTION_DEFS,
  COLLECTION_NAMES,
  type CollectionName,
  type DocOf,
} from '../../../shared/collections/index.ts';
import { jsonEqual } from '../../../shared/collections/values.ts';
import { idSchema, isoDateTime } from '../../../shared/entities/common.ts';
import type { DbClient } from '../database.ts';
import { DbError } from '../errors.ts';
import { canonicalInstant, centsToDecimal, decimalToCents, readDate, readInstant } from './codecs.ts';
import {
  BASE_COLUMNS,
  STORED_JSON_COLUMNS,
  TABLE_SPECS,
  type ChildSpec,
  type ColumnKind,
  type ColumnSpec,
  type TableSpec,
} from './table-spec.ts';

/**
 * Row mapper between synced documents and their tables — what the sync store, the seed loader and the jobs use
 * to read and write collections. Layout rules: ./table-spec.ts.
 *
 *   readDocuments(client, 'invoices', { where: 'organization_id = $1 AND server_seq > $2', params, limit })
 *     → [{ organizationId, deleted, doc }] in server_seq order, each `doc` validated by the collection's zod
 *       schema, money as integer cents, dates `YYYY-MM-DD`, instants canonical ISO (UTC, ms), children
 *       (payments…) attached in `position` order. `where` is SQL over the parent table's columns (trusted
 *       code only — never user input; pass values as params). Rows you may not see are filtered by RLS.
 *   readDocument(client, 'invoices', organizationId, id) → one, or null.
 *   writeDocument(client, { organizationId }, 'invoices', doc, { serverSeq, updatedAt, deleted? })
 *     → upserts the parent row and replaces its children (deletes those no longer present, upserts the rest
 *       with their new positions); returns the stored document exactly as a read would return it.
 *     `organizationId` comes from the caller's identity, never from the document. `serverSeq`/`updatedAt`
 *     overwrite the document's (server-owned); get them from ordering.ts (`nextServerFields`) after taking the
 *     organization's write lock. A child id that already belongs to another parent → DbError
 *     'child_id_conflict'; an invalid document → DbError 'invalid_document'. FK, CHECK and RLS violations
 *     surface as pg errors (see errors.ts `pgErrorCode`).
 *   writeDocuments(…, entries) — the same for many documents of one organization: per 1,000 documents one
 *     statement for the parents (stale children deleted with them) and one per child table (`writeRows`).
 *   readDocumentsJson(client, 'invoices', options) → one JSON array of the same documents (what a pull sends).
 *   normalizeDocument(collection, doc) — the form a document takes after a round trip (instants canonical).
 *
 * Invariants:
 * - The parent statement of a write also stores each document's JSON (`storedDocumentJson`: the document as a
 *   read gives it, children included) with the server_seq and the document-shape fingerprint it belongs to;
 *   `readDocumentsJson` serves it only while both match the row. So every writer of a synced table, parent or
 *   child, must go through `writeDocuments` with a fresh server_seq (what sync needs anyway); a parent UPDATE
 *   outside it forgets the stored JSON (migration 0290's trigger), a child written outside it would not.
 * - The pg suites' stores and every NODE_ENV=test server read with `verifyStored` (readDocumentsJson): each
 *   stored JSON served is compared with the document built from its rows, so every test that writes and pulls
 *   — through any writer, present or future — checks the invariant above. Worth it: the invariant spans every
 *   writer of a synced table, which no single test can enumerate, and a stale JSON would be served silently.
 *   It costs a second build per row, so production never turns it on.
 * - Instants are stored in their canonical millisecond form and uuids are written in lower case, so the stored
 *   JSON, `readDocuments` and the SQL build give every field the same value (their texts differ only in spacing
 *   and jsonb key order; mapper.pg.test.ts holds all three equal for every collection).
 */
export interface StoredDocument<N extends CollectionName> {
  readonly organizationId: string;
  readonly deleted: boolean;
  readonly doc: DocOf<N>;
}

export interface ReadOptions {
  /** SQL condition over the parent table's columns, with $1…$n placeholders for `params`. Default: all rows. */
  readonly where?: string;
  readonly params?: readonly unknown[];
  readonly limit?: number;
}

export interface ServerFields {
  readonly serverSeq: number;
  /** Server clock, ISO instant. */
  readonly updatedAt: string;
  /** Soft delete (tombstone). Default false. */
  readonly deleted?: boolean;
}

export interface WriteEntry<N extends CollectionName> {
  readonly doc: DocOf<N>;
  readonly server: ServerFields;
  /**
   * The document as stored when this write runs — what a read of it gives inside the writing transaction, under
   * the organization's write lock (the push's master) — or null/absent when unknown. A child row equal to its
   * element here (same id, same position, same fields) is left as it is instead of being rewritten with the
   * same values: a push that edits a customer's notes writes no contact or contract row (issue 16). Never pass
   * a document read before the lock was taken: a child changed since would keep its newer values.
   */
  readonly before?: Readonly<Record<string, unknown>> | null;
}

type Row = Record<string, unknown>;
type Doc = Record<string, unknown>;

const serverFieldsSchema = z.strictObject({
  serverSeq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  updatedAt: isoDateTime,
  deleted: z.boolean().optional(),
});

const q = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

function decode(column: ColumnSpec, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (column.kind) {
    case 'money':
      return decimalToCents(String(value));
    case 'instant':
      return readInstant(value);
    case 'date':
      return readDate(value);
    default:
      return value;
  }
}

function specOf(collection: CollectionName): TableSpec {
  const spec = TABLE_SPECS[collection];
  if (!spec) throw new Error(`unknown collection ${String(collection)}`);
  return spec;
}

// ------------------------------------------------------------------------------------------------- normalize

function normalizeFields(columns: readonly ColumnSpec[], source: Doc, target: Doc): void {
  for (const column of columns) {
    const value = source[column.field];
    if (column.kind === 'instant' && typeof value === 'string')
      target[column.field] = canonicalInstant(value);
  }
}

export function normalizeDocument<N extends CollectionName>(collection: N, doc: DocOf<N>): DocOf<N> {
  const spec = specOf(collection);
  const source = doc as Doc;
  const out: Doc = { ...source };
  for (const field of ['updatedAt', 'clientUpdatedAt', ...(spec.documentHasCreatedAt ? ['createdAt'] : [])]) {
    if (typeof source[field] === 'string') out[field] = canonicalInstant(source[field] as string);
  }
  normalizeFields(spec.columns, source, out);
  for (const child of spec.children) {
    const items = source[child.field];
    if (!Array.isArray(items)) continue;
    out[child.field] = items.map((item: Doc) => {
      const copy: Doc = { ...item };
      normalizeFields(child.columns, item, copy);
      return copy;
    });
  }
  return out as DocOf<N>;
}

// ------------------------------------------------------------------------------------------------------ read

export async function readDocuments<N extends CollectionName>(
  client: DbClient,
  collection: N,
  options: ReadOptions = {},
): Promise<StoredDocument<N>[]> {
  const spec = specOf(collection);
  const params = [...(options.params ?? [])];
  const columns = [...BASE_COLUMNS, ...spec.columns.map((c) => c.column)].map(q).join(', ');
  let sql = `SELECT ${columns} FROM ${q(spec.table)}`;
  if (options.where) sql += ` WHERE (${options.where})`;
  sql += ' ORDER BY server_seq, organization_id, id';
  if (options.limit !== undefined) {
    if (!Number.isSafeInteger(options.limit) || options.limit < 0) throw new RangeError('limit must be >= 0');
    params.push(options.limit);
    sql += ` LIMIT $${params.length}`;
  }
  const { rows } = await client.query<Row>(sql, params);
  if (rows.length === 0) return [];

  const childrenByField = new Map<string, Map<string, Doc[]>>();
  for (const child of spec.children)
    childrenByField.set(child.field, await readChildren(client, child, rows));

  return rows.map((row) => {
    const organizationId = row.organization_id as string;
    const doc: Doc = {
      id: row.id,
      updatedAt: readInstant(row.updated_at),
      serverSeq: Number(row.server_seq),
      clientUpdatedAt: readInstant(row.client_updated_at),
    };
    if (spec.documentHasCreatedAt) doc.createdAt = readInstant(row.created_at);
    for (const column of spec.columns) doc[column.field] = decode(column, row[column.column]);
    for (const child of spec.children) {
      doc[child.field] =
        childrenByField.get(child.field)?.get(parentKey(organizationId, row.id as string)) ?? [];
    }
    const parsed = COLLECTION_DEFS[collection].schema.safeParse(doc);
    if (!parsed.success) {
      throw new DbError(
        'stored_document_invalid',
        `stored ${collection} ${String(row.id)} is not a valid document`,
        {
          collection,
          id: row.id,
          issues: parsed.error.issues,
        },
      );
    }
    return { organizationId, deleted: row.deleted === true, doc: parsed.data as DocOf<N> };
  });
}

export async function readDocument<N extends CollectionName>(
  client: DbClient,
  collection: N,
  organizationId: string,
  id: string,
): Promise<StoredDocument<N> | null> {
  const [found] = await readDocuments(client, collection, {
    where: 'organization_id = $1 AND id = $2',
    params: [organizationId, id],
  });
  return found ?? null;
}

/** A page of documents serialized by PostgreSQL: what a pull answers with, never parsed on the way through. */
export interface DocumentPage {
  /** A JSON array of the documents in server_seq order, each the stored entity plus `_deleted`. */
  readonly json: string;
  readonly count: number;
  /** server_seq of the last document; null for an empty page. */
  readonly lastSeq: number | null;
}

export interface JsonReadOptions extends ReadOptions {
  /**
   * Also build every served stored JSON in SQL and compare the two as jsonb (key order and spacing aside): a
   * difference → DbError 'stored_json_stale'. The test suites turn it on (PgSyncStoreDeps.verifyStoredJson), so
   * every pull, master read and change read-back of the pg and e2e suites checks the stored-JSON invariant.
   * It costs what the stored JSON saves; production never sets it.
   */
  readonly verifyStored?: boolean;
}

/**
 * The same documents `readDocuments` returns (each with `_deleted`), as one JSON array assembled by PostgreSQL in
 * one statement, children included. Why: a pull page of 1,000 customers is ≈ 3.7 MB of JSON; parsing it into
 * rows, decoding, re-validating and re-serializing it in Node cost ≈ 3× the SELECT itself and kept the server's
 * CPU busy while PostgreSQL idled (issue 16). Here Node receives one string.
 *
 * Each document is its stored JSON (`doc_json`, written with the row by `writeDocuments`: "JSON built once",
 * issue 16 item 5) when that was written for the row's current server_seq and the current document shape
 * (`documentShape`); otherwise PostgreSQL builds it (`documentJsonSql`: rows written before migration 0290, or
 * before a change of the collection's schema). Both give the values exactly the forms the row mapper gives them
 * (money in integer cents, dates `YYYY-MM-DD`, instants canonical ISO in UTC with milliseconds, truncated like
 * pg-types.ts, children in `position` order); mapper.pg.test.ts holds both paths equal to `readDocuments` for
 * every collection. There is no zod pass: every stored row was validated when it was written, and
 * `readDocuments` remains the validating read for code that acts on documents.
 *
 * Why a stored JSON cannot be stale: it is keyed by the row's server_seq, and every change to a document — its
 * parent row or a child row — takes a fresh server_seq (the sync invariant: a pull "after seq n" would miss it
 * otherwise; writers go through `writeDocuments`, which stores the JSON in the same statement as the parent). An
 * UPDATE of a parent that stores no JSON forgets it (migration 0290's trigger), and a document-shape change
 * misses by fingerprint, so neither a data migration nor a schema change needs a step of its own.
 */
export async function readDocumentsJson(
  client: DbClient,
  collection: CollectionName,
  options: JsonReadOptions = {},
): Promise<DocumentPage> {
  const spec = specOf(collection);
  const params = [...(options.params ?? [])];
  params.push(DOCUMENT_SHAPES[collection]);
  const hit = `t.doc_json_seq = t.server_seq AND t.doc_json_shape = $${params.length}`;
  const built = documentJsonSql(spec, 't');
  let page = `SELECT t.server_seq, t.organization_id, t.id,
      CASE WHEN ${hit} THEN t.doc_json ELSE ${built}::text END AS doc`;
  if (options.verifyStored) page += `, (${hit}) AND t.doc_json::jsonb <> ${built}::jsonb AS stale`;
  page += ` FROM ${q(spec.table)} t`;
  if (options.where) page += ` WHERE (${options.where})`;
  page += ' ORDER BY t.server_seq, t.organization_id, t.id';
  if (options.limit !== undefined) {
    if (!Number.isSafeInteger(options.limit) || options.limit < 0) throw new RangeError('limit must be >= 0');
    params.push(options.limit);
    page += ` LIMIT $${params.length}`;
  }
  const verify = options.verifyStored
    ? `, count(*) FILTER (WHERE p.stale)::int AS stale, min(p.id::text) FILTER (WHERE p.stale) AS stale_id`
    : '';
  const { rows } = await client.query<{
    n: number;
    last: number | null;
    json: string | null;
    stale?: number;
    stale_id?: string | null;
  }>(
    `SELECT count(*)::int AS n, max(p.server_seq) AS last,
            '[' || string_agg(p.doc, ',' ORDER BY p.server_seq, p.organization_id, p.id) || ']' AS json${verify}
       FROM (${page}) p`,
    params,
  );
  const row = rows[0];
  if (row?.stale) {
    throw new DbError(
      'stored_json_stale',
      `${row.stale} stored ${collection} JSON differ from their rows (first: ${String(row.stale_id)})`,
      { collection, id: row.stale_id },
    );
  }
  return { json: row?.json ?? '[]', count: row?.n ?? 0, lastSeq: row?.last ?? null };
}

/** PostgreSQL caps a function call at 100 arguments: `json_build_object` takes at most 50 key/value pairs. */
const MAX_JSON_PAIRS = 50;

/** A JSON object from (key, SQL expression) pairs, in order. */
function jsonObjectSql(pairs: readonly (readonly [string, string])[]): string {
  if (pairs.length > MAX_JSON_PAIRS)
    throw new Error(`a document of ${pairs.length} fields needs more than one json_build_object`);
  return `json_build_object(${pairs.map(([key, sql]) => `'${key.replaceAll("'", "''")}', ${sql}`).join(', ')})`;
}

/** A column's value in its document form (the SQL twin of `decode`). */
function jsonValueSql(kind: ColumnKind, ref: string): string {
  switch (kind) {
    case 'money':
      return `(${ref} * 100)::bigint`;
    case 'date':
      return `to_char(${ref}, 'YYYY-MM-DD')`;
    case 'instant':
      return instantSql(ref);
    default:
      return ref;
  }
}

const instantSql = (ref: string) => `to_char(${ref} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** The document of the row aliased `t`, as `readDocuments` builds it, plus `_deleted`. */
function documentJsonSql(spec: TableSpec, t: string): string {
  const col = (c: string) => `${t}.${q(c)}`;
  const pairs: [string, string][] = [
    ['id', col('id')],
    ['updatedAt', instantSql(col('updated_at'))],
    ['serverSeq', col('server_seq')],
    ['clientUpdatedAt', instantSql(col('client_updated_at'))],
  ];
  if (spec.documentHasCreatedAt) pairs.push(['createdAt', instantSql(col('created_at'))]);
  for (const column of spec.columns)
    pairs.push([column.field, jsonValueSql(column.kind, col(column.column))]);
  for (const child of spec.children) {
    const item = jsonObjectSql([
      ['id', 'c.id'],
      ...child.columns.map((c): [string, string] => [c.field, jsonValueSql(c.kind, `c.${q(c.column)}`)]),
    ]);
    pairs.push([
      child.field,
      `(SELECT coalesce(json_agg(${item} ORDER BY c.position), '[]'::json) FROM ${q(child.table)} c
         WHERE c.organization_id = ${col('organization_id')} AND c.${q(child.parentColumn)} = ${col('id')})`,
    ]);
  }
  pairs.push(['_deleted', col('deleted')]);
  return jsonObjectSql(pairs);
}

/**
 * Bump when `storedDocumentJson` changes what it writes: part of every shape fingerprint, so JSON stored by the
 * old code becomes a miss.
 */
const STORED_JSON_FORMAT = 1;

/**
 * The fingerprint of a collection's document shape: its document SQL (which follows the schema-derived spec)
 * and the stored-JSON format. A stored JSON counts only under the fingerprint it was written with.
 */
export function documentShape(collection: CollectionName): string {
  return DOCUMENT_SHAPES[collection];
}

function shapeFingerprint(spec: TableSpec): string {
  return createHash('sha256')
    .update(`${STORED_JSON_FORMAT}\n${documentJsonSql(spec, 't')}`)
    .digest('hex')
    .slice(0, 16);
}

/** A value in its document form, as `jsonValueSql` gives it (uuids in lower case, instants canonical). */
function documentValue(kind: ColumnKind, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (kind === 'uuid') return String(value).toLowerCase();
  if (kind === 'instant') return canonicalInstant(value as string);
  return value;
}

/**
 * The JSON a read of the document gives (`documentJsonSql`: the same fields in the same order, plus `_deleted`),
 * built from the document being written, compact. `doc` has passed the schema, so every field is there.
 */
export function storedDocumentJson(spec: TableSpec, doc: Doc, deleted: boolean): string {
  const out: Doc = {
    id: documentValue('uuid', doc.id),
    updatedAt: documentValue('instant', doc.updatedAt),
    serverSeq: doc.serverSeq,
    clientUpdatedAt: documentValue('instant', doc.clientUpdatedAt),
  };
  if (spec.documentHasCreatedAt) out.createdAt = documentValue('instant', doc.createdAt);
  for (const column of spec.columns) out[column.field] = documentValue(column.kind, doc[column.field]);
  for (const child of spec.children) {
    out[child.field] = (doc[child.field] as Doc[]).map((item) => documentItem(child, item));
  }
  out._deleted = deleted;
  return JSON.stringify(out);
}

/** A child element in its document form, as a read gives it (`documentJsonSql`'s element). */
function documentItem(child: ChildSpec, item: Doc): Doc {
  const element: Doc = { id: documentValue('uuid', item.id) };
  for (const column of child.columns) element[column.field] = documentValue(column.kind, item[column.field]);
  return element;
}

const parentKey = (organizationId: string, parentId: string) => `${organizationId}/${parentId}`;

async function readChildren(client: DbClient, child: ChildSpec, parents: Row[]): Promise<Map<string, Doc[]>> {
  const columns = ['id', child.parentColumn, 'organization_id', ...child.columns.map((c) => c.column)]
    .map((c) => `c.${q(c)}`)
    .join(', ');
  const { rows } = await client.query<Row>(
    `SELECT ${columns} FROM ${q(child.table)} c
       JOIN unnest($1::uuid[], $2::uuid[]) AS k(organization_id, parent_id)
         ON c.organization_id = k.organization_id AND c.${q(child.parentColumn)} = k.parent_id
      ORDER BY c.organization_id, c.${q(child.parentColumn)}, c.position`,
    [parents.map((p) => p.organization_id), parents.map((p) => p.id)],
  );
  const byParent = new Map<string, Doc[]>();
  for (const row of rows) {
    const item: Doc = { id: row.id };
    for (const column of child.columns) item[column.field] = decode(column, row[column.column]);
    const key = parentKey(row.organization_id as string, row[child.parentColumn] as string);
    const list = byParent.get(key);
    if (list) list.push(item);
    else byParent.set(key, [item]);
  }
  return byParent;
}

// ----------------------------------------------------------------------------------------------------- write

export async function writeDocument<N extends CollectionName>(
  client: DbClient,
  owner: { readonly organizationId: string },
  collection: N,
  doc: DocOf<N>,
  server: ServerFields,
): Promise<DocOf<N>> {
  const [stored] = await writeDocuments(client, owner, collection, [{ doc, server }]);
  return stored as DocOf<N>;
}

export interface WriteOptions {
  /**
   * The documents were already validated against the collection's schema by the caller (the push: `decide`
   * parsed each one, and only the server's own rules changed it since): skip the second schema pass. The server
   * fields are checked either way. Default false: every other writer is validated here.
   */
  readonly validated?: boolean;
}

export async function writeDocuments<N extends CollectionName>(
  client: DbClient,
  owner: { readonly organizationId: string },
  collection: N,
  entries: readonly WriteEntry<N>[],
  options: WriteOptions = {},
): Promise<DocOf<N>[]> {
  const spec = specOf(collection);
  const organizationId = idSchema.parse(owner.organizationId);
  const docs = entries.map((entry) => prepare(collection, entry, options.validated ?? false));
  assertUnique(
    docs.map((d) => d.doc.id as string),
    `${collection} ids in one write`,
  );
  if (docs.length === 0) return [];

  // Child rows and the ids the written parents keep, per child table (unique across the whole write).
  const children = spec.children.map((child) => childRows(child, organizationId, docs));
  const keepIds = children.map((c) => c.keep);
  for (let start = 0; start < docs.length; start += PARENTS_PER_STATEMENT) {
    const chunk = docs.slice(start, start + PARENTS_PER_STATEMENT);
    const rows =
      chunk.length === docs.length ? children : spec.children.map((c) => childRows(c, organizationId, chunk));
    await writeRows(client, spec, organizationId, chunk, rows, keepIds);
  }
  return docs.map((d) => normalizeDocument(collection, d.doc as DocOf<N>));
}

interface Prepared {
  /** The validated document with the server fields applied. */
  readonly doc: Doc;
  readonly deleted: boolean;
  /** `WriteEntry.before`. */
  readonly before: Readonly<Doc> | null;
}

function prepare<N extends CollectionName>(
  collection: N,
  entry: WriteEntry<N>,
  validated: boolean,
): Prepared {
  const server = serverFieldsSchema.safeParse(entry.server);
  if (!server.success) {
    throw new DbError('invalid_document', `invalid server fields for ${collection}`, server.error.issues);
  }
  // A `before` of another document (a caller's slip) is ignored rather than trusted.
  const before =
    entry.before && String(entry.before.id).toLowerCase() === String((entry.doc as Doc).id).toLowerCase()
      ? entry.before
      : null;
  if (validated) {
    const doc = { ...(entry.doc as Doc), serverSeq: server.data.serverSeq, updatedAt: server.data.updatedAt };
    return { doc, deleted: server.data.deleted ?? false, before };
  }
  const parsed = COLLECTION_DEFS[collection].schema.safeParse({
    ...(entry.doc as Doc),
    serverSeq: server.data.serverSeq,
    updatedAt: server.data.updatedAt,
  });
  if (!parsed.success) {
    throw new DbError('invalid_document', `invalid ${collection} document`, {
      id: (entry.doc as Doc | null)?.id,
      issues: parsed.error.issues,
    });
  }
  return { doc: parsed.data as Doc, deleted: server.data.deleted ?? false, before };
}

function assertUnique(ids: readonly string[], what: string): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) throw new DbError('invalid_document', `duplicate id ${id} among ${what}`, { id });
    seen.add(id);
  }
}

/** A value as its column takes it from `json_populate_recordset` (the JSON twin of `encode`). */
function encodeJson(column: ColumnSpec, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  // jsonb columns take the JSON value itself; money travels as its decimal text, read by numeric's input.
  if (column.kind === 'money') return centsToDecimal(value as number);
  // An instant is stored as its canonical form (milliseconds, what every read gives back), so the stored JSON
  // (`storedDocumentJson`) and a read of the row cannot differ by PostgreSQL rounding finer digits.
  if (column.kind === 'instant') return canonicalInstant(value as string);
  return value;
}

/**
 * One child table's rows of a write (objects keyed by column), and the ids the written parents keep — every
 * element's id, also those of elements left as they are stored (`WriteEntry.before`), which are not in `rows`.
 */
interface ChildWrite {
  readonly child: ChildSpec;
  readonly rows: Row[];
  readonly keep: string[];
}

function childRows(child: ChildSpec, organizationId: string, docs: readonly Prepared[]): ChildWrite {
  const rows: Row[] = [];
  const keep: string[] = [];
  for (const { doc, before } of docs) {
    const items = doc[child.field] as Doc[];
    const stored = before?.[child.field];
    items.forEach((item, position) => {
      keep.push(item.id as string);
      // Stored as it is: same id at the same position of the same parent, every field equal in document form.
      const previous: unknown = Array.isArray(stored) ? stored[position] : undefined;
      if (previous !== undefined && jsonEqual(documentItem(child, item), previous)) return;
      const row: Row = {
        organization_id: organizationId,
        id: item.id,
        [child.parentColumn]: doc.id,
        position,
      };
      for (const c of child.columns) row[c.column] = encodeJson(c, item[c.field]);
      rows.push(row);
    });
  }
  assertUnique(keep, `${child.table} ids in one write`);
  return { child, rows, keep };
}

/** Parents per statement: bounds the JSON a bulk write (the seed) sends at once. */
const PARENTS_PER_STATEMENT = 1000;

/**
 * Writes `docs` (parents, their stale children deleted, their children upserted) with one statement for the
 * parents and the DELETEs of stale children (data-modifying CTEs) and one statement per child table, each
 * table's rows travelling as one JSON parameter read by `json_populate_recordset` (typed by the table's own row
 * type). Why (issue 16): a 100-customer push sent its parents and each child table as multi-row VALUES lists of
 * thousands of bind parameters; planning those and the round trip of the separate DELETE were most of a push
 * batch's SQL time.
 *
 * Children are not upserted in the parents' statement: their RLS checks (a client's ticket message must belong
 * to a ticket of its customer) read the parent table, and a statement sees only rows committed before it
 * started, never a parent its own CTE inserts. The DELETE may ride with the parents: it touches only children
 * of existing parents, which its snapshot sees. Same effects as before otherwise: the DELETE spares every id a
 * written parent keeps (`keepIds`, over the whole write) and child tables have no unique key but their primary
 * key. A child id owned by another parent is a no-op of the upsert's WHERE (never a silent move), counted by the
 * statement's row count (no RETURNING, which would hold the rows to the SELECT policy too): fewer rows than
 * sent → DbError 'child_id_conflict'.
 */
async function writeRows(
  client: DbClient,
  spec: TableSpec,
  organizationId: string,
  docs: readonly Prepared[],
  children: readonly ChildWrite[],
  keepIds: readonly (readonly string[])[],
): Promise<void> {
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const columns = [...BASE_COLUMNS, ...spec.columns.map((c) => c.column), ...STORED_JSON_COLUMNS];
  const shape = DOCUMENT_SHAPES[spec.collection];
  const parents = docs.map(({ doc, deleted }) => {
    const row: Row = {
      organization_id: organizationId,
      id: doc.id,
      server_seq: doc.serverSeq,
      // A document's own createdAt, else the server's clock at first insert (kept on update, see below).
      created_at: canonicalInstant((spec.documentHasCreatedAt ? doc.createdAt : doc.updatedAt) as string),
      updated_at: canonicalInstant(doc.updatedAt as string),
      client_updated_at: canonicalInstant(doc.clientUpdatedAt as string),
      deleted,
    };
    for (const c of spec.columns) row[c.column] = encodeJson(c, doc[c.field]);
    // The document's JSON as a read will give it, for this server_seq and shape ("JSON built once"): a pull
    // serves it instead of building it (readDocumentsJson). Its children are the ones this write stores next.
    row.doc_json = storedDocumentJson(spec, doc, deleted);
    row.doc_json_seq = doc.serverSeq;
    row.doc_json_shape = shape;
    return row;
  });
  const updatable = columns.filter(
    (c) => c !== 'organization_id' && c !== 'id' && (c !== 'created_at' || spec.documentHasCreatedAt),
  );
  const deletes: string[] = [];
  if (children.length > 0) {
    const org = param(organizationId);
    const parentIds = param(docs.map((d) => d.doc.id));
    children.forEach(({ child }, k) => {
      deletes.push(`d${k} AS (DELETE FROM ${q(child.table)} WHERE organization_id = ${org}::uuid
        AND ${q(child.parentColumn)} = ANY(${parentIds}::uuid[]) AND NOT (id = ANY(${param(keepIds[k])}::uuid[])))`);
    });
  }
  const upsertParents = `${upsertSql(spec.table, columns, param(JSON.stringify(parents)))}
    ON CONFLICT (organization_id, id) DO UPDATE SET ${assignments(updatable)}`;
  await client.query(deletes.length ? `WITH ${deletes.join(',\n')} ${upsertParents}` : upsertParents, params);

  for (const { child, rows } of children) {
    if (rows.length === 0) continue;
    const childColumns = [
      'organization_id',
      'id',
      child.parentColumn,
      'position',
      ...child.columns.map((c) => c.column),
    ];
    // The WHERE makes an id owned by another parent a no-op instead of a silent move; counted below.
    const result = await client.query(
      `${upsertSql(child.table, childColumns, '$1')}
        ON CONFLICT (organization_id, id) DO UPDATE SET ${assignments(childColumns.slice(3))}
        WHERE ${q(child.table)}.${q(child.parentColumn)} = EXCLUDED.${q(child.parentColumn)}`,
      [JSON.stringify(rows)],
    );
    if (result.rowCount !== rows.length) {
      throw new DbError(
        'child_id_conflict',
        `some ${child.table} ids already belong to another ${child.parentColumn.replace(/_id$/, '')}`,
        { table: child.table },
      );
    }
  }
}

/** INSERT of `columns` from the JSON array in `param`, typed by the table's row type. */
const upsertSql = (table: string, columns: readonly string[], param: string) =>
  `INSERT INTO ${q(table)} (${columns.map(q).join(', ')})
     SELECT ${columns.map(q).join(', ')} FROM json_populate_recordset(NULL::${q(table)}, ${param}::json)`;

const assignments = (columns: readonly string[]) =>
  columns.map((c) => `${q(c)} = EXCLUDED.${q(c)}`).join(', ');

/** Every collection's document-shape fingerprint, computed once (immutable). */
const DOCUMENT_SHAPES: Readonly<Record<CollectionName, string>> = Object.freeze(
  Object.fromEntries(COLLECTION_NAMES.map((name) => [name, shapeFingerprint(specOf(name))])) as Record<
    CollectionName,
    string
  >,
);
