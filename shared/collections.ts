import type { z } from 'zod';
import { SERVER_OWNED_BASE_FIELDS } from './entities/common.ts';
import { CUSTOMER_SERVER_OWNED, customerSchema } from './entities/customer.ts';
import { invoiceSchema } from './entities/billing.ts';
import { activitySchema, healthSchema, signalSchema } from './entities/csm.ts';
import { meetingSchema, notificationSchema, TICKET_SERVER_OWNED, ticketSchema } from './entities/support.ts';
import {
  actionSchema,
  campaignSchema,
  contentSchema,
  ENGAGEMENT_SERVER_OWNED,
  engagementSchema,
  goalSchema,
  leadSchema,
  metricsSchema,
} from './entities/portal.ts';
import { isStaff, type Role } from './identity.ts';

/** Roles live with the identity (shared/identity.ts); re-exported for the modules that still import them here. */
export { isStaff, ROLES, type Role } from './identity.ts';

/**
 * How a row belongs to a tenant (DESIGN §4):
 * - `organization`: any user of the organization may see it (content).
 * - `customer`: the row belongs to one customer (`customerId`; for `customers` the row *is* the customer).
 * - `user`: the row belongs to one user (`userId`) — notifications, engagement.
 */
export type Scope = 'organization' | 'customer' | 'user';

/** What a role may do with a collection on the device (DESIGN §4's table); `none` means never synced. */
export type Access = 'none' | 'read' | 'write' | 'limited';

export interface CollectionDef<S extends z.ZodType = z.ZodType> {
  readonly name: string;
  readonly schema: S;
  readonly scope: Scope;
  readonly staff: Access;
  readonly client: Access;
  /** Fields the server stamps or derives; a device's value is ignored (overwritten), never trusted. */
  readonly serverOwned: readonly string[];
  /** Embedded arrays merged by element `id` in conflict resolution. */
  readonly embedded: readonly string[];
}

const def = <S extends z.ZodType>(
  d: Omit<CollectionDef<S>, 'serverOwned'> & { serverOwned?: readonly string[] },
) => ({ ...d, serverOwned: [...SERVER_OWNED_BASE_FIELDS, ...(d.serverOwned ?? [])] }) as CollectionDef<S>;

export const COLLECTION_DEFS = {
  customers: def({
    name: 'customers',
    schema: customerSchema,
    scope: 'customer',
    staff: 'write',
    client: 'read',
    serverOwned: CUSTOMER_SERVER_OWNED,
    embedded: ['contacts', 'contracts'],
  }),
  invoices: def({
    name: 'invoices',
    schema: invoiceSchema,
    scope: 'customer',
    staff: 'write',
    client: 'read',
    embedded: ['payments'],
  }),
  goals: def({
    name: 'goals',
    schema: goalSchema,
    scope: 'customer',
    staff: 'write',
    client: 'write',
    embedded: ['progress'],
  }),
  actions: def({
    name: 'actions',
    schema: actionSchema,
    scope: 'customer',
    staff: 'write',
    client: 'limited',
    embedded: [],
  }),
  tickets: def({
    name: 'tickets',
    schema: ticketSchema,
    scope: 'customer',
    staff: 'write',
    client: 'limited',
    serverOwned: TICKET_SERVER_OWNED,
    embedded: ['messages'],
  }),
  meetings: def({
    name: 'meetings',
    schema: meetingSchema,
    scope: 'customer',
    staff: 'write',
    client: 'limited',
    embedded: [],
  }),
  notifications: def({
    name: 'notifications',
    schema: notificationSchema,
    scope: 'user',
    staff: 'limited',
    client: 'limited',
    embedded: [],
  }),
  metrics: def({
    name: 'metrics',
    schema: metricsSchema,
    scope: 'customer',
    staff: 'read',
    client: 'read',
    embedded: ['days'],
  }),
  campaigns: def({
    name: 'campaigns',
    schema: campaignSchema,
    scope: 'customer',
    staff: 'write',
    client: 'read',
    embedded: ['daily', 'abTests'],
  }),
  health: def({
    name: 'health',
    schema: healthSchema,
    scope: 'customer',
    staff: 'read',
    client: 'none',
    embedded: [],
  }),
  signals: def({
    name: 'signals',
    schema: signalSchema,
    scope: 'customer',
    staff: 'write',
    client: 'none',
    embedded: [],
  }),
  activities: def({
    name: 'activities',
    schema: activitySchema,
    scope: 'customer',
    staff: 'write',
    client: 'none',
    embedded: [],
  }),
  leads: def({
    name: 'leads',
    schema: leadSchema,
    scope: 'customer',
    staff: 'none',
    client: 'write',
    embedded: ['interactions'],
  }),
  content: def({
    name: 'content',
    schema: contentSchema,
    scope: 'organization',
    staff: 'none',
    client: 'read',
    embedded: [],
  }),
  engagement: def({
    name: 'engagement',
    schema: engagementSchema,
    scope: 'user',
    staff: 'none',
    client: 'limited',
    serverOwned: ENGAGEMENT_SERVER_OWNED,
    embedded: ['visitDays', 'reading', 'eventRegistrations', 'quickWins', 'badges'],
  }),
} as const;

export type CollectionName = keyof typeof COLLECTION_DEFS;
export const COLLECTION_NAMES = Object.keys(COLLECTION_DEFS) as CollectionName[];
export type DocOf<N extends CollectionName> = z.infer<(typeof COLLECTION_DEFS)[N]['schema']>;

export const isCollectionName = (name: string): name is CollectionName =>
  Object.prototype.hasOwnProperty.call(COLLECTION_DEFS, name);

/** What a first sync pulls before everything else, so the main list is usable early (DESIGN §5). */
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
  const d = COLLECTION_DEFS[collection];
  return isStaff(role) ? d.staff : d.client;
}

/**
 * RxDB's open-core edition allows at most 13 open collections per page (COL23, DESIGN §4); each role must
 * stay at or under this bound so the device never hits it.
 */
export const MAX_COLLECTIONS_PER_ROLE = 12;
