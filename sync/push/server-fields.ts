import {
  type AnyServerDerivation,
  definitionOf,
  type CollectionName,
  type ServerDerivation,
  type ServerInputName,
  type ServerInputs,
} from '../../shared/collections/index.ts';
import type { PlainObject } from '../documents.ts';

/**
 * Values of server-owned fields on a document the server has never stored: the definition's create defaults
 * (`serverOwned` in shared/collections/<name>.ts). The store stamps `serverSeq` and `updatedAt` when it writes;
 * derived values come from the definition's write rules (write-rules.ts, run by `decidePush`) and server
 * derivations (the store, with its IO) — never from the device.
 */
export function serverOwnedDefaults(collection: CollectionName, now: string): PlainObject {
  return { serverSeq: 0, updatedAt: now, ...structuredClone(definitionOf(collection).createDefaults) };
}

/** The server-owned fields of `source` (the current master), or the create defaults without one. */
export function serverOwnedValues(
  collection: CollectionName,
  source: PlainObject | null,
  now: string,
): PlainObject {
  const fields = definitionOf(collection).serverOwned;
  const from = source ?? serverOwnedDefaults(collection, now);
  return Object.fromEntries(fields.map((f) => [f, from[f]]));
}

/**
 * Server derivations (the definition's `serverDerived`): server-owned values computed by a pure shared function
 * from the document and one input only the server has (a counter, other tables, its clock and the
 * organization's settings). The stores load the inputs in batches (server/sync/push-derived.ts; the memory store
 * its counter) and apply them with these two functions, so the rule itself is written once, in shared/.
 */

/** The positions in `docs` of the rows `derivation` applies to. */
export const rowsNeeding = (derivation: AnyServerDerivation, docs: readonly PlainObject[]): number[] =>
  docs.flatMap((doc, i) => (derivation.needs === undefined || derivation.needs(doc) ? [i] : []));

/**
 * `docs` with `derivation` applied to the rows at `rows`, given one loaded input per row (same order). Only the
 * fields it declares in `sets` are taken.
 */
export function withServerDerivation<K extends ServerInputName>(
  derivation: ServerDerivation<PlainObject, K>,
  docs: readonly PlainObject[],
  rows: readonly number[],
  inputs: readonly ServerInputs[K][],
): PlainObject[] {
  if (inputs.length !== rows.length) throw new Error(`expected ${rows.length} ${derivation.input} inputs`);
  const out = [...docs];
  rows.forEach((i, k) => {
    const doc = out[i]!;
    const derived: PlainObject = derivation.derive(doc, inputs[k]!);
    out[i] = {
      ...doc,
      ...Object.fromEntries(derivation.sets.filter((f) => f in derived).map((f) => [f, derived[f]])),
    };
  });
  return out;
}

/** Whether `doc` takes a value from a counter (renumbered if its batch falls back to one-by-one writes). */
export const usesCounter = (collection: CollectionName, doc: PlainObject): boolean =>
  definitionOf(collection).serverDerived.some(
    (d) => d.input === 'ticketNumber' && (d.needs === undefined || d.needs(doc)),
  );
