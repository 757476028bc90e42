import type { DocFields } from './define.ts';

/**
 * JSON value helpers the collection rules and the permission engine share: structural equality by canonical
 * JSON (sorted keys, `undefined` members dropped, as JSON does) and the append-only checks of embedded lists.
 */

export function canonical(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(obj[k])}`).join(',')}}`;
}

/**
 * `canonical(a) === canonical(b)`, without building the strings: the push path compares whole documents
 * (a retried push, each field a role may not write) for every row, and serializing both sides was a large
 * share of a push's CPU (issue 16). Plain JSON data (what documents are) is compared structurally; anything
 * else (a Date, a class instance, a function, a bigint) falls back to the canonical strings, so the answer is
 * always exactly the canonical one (values.test.ts checks the two agree on arbitrary values).
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  // null, undefined, NaN and ±Infinity all serialize as null.
  const nullA = isJsonNull(a);
  const nullB = isJsonNull(b);
  if (nullA || nullB) return nullA && nullB;
  const ta = typeof a;
  const tb = typeof b;
  // Distinct strings, finite numbers or booleans never share a serialization, nor with another type.
  if (ta === 'string' || ta === 'number' || ta === 'boolean') return isPlainScalar(tb) ? false : slow(a, b);
  if (tb === 'string' || tb === 'number' || tb === 'boolean') return slow(a, b);
  if (Array.isArray(a)) {
    if (!Array.isArray(b)) return isPlainObject(b) ? false : slow(a, b);
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return isPlainObject(a) ? false : slow(a, b);
  if (!isPlainObject(a) || !isPlainObject(b)) return slow(a, b);
  let defined = 0;
  for (const key of Object.keys(a)) {
    const value = a[key];
    if (value === undefined) continue;
    defined++;
    if (!Object.prototype.hasOwnProperty.call(b, key) || !jsonEqual(value, b[key])) return false;
  }
  for (const key of Object.keys(b)) if (b[key] !== undefined) defined--;
  return defined === 0;
}

const slow = (a: unknown, b: unknown): boolean => canonical(a) === canonical(b);

const isJsonNull = (v: unknown): boolean =>
  v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v));

const isPlainScalar = (type: string): boolean => type === 'string' || type === 'number' || type === 'boolean';

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/** `next` is an array and every element of `prev` is still in it, unchanged. */
export function isAppendOnly(prev: unknown, next: unknown): boolean {
  if (!Array.isArray(next)) return false;
  const kept = new Set(next.map(canonical));
  return (Array.isArray(prev) ? prev : []).every((e) => kept.has(canonical(e)));
}

/** The elements of `next` that `prev` does not have (compared as whole values). */
export function addedElements(prev: unknown, next: unknown): DocFields[] {
  const before = new Set((Array.isArray(prev) ? prev : []).map(canonical));
  return (Array.isArray(next) ? (next as DocFields[]) : []).filter((e) => !before.has(canonical(e)));
}

/** The objects of a document's embedded list (nothing when the field is not a list). */
export const listOf = (doc: DocFields | null, field: string): DocFields[] =>
  Array.isArray(doc?.[field]) ? (doc[field] as DocFields[]) : [];

/** A string field, or '' (merge keys and orders of embedded elements). */
export const str = (v: unknown): string => (typeof v === 'string' ? v : '');
