import { COLLECTION_DEFS, type CollectionName } from '../../shared/collections.ts';
import type { PlainObject } from '../documents.ts';

/**
 * Values of server-owned fields on a document the server has never stored. The store stamps `serverSeq`
 * and `updatedAt` when it writes; derived values (MRR from contracts, SLA deadline, XP…) come from the
 * injected `derive` hook or a later server job — never from the device.
 */
const CREATE_DEFAULTS: Partial<Record<CollectionName, PlainObject>> = {
  customers: { mrrCents: 0, arrCents: 0, lifetimeValueCents: 0 },
  tickets: { number: null, slaDeadline: null },
  engagement: { xp: 0, badges: [] },
};

export function serverOwnedDefaults(collection: CollectionName, now: string): PlainObject {
  return { serverSeq: 0, updatedAt: now, ...structuredClone(CREATE_DEFAULTS[collection] ?? {}) };
}

/** The server-owned fields of `source` (the current master), or the create defaults without one. */
export function serverOwnedValues(
  collection: CollectionName,
  source: PlainObject | null,
  now: string,
): PlainObject {
  const fields = COLLECTION_DEFS[collection].serverOwned;
  const from = source ?? serverOwnedDefaults(collection, now);
  return Object.fromEntries(fields.map((f) => [f, from[f]]));
}

/**
 * Server-side derivation of server-owned fields (e.g. `mrrCents` from active contracts, a ticket's
 * `slaDeadline` from its priority), run on every accepted write. Only server-owned keys of the result are
 * applied. Pure: the same inputs give the same values, which keeps duplicate pushes no-ops.
 */
export type DeriveServerFields = (
  collection: CollectionName,
  doc: PlainObject,
  current: PlainObject | null,
  now: string,
) => PlainObject;
