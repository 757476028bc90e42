import type { z } from 'zod';
import { actions } from './actions.ts';
import { activities } from './activities.ts';
import { campaigns } from './campaigns.ts';
import { content } from './content.ts';
import { customers } from './customers.ts';
import type { Access, CollectionDef, Role } from './define.ts';
import { isStaff } from './define.ts';
import { engagement } from './engagement.ts';
import { goals } from './goals.ts';
import { health } from './health.ts';
import { invoices } from './invoices.ts';
import { leads } from './leads.ts';
import { meetings } from './meetings.ts';
import { metrics } from './metrics.ts';
import { notifications } from './notifications.ts';
import { signals } from './signals.ts';
import { tickets } from './tickets.ts';

export * from './define.ts';

/**
 * Every synced collection, in the order the device opens them after its first-sync priority. One definition
 * file each (`./<name>.ts`); adding a collection = its file + one line here + its migration.
 */
export const COLLECTION_DEFS = {
  customers,
  invoices,
  goals,
  actions,
  tickets,
  meetings,
  notifications,
  metrics,
  campaigns,
  health,
  signals,
  activities,
  leads,
  content,
  engagement,
} as const;

export type CollectionName = keyof typeof COLLECTION_DEFS;
export const COLLECTION_NAMES = Object.keys(COLLECTION_DEFS) as CollectionName[];
export type DocOf<N extends CollectionName> = z.infer<(typeof COLLECTION_DEFS)[N]['schema']>;

export const isCollectionName = (name: string): name is CollectionName =>
  Object.prototype.hasOwnProperty.call(COLLECTION_DEFS, name);

/** The definition of `collection`, widened for the generic engines. */
export const definitionOf = (collection: CollectionName): CollectionDef => COLLECTION_DEFS[collection];

/** What a first sync pulls before everything else, so the main list is usable early. */
export function firstSyncPriority(role: Role): CollectionName[] {
  return isStaff(role) ? ['customers', 'health'] : ['customers'];
}

/** Collections a role opens on the device, in first-sync priority order (the list first, then the rest). */
export function collectionsForRole(role: Role): CollectionName[] {
  const priority = firstSyncPriority(role);
  const rest = COLLECTION_NAMES.filter((n) => !priority.includes(n));
  return [...priority, ...rest].filter((n) => accessFor(role, n) !== 'none');
}

export function accessFor(role: Role, collection: CollectionName): Access {
  return COLLECTION_DEFS[collection].access[role].level;
}

/**
 * RxDB's open-core edition allows at most 13 open collections per page; each role must stay at or under this
 * bound so the device never hits it.
 */
export const MAX_COLLECTIONS_PER_ROLE = 12;
