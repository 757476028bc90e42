import type {
  MergeFieldGroup,
  MergeFieldRule,
  MergeSpec,
  ThreeWayInput,
} from '../../shared/collections/index.ts';
import {
  compareValues,
  deepEqual,
  entityFields,
  instantMs,
  isDeleted,
  isPlainObject,
  type PlainObject,
} from '../documents.ts';

/**
 * A generic, pure, deterministic three-way merge (docs/sync-protocol.md §Conflicts). Each field is compared against the common base
 * (the master state the device last saw):
 *
 * - changed on neither side or to the same value → that value;
 * - changed on one side only → that side's value (an acknowledged change is never lost);
 * - changed on both sides → the field's rule decides.
 *
 * Invariant (tested with fast-check): every rule is symmetric in its two sides and breaks exact ties by a
 * total order on the values, so merging device edits A and B yields the same content in either order.
 */

/** The rule types live with the collection definitions (shared/collections/define.ts); this module runs them. */
export type FieldRule = MergeFieldRule;
export type FieldGroup = MergeFieldGroup;

/** A collection's merge rules as this engine runs them: its definition's `merge` plus its server-owned fields. */
export interface MergeRules extends MergeSpec {
  /** Taken from the real master, whatever the device sent. */
  readonly serverOwned: readonly string[];
}

/** One side of a conflict: its value and its device clock (`clientUpdatedAt` of the whole document). */
interface Side {
  readonly value: unknown;
  readonly clock: number;
}

const LATEST: FieldRule = { kind: 'latest' };

function latest(a: Side, b: Side): unknown {
  if (a.clock !== b.clock) return a.clock > b.clock ? a.value : b.value;
  return compareValues(a.value, b.value) >= 0 ? a.value : b.value;
}

function earliestNonNull(a: Side, b: Side): unknown {
  if (a.value === null || a.value === undefined) return b.value;
  if (b.value === null || b.value === undefined) return a.value;
  const x = instantMs(a.value);
  const y = instantMs(b.value);
  if (x !== y) return x < y ? a.value : b.value;
  return compareValues(a.value, b.value) <= 0 ? a.value : b.value;
}

/** Decides a field changed on both sides to different values. */
function decide(rule: FieldRule, base: unknown, hasBase: boolean, a: Side, b: Side): unknown {
  switch (rule.kind) {
    case 'latest':
      return latest(a, b);
    case 'max':
      if (typeof a.value === 'number' && typeof b.value === 'number' && a.value !== b.value) {
        return Math.max(a.value, b.value);
      }
      return latest(a, b);
    case 'latestInstant': {
      const x = instantMs(a.value);
      const y = instantMs(b.value);
      if (x !== y) return x > y ? a.value : b.value;
      return compareValues(a.value, b.value) >= 0 ? a.value : b.value;
    }
    case 'earliestNonNull':
      return earliestNonNull(a, b);
    case 'rank': {
      const x = rule.rank(a.value);
      const y = rule.rank(b.value);
      return x !== y ? (x > y ? a.value : b.value) : latest(a, b);
    }
    case 'keyed':
      if (!Array.isArray(a.value) || !Array.isArray(b.value)) return latest(a, b);
      return mergeKeyed(rule, hasBase && Array.isArray(base) ? base : [], a, b);
    case 'set':
      if (!Array.isArray(a.value) || !Array.isArray(b.value)) return latest(a, b);
      return mergeSet(hasBase && Array.isArray(base) ? base : [], a.value, b.value);
  }
}

/** The three-way rule for one value. `hasBase` is false when the device never saw a master state. */
export function mergeValue(rule: FieldRule, base: unknown, hasBase: boolean, a: Side, b: Side): unknown {
  if (rule.kind === 'set') {
    // A set's order carries no meaning: compare and return it normalized (sorted, without duplicates).
    const norm = (v: unknown) => (Array.isArray(v) ? mergeSet([], v, []) : v);
    return mergeValueExact(
      rule,
      norm(base),
      hasBase,
      { ...a, value: norm(a.value) },
      { ...b, value: norm(b.value) },
    );
  }
  return mergeValueExact(rule, base, hasBase, a, b);
}

function mergeValueExact(rule: FieldRule, base: unknown, hasBase: boolean, a: Side, b: Side): unknown {
  if (deepEqual(a.value, b.value)) return a.value;
  if (hasBase) {
    if (deepEqual(a.value, base)) return b.value;
    if (deepEqual(b.value, base)) return a.value;
  }
  return decide(rule, base, hasBase, a, b);
}

function mergeSet(base: readonly unknown[], a: readonly unknown[], b: readonly unknown[]): unknown[] {
  const inBase = new Set(base.map((v) => JSON.stringify(v)));
  const inA = new Set(a.map((v) => JSON.stringify(v)));
  const inB = new Set(b.map((v) => JSON.stringify(v)));
  const out = new Map<string, unknown>();
  for (const v of [...a, ...b]) {
    const k = JSON.stringify(v);
    // Kept when added by either side, or present in the base and removed by neither.
    if (!inBase.has(k) || (inA.has(k) && inB.has(k))) out.set(k, v);
  }
  return [...out.values()].sort(compareValues);
}

function mergeElement(rule: Extract<FieldRule, { kind: 'keyed' }>, base: unknown, a: Side, b: Side): unknown {
  if (deepEqual(a.value, b.value)) return a.value;
  const hasBase = base !== undefined;
  if (!isPlainObject(a.value) || !isPlainObject(b.value) || (hasBase && !isPlainObject(base))) {
    return mergeValue(LATEST, base, hasBase, a, b);
  }
  const baseObj = hasBase ? (base as PlainObject) : {};
  const out: PlainObject = {};
  for (const field of unionKeys(baseObj, a.value, b.value)) {
    const merged = mergeValue(
      rule.element?.[field] ?? LATEST,
      baseObj[field],
      hasBase,
      { value: a.value[field], clock: a.clock },
      { value: b.value[field], clock: b.clock },
    );
    if (merged !== undefined) out[field] = merged;
  }
  return out;
}

function mergeKeyed(
  rule: Extract<FieldRule, { kind: 'keyed' }>,
  base: readonly unknown[],
  a: Side,
  b: Side,
): unknown[] {
  const byKey = (list: readonly unknown[]) => {
    const m = new Map<string, unknown>();
    for (const el of list) {
      const k = isPlainObject(el) ? rule.key(el) : JSON.stringify(el);
      if (!m.has(k)) m.set(k, el);
    }
    return m;
  };
  const bm = byKey(base);
  const am = byKey(a.value as unknown[]);
  const cm = byKey(b.value as unknown[]);
  const merged = new Map<string, unknown>();
  const keys = new Set([...bm.keys(), ...am.keys(), ...cm.keys()]);
  for (const k of keys) {
    const be = bm.get(k);
    const ae = am.get(k);
    const ce = cm.get(k);
    if (ae !== undefined && ce !== undefined) {
      merged.set(k, mergeElement(rule, be, { value: ae, clock: a.clock }, { value: ce, clock: b.clock }));
    } else if (ae !== undefined || ce !== undefined) {
      const present = (ae ?? ce) as unknown;
      // Added by one side, or edited by one side while the other removed it: keep it (an edit beats a
      // concurrent removal). Removed by one side and untouched by the other: removed.
      if (be === undefined || !deepEqual(present, be)) merged.set(k, present);
    }
  }
  const baseOrder = [...bm.keys()];
  const keyOf = (k: string) => {
    const el = merged.get(k);
    return rule.order && isPlainObject(el) ? rule.order(el) : '';
  };
  const sortedKeys = [...merged.keys()].sort((x, y) => {
    if (rule.order) {
      const ox = keyOf(x);
      const oy = keyOf(y);
      if (ox !== oy) return ox < oy ? -1 : 1;
      return x < y ? -1 : x > y ? 1 : 0;
    }
    const ix = baseOrder.indexOf(x);
    const iy = baseOrder.indexOf(y);
    if (ix >= 0 || iy >= 0) return ix < 0 ? 1 : iy < 0 ? -1 : ix - iy;
    return x < y ? -1 : x > y ? 1 : 0;
  });
  return sortedKeys.map((k) => merged.get(k));
}

function unionKeys(...objects: PlainObject[]): string[] {
  return [...new Set(objects.flatMap((o) => Object.keys(o)))].sort();
}

const pick = (doc: PlainObject, fields: readonly string[]): PlainObject =>
  Object.fromEntries(fields.map((f) => [f, doc[f]]));

/**
 * Merges `mine` into `real` against `base`. Server-owned fields always come from `real`. Deletion is one more
 * field: a one-sided delete or restore keeps; with no common base, a delete beats a concurrent edit (the
 * edit's content is kept inside the tombstone, so a later restore brings it back).
 */
export type { ThreeWayInput };

export function threeWayMerge(rules: MergeRules, input: ThreeWayInput): PlainObject {
  const base = input.base ? entityFields(input.base) : null;
  const sides = { base, real: entityFields(input.real), mine: entityFields(input.mine) };
  const real = rules.prepare ? rules.prepare(sides.real, base) : sides.real;
  const mine = rules.prepare ? rules.prepare(sides.mine, base) : sides.mine;
  const hasBase = base !== null;
  const baseDoc = base ?? {};
  const realClock = instantMs(real.clientUpdatedAt);
  const mineClock = instantMs(mine.clientUpdatedAt);
  const side = (doc: PlainObject, clock: number, field: string): Side => ({ value: doc[field], clock });

  const out: PlainObject = {};
  const done = new Set<string>(rules.serverOwned);
  for (const f of rules.serverOwned) if (real[f] !== undefined) out[f] = real[f];

  for (const group of rules.groups ?? []) {
    const a: Side = { value: pick(real, group.fields), clock: realClock };
    const b: Side = { value: pick(mine, group.fields), clock: mineClock };
    const merged = mergeValue(
      { kind: 'rank', rank: (v) => group.rank(v as PlainObject) },
      pick(baseDoc, group.fields),
      hasBase,
      a,
      b,
    );
    for (const f of group.fields) {
      done.add(f);
      const v = (merged as PlainObject)[f];
      if (v !== undefined) out[f] = v;
    }
  }

  for (const f of unionKeys(baseDoc, real, mine)) {
    if (done.has(f)) continue;
    const rule =
      rules.fields?.[f] ?? (f === 'clientUpdatedAt' ? ({ kind: 'latestInstant' } as const) : LATEST);
    const merged = mergeValue(rule, baseDoc[f], hasBase, side(real, realClock, f), side(mine, mineClock, f));
    if (merged !== undefined) out[f] = merged;
  }

  const finished = rules.finish ? rules.finish(out, sides) : out;

  const realDeleted = isDeleted(input.real);
  const mineDeleted = isDeleted(input.mine);
  let deleted: boolean;
  if (realDeleted === mineDeleted) deleted = realDeleted;
  else if (!input.base) deleted = true;
  else deleted = realDeleted !== isDeleted(input.base) ? realDeleted : mineDeleted;
  return { ...finished, _deleted: deleted };
}
