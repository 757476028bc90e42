import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonical, jsonEqual } from './values.ts';

/** A value and a copy of it that may differ slightly (key order, a changed leaf, an undefined member). */
const nearPair = fc
  .anything({ withNullPrototype: true, withObjectString: true })
  .chain((a) =>
    fc.tuple(
      fc.constant(a),
      fc.oneof(
        fc.constant(copy(a)),
        fc.constant(reversedKeys(a)),
        fc.constant(withUndefinedMember(a)),
        fc.anything(),
      ),
    ),
  );

describe('jsonEqual', () => {
  it('answers exactly canonical(a) === canonical(b), on arbitrary values and near copies', () => {
    fc.assert(
      fc.property(nearPair, ([a, b]) => {
        expect(jsonEqual(a, b)).toBe(canonical(a) === canonical(b));
        expect(jsonEqual(b, a)).toBe(canonical(a) === canonical(b));
      }),
      { numRuns: 2000 },
    );
  });

  it('follows JSON: key order ignored, undefined members dropped, NaN and Infinity are null', () => {
    expect(jsonEqual({ a: 1, b: [1, { c: 'x' }] }, { b: [1, { c: 'x' }], a: 1 })).toBe(true);
    expect(jsonEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(jsonEqual([undefined], [null])).toBe(true);
    expect(jsonEqual(Number.NaN, null)).toBe(true);
    expect(jsonEqual(-0, 0)).toBe(true);
    expect(jsonEqual({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(jsonEqual([1, 2], [2, 1])).toBe(false);
    expect(jsonEqual('1', 1)).toBe(false);
    expect(jsonEqual(new Date(0), {})).toBe(true); // a Date has no own keys: canonical() gives {}
  });
});

/** A deep copy of arrays and plain objects (other values shared). */
function copy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copy);
  if (typeof value !== 'object' || value === null) return value;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return value;
  const out = Object.create(proto) as Record<string, unknown>;
  for (const k of Object.keys(value)) out[k] = copy((value as Record<string, unknown>)[k]);
  return out;
}

function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype)
    return value;
  return Object.fromEntries(
    Object.keys(value)
      .reverse()
      .map((k) => [k, reversedKeys((value as Record<string, unknown>)[k])]),
  );
}

function withUndefinedMember(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  return { ...value, zzUndefined: undefined };
}
