import { accessFor, type CollectionName } from '../../shared/collections.ts';
import type { PlainObject } from '../documents.ts';
import type { SyncIdentity } from '../identity.ts';

/**
 * The authorization rules a push is checked against, injected into `decidePush` so the authoritative rules
 * live in one place (`shared/permissions.ts`, DESIGN §6). `accessPolicy` below is the interim implementation
 * derived from the collection registry; it is swapped for the shared one when that lands.
 */
export type SyncAction = 'create' | 'update' | 'delete';

/**
 * How a `limited` role may change one field of an existing document:
 * - `set`: any new value;
 * - `append`: an array that keeps every existing element unchanged (new elements may be added);
 * - `{ oneOf }`: only to one of these values.
 */
export type FieldWrite = 'set' | 'append' | { readonly oneOf: readonly unknown[] };

export interface SyncPolicy {
  /**
   * May `identity` perform `action` on this document? `doc` is the validated new state (server-owned fields
   * already overwritten); `current` the visible master (null on create). Scope (own customer / own user /
   * own organization) is enforced by `decidePush` itself before this is asked.
   */
  can(
    identity: SyncIdentity,
    action: SyncAction,
    collection: CollectionName,
    doc: PlainObject,
    current: PlainObject | null,
  ): boolean;
  /** For `limited` access: which fields may change on an update, and how. `all` = no field restriction. */
  writableFields(
    identity: SyncIdentity,
    collection: CollectionName,
  ): 'all' | Readonly<Record<string, FieldWrite>>;
}

/** The device's own clock travels with every write. */
const CLOCK = { clientUpdatedAt: 'set' } as const;

/** DESIGN §4's "limited" cells: what a role may change on a document it may otherwise only read. */
const LIMITED_FIELDS: Partial<Record<CollectionName, Readonly<Record<string, FieldWrite>>>> = {
  // Client: complete or dismiss an action card.
  actions: { ...CLOCK, status: 'set', completedAt: 'set', dismissedAt: 'set' },
  // Client: reply (append messages) and close.
  tickets: { ...CLOCK, messages: 'append', status: { oneOf: ['closed'] }, resolvedAt: 'set' },
  // Client: request a reschedule or a cancellation; the account manager acts on it.
  meetings: { ...CLOCK, clientRequest: 'set' },
  // Everyone: the read flag of their own inbox items.
  notifications: { ...CLOCK, readAt: 'set' },
  // Client: their own gamification lists; visits and quick wins are append-only.
  engagement: {
    ...CLOCK,
    timeZone: 'set',
    visitDays: 'append',
    reading: 'set',
    eventRegistrations: 'set',
    quickWins: 'append',
  },
};

const isOwnClientMessage = (identity: SyncIdentity) => (m: unknown) =>
  typeof m === 'object' &&
  m !== null &&
  (m as PlainObject).senderType === 'client' &&
  (m as PlainObject).senderId === identity.userId;

/** Elements of `doc[field]` not present (by id) in `current[field]`. */
function addedElements(doc: PlainObject, current: PlainObject | null, field: string): unknown[] {
  const before = new Set(((current?.[field] as PlainObject[] | undefined) ?? []).map((e) => e.id));
  return ((doc[field] as PlainObject[] | undefined) ?? []).filter((e) => !before.has(e.id));
}

function canLimited(
  identity: SyncIdentity,
  action: SyncAction,
  collection: CollectionName,
  doc: PlainObject,
  current: PlainObject | null,
): boolean {
  switch (collection) {
    case 'tickets':
      if (action === 'delete') return false;
      // A client opens a ticket as themselves, unassigned, and every message they add is their own.
      if (action === 'create') {
        return (
          doc.status === 'open' &&
          doc.assignedTo === null &&
          doc.firstResponseAt === null &&
          doc.resolvedAt === null &&
          doc.createdBy === identity.userId &&
          (doc.messages as unknown[]).every(isOwnClientMessage(identity))
        );
      }
      return addedElements(doc, current, 'messages').every(isOwnClientMessage(identity));
    case 'meetings': {
      if (action !== 'update') return false;
      const request = doc.clientRequest as PlainObject | null;
      return request === null || request.requestedBy === identity.userId;
    }
    case 'engagement':
      // One document per user, created by their device; never deleted from a device.
      return action !== 'delete';
    default:
      return action === 'update';
  }
}

/** Interim policy from the registry: `write` may do anything in scope, `limited` per the table above. */
export const accessPolicy: SyncPolicy = {
  can(identity, action, collection, doc, current) {
    const access = accessFor(identity.role, collection);
    if (access === 'write') return true;
    if (access === 'limited') return canLimited(identity, action, collection, doc, current);
    return false;
  },
  writableFields(identity, collection) {
    if (accessFor(identity.role, collection) !== 'limited') return 'all';
    return LIMITED_FIELDS[collection] ?? {};
  },
};
