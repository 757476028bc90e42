import { COLLECTION_DEFS, type CollectionName } from '../shared/collections/index.ts';
import { jsonEqual } from '../shared/collections/values.ts';

/**
 * A document as it travels on the wire: the collection's entity plus RxDB's `_deleted` flag (tombstones are
 * replicated, never hard-deleted). Typed loosely on purpose: the sync layer is generic over the 15 collections
 * and validates shapes with the collection's zod schema at its boundaries.
 */
export interface SyncDocument {
  readonly id: string;
  readonly serverSeq: number;
  readonly _deleted: boolean;
  readonly [field: string]: unknown;
}

/** RxDB bookkeeping that may ride along on a pushed document and never belongs to the entity. */
export const RXDB_META_FIELDS = ['_deleted', '_meta', '_rev', '_attachments'] as const;

export type PlainObject = Record<string, unknown>;

export const isPlainObject = (v: unknown): v is PlainObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The entity part of a document: everything except RxDB's bookkeeping fields. */
export function entityFields(doc: PlainObject): PlainObject {
  const out: PlainObject = {};
  for (const [k, v] of Object.entries(doc)) {
    if (!(RXDB_META_FIELDS as readonly string[]).includes(k)) out[k] = v;
  }
  return out;
}

/** RxDB treats any truthy `_deleted` as deleted. */
export const isDeleted = (doc: PlainObject | null | undefined): boolean => Boolean(doc?._deleted);

/**
 * Canonical JSON: object keys sorted, `undefined` members dropped (as JSON does). Two values are equal for
 * sync purposes iff their canonical JSON is equal; it is also the deterministic tie-breaker of the merge rules.
 */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const keys = Object.keys(value as PlainObject)
    .filter((k) => (value as PlainObject)[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as PlainObject)[k])}`).join(',')}}`;
}

/** `canonicalJson(a) === canonicalJson(b)`, computed structurally (shared/collections/values.ts `jsonEqual`). */
export const deepEqual = (a: unknown, b: unknown): boolean => jsonEqual(a, b);

/** Deterministic total order on JSON values (by canonical JSON), used only to break exact ties. */
export const compareValues = (a: unknown, b: unknown): number => {
  const x = canonicalJson(a);
  const y = canonicalJson(b);
  return x < y ? -1 : x > y ? 1 : 0;
};

export const serverOwnedFields = (collection: CollectionName): readonly string[] =>
  COLLECTION_DEFS[collection].serverOwned;

/**
 * The fields a device owns: everything except server-owned fields and RxDB bookkeeping. Two states with
 * equal device content differ at most in what the server stamps.
 */
export function deviceContent(collection: CollectionName, doc: PlainObject): PlainObject {
  const notDevice = notDeviceOwned(collection);
  const out: PlainObject = {};
  for (const k of Object.keys(doc)) if (!notDevice(k)) out[k] = doc[k];
  return out;
}

const notDeviceOwned = (collection: CollectionName) => {
  const owned = serverOwnedFields(collection);
  return (k: string) => (RXDB_META_FIELDS as readonly string[]).includes(k) || owned.includes(k);
};

/**
 * Same device content and same deletion state (server-owned fields ignored): `deepEqual(deviceContent(a),
 * deviceContent(b))` without building either (the push decides it for every row of a batch).
 */
export function sameDeviceContent(collection: CollectionName, a: PlainObject, b: PlainObject): boolean {
  if (isDeleted(a) !== isDeleted(b)) return false;
  const notDevice = notDeviceOwned(collection);
  // As `jsonEqual` compares two objects: members that are undefined count as absent.
  let defined = 0;
  for (const k of Object.keys(a)) {
    const value = a[k];
    if (value === undefined || notDevice(k)) continue;
    defined++;
    if (!Object.prototype.hasOwnProperty.call(b, k) || !jsonEqual(value, b[k])) return false;
  }
  for (const k of Object.keys(b)) if (b[k] !== undefined && !notDevice(k)) defined--;
  return defined === 0;
}

/** Epoch milliseconds of an ISO instant; unparseable → -Infinity so it never wins a "later" comparison. */
export function instantMs(value: unknown): number {
  if (typeof value !== 'string') return Number.NEGATIVE_INFINITY;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms;
}
