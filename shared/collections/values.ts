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

export const jsonEqual = (a: unknown, b: unknown): boolean => canonical(a) === canonical(b);

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
