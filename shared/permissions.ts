import { accessFor, COLLECTION_DEFS, type CollectionName } from './collections.ts';
import { isStaff, userIdentitySchema, type UserIdentity } from './identity.ts';

/**
 * Authorization, in one pure module (DESIGN §4 table, §6): the server calls it as the authority on every
 * read and write; the UI calls the same functions to hide what the user cannot do. PostgreSQL RLS is the
 * second wall, not a substitute.
 *
 * API (`user` is a `UserIdentity`, shared/identity.ts; anything else — the server's `system` identity included —
 * is denied with reason `invalid_user`: the server's own writes are not permission decisions)
 * - `can(user, action, collection, doc?)` → boolean. Without `doc`: "may this user ever do this here?"
 *   (show the button / open the screen). With `doc`: also the tenant scope of that document.
 * - `authorize(...)` → the same decision with a reason (`Decision`), shaped like the API error body.
 * - `allowedActions(user, collection)` → the actions the role has on the collection.
 * - `writableFields(user, collection, action)` → which fields a create/update may set, and how
 *   (`'all'`, or per field `'set' | 'append' | { oneOf }`); `canWriteField` answers for one field.
 * - `authorizeWrite(user, collection, { organizationId, before, after, deleting? })` → the complete check of a
 *   concrete change (action, scope of old and new state, immutable keys, writable fields, and the
 *   per-collection invariants below). This is what the sync push must call.
 *
 * Scope (per row, never per field):
 * - every document belongs to one organization; rows do not carry `organizationId`, so the caller supplies
 *   it — the server from the row's `organization_id`, the device from its session (a device only ever holds
 *   its own organization's rows). A different organization is always denied;
 * - `customer` scope: a client user only their own customer (`customerId`, or `id` for `customers`); staff
 *   every customer of their organization;
 * - `user` scope (notifications, engagement): only the user's own rows, for every role;
 * - `organization` scope (content): the organization.
 *
 * The `limited` cells of DESIGN §4, as enforced here:
 * - actions (client): update `status`, `completedAt`, `dismissedAt`;
 * - tickets (client): create as themselves (status `open`, unassigned, no response/resolution, every message
 *   their own); update = append their own messages (`senderType` client, `senderId` = user) and close
 *   (status → `closed`); never delete. For everyone, messages are append-only and a new message is signed by
 *   its author (staff write `support` messages as themselves);
 * - meetings (client): update only `clientRequest`, signed `requestedBy` = user (or withdraw it: null);
 * - notifications (every role): read and mark read (`readAt`) their own;
 * - engagement (client): create and update their own document: `timeZone`; `visitDays` and `quickWins`
 *   append-only; `reading` entries never removed, progress never decreases, a completion date never changes;
 *   `eventRegistrations` never removed and only `registered` ⇄ `cancelled` (attendance is the server's).
 * Role split among staff (DESIGN §1, "admin: … CSM assignment"): only an admin reassigns a customer's
 * `csmId`; a CSM creating a customer may leave it empty or assign themselves.
 * Server-owned fields (registry `serverOwned`) are ignored here: the server overwrites them.
 */

export const PERMISSION_ACTIONS = ['read', 'create', 'update', 'delete'] as const;
export type PermissionAction = (typeof PERMISSION_ACTIONS)[number];

/** A document's tenant keys. Pass the document itself spread with its organization: `{ ...doc, organizationId }`. */
export interface DocRef {
  readonly organizationId: string;
  readonly id?: unknown;
  readonly customerId?: unknown;
  readonly userId?: unknown;
}

/** How one field may be written (same shape the sync push understands). */
export type FieldWrite = 'set' | 'append' | { readonly oneOf: readonly unknown[] };
/** `'all'`: every device-owned field; otherwise only the listed fields (an empty record: none). */
export type FieldRules = 'all' | Readonly<Record<string, FieldWrite>>;

export type DenyCode = 'forbidden' | 'immutable_field' | 'field_not_writable';
export type DenyReason =
  | 'invalid_user'
  | 'no_access'
  | 'action_not_allowed'
  | 'other_organization'
  | 'other_customer'
  | 'other_user'
  | 'field_rules'
  | 'not_author'
  | 'invalid_transition';

export type Decision =
  | { readonly allowed: true }
  | {
      readonly allowed: false;
      readonly error: {
        readonly code: DenyCode;
        readonly message: string;
        readonly details: { readonly reason: DenyReason; readonly fields?: readonly string[] };
      };
    };

const ALLOW: Decision = { allowed: true };
const deny = (code: DenyCode, reason: DenyReason, message: string, fields?: readonly string[]): Decision => ({
  allowed: false,
  error: { code, message, details: fields ? { reason, fields } : { reason } },
});

/** What each `limited` cell allows, per role (DESIGN §4). */
const LIMITED_ACTIONS: Partial<Record<CollectionName, readonly PermissionAction[]>> = {
  actions: ['read', 'update'],
  tickets: ['read', 'create', 'update'],
  meetings: ['read', 'update'],
  notifications: ['read', 'update'],
  engagement: ['read', 'create', 'update'],
};

/** The actions `user`'s role has on `collection`, before any document scope. */
export function allowedActions(
  user: Pick<UserIdentity, 'role'>,
  collection: CollectionName,
): PermissionAction[] {
  const access = accessFor(user.role, collection);
  switch (access) {
    case 'none':
      return [];
    case 'read':
      return ['read'];
    case 'write':
      return [...PERMISSION_ACTIONS];
    case 'limited':
      return [...(LIMITED_ACTIONS[collection] ?? ['read'])];
  }
}

export function can(
  user: UserIdentity,
  action: PermissionAction,
  collection: CollectionName,
  doc?: DocRef,
): boolean {
  return authorize(user, action, collection, doc).allowed;
}

export function authorize(
  user: UserIdentity,
  action: PermissionAction,
  collection: CollectionName,
  doc?: DocRef,
): Decision {
  if (!userIdentitySchema.safeParse(user).success) {
    return deny('forbidden', 'invalid_user', 'Invalid user identity.');
  }
  const actions = allowedActions(user, collection);
  if (actions.length === 0) return deny('forbidden', 'no_access', `No access to ${collection}.`);
  if (!actions.includes(action)) {
    return deny('forbidden', 'action_not_allowed', `You may not ${action} ${collection}.`);
  }
  return doc === undefined ? ALLOW : scopeDecision(user, collection, doc);
}

function scopeDecision(user: UserIdentity, collection: CollectionName, doc: DocRef): Decision {
  const outside = (reason: DenyReason) => deny('forbidden', reason, 'This document is outside your access.');
  if (doc.organizationId !== user.organizationId) return outside('other_organization');
  const scope = COLLECTION_DEFS[collection].scope;
  if (scope === 'user') {
    if (doc.userId !== user.userId) return outside('other_user');
    // A client's own rows are also their customer's (engagement carries both keys).
    if (user.role === 'client' && 'customerId' in doc && doc.customerId !== user.customerId) {
      return outside('other_customer');
    }
    return ALLOW;
  }
  if (scope === 'customer' && user.role === 'client') {
    const customer = collection === 'customers' ? doc.id : doc.customerId;
    if (customer !== user.customerId) return outside('other_customer');
  }
  return ALLOW;
}

// ------------------------------------------------------------------------------------------ field rules

const CLOCK = { clientUpdatedAt: 'set' } as const;

/** Updates of the `limited` cells. */
const LIMITED_UPDATE_FIELDS: Partial<Record<CollectionName, Readonly<Record<string, FieldWrite>>>> = {
  actions: { ...CLOCK, status: 'set', completedAt: 'set', dismissedAt: 'set' },
  tickets: { ...CLOCK, messages: 'append', status: { oneOf: ['closed'] } },
  meetings: { ...CLOCK, clientRequest: 'set' },
  notifications: { ...CLOCK, readAt: 'set' },
  engagement: {
    ...CLOCK,
    timeZone: 'set',
    visitDays: 'append',
    quickWins: 'append',
    // Element-level rules (never removed, progress only grows, attendance is the server's) in `authorizeWrite`.
    reading: 'set',
    eventRegistrations: 'set',
  },
};

/** Creates of the `limited` cells: every device-owned field, some pinned to their only allowed value. */
const LIMITED_CREATE_FIELDS: Partial<Record<CollectionName, Readonly<Record<string, FieldWrite>>>> = {
  tickets: {
    ...CLOCK,
    id: 'set',
    customerId: 'set',
    subject: 'set',
    description: 'set',
    priority: 'set',
    status: { oneOf: ['open'] },
    assignedTo: { oneOf: [null] },
    firstResponseAt: { oneOf: [null] },
    resolvedAt: { oneOf: [null] },
    createdBy: 'set',
    createdAt: 'set',
    messages: 'set',
  },
  engagement: {
    ...CLOCK,
    id: 'set',
    userId: 'set',
    customerId: 'set',
    timeZone: 'set',
    visitDays: 'set',
    reading: 'set',
    eventRegistrations: 'set',
    quickWins: 'set',
  },
};

/** Keys that tie a row to its tenant and identity: never change after creation, for anyone. */
const IMMUTABLE_FIELDS = ['id', 'customerId', 'userId'] as const;

/** Device-owned fields of a collection (schema fields minus server-owned ones). */
export function deviceOwnedFields(collection: CollectionName): string[] {
  const def = COLLECTION_DEFS[collection];
  const shape = (def.schema as unknown as { shape: Record<string, unknown> }).shape;
  return Object.keys(shape).filter((f) => !def.serverOwned.includes(f));
}

/**
 * Which fields `user` may set when creating/updating a document of `collection`, and how. Read/delete, and
 * actions the role does not have, give `{}` (nothing).
 */
export function writableFields(
  user: UserIdentity,
  collection: CollectionName,
  action: PermissionAction,
): FieldRules {
  if (action === 'read' || action === 'delete' || !can(user, action, collection)) return {};
  if (accessFor(user.role, collection) === 'limited') {
    return (action === 'create' ? LIMITED_CREATE_FIELDS : LIMITED_UPDATE_FIELDS)[collection] ?? {};
  }
  if (collection === 'customers' && action === 'update' && user.role === 'csm') {
    // Only an admin reassigns the CSM.
    return Object.fromEntries(
      deviceOwnedFields(collection)
        .filter((f) => f !== 'csmId')
        .map((f) => [f, 'set' as const]),
    );
  }
  return 'all';
}

/** May `user` set `field` in a create/update of `collection`? (For showing or hiding one input.) */
export function canWriteField(
  user: UserIdentity,
  collection: CollectionName,
  action: PermissionAction,
  field: string,
): boolean {
  const rules = writableFields(user, collection, action);
  if (rules === 'all') return deviceOwnedFields(collection).includes(field);
  return Object.prototype.hasOwnProperty.call(rules, field);
}

// ------------------------------------------------------------------------------------- concrete changes

type Doc = Readonly<Record<string, unknown>>;

export interface WriteRequest {
  /** The organization the row belongs to (server: the row's organization_id; device: the session's). */
  readonly organizationId: string;
  /** The stored state; null when creating. */
  readonly before: Doc | null;
  /** The new state (already validated against the collection's schema). */
  readonly after: Doc;
  /** The write is a (soft) delete. */
  readonly deleting?: boolean;
}

/**
 * The complete decision on one write: derives the action (create / update / delete), checks it and the scope
 * of both states, then — for creates and updates — immutable keys, writable fields and collection invariants.
 */
export function authorizeWrite(
  user: UserIdentity,
  collection: CollectionName,
  write: WriteRequest,
): Decision {
  const { organizationId, before, after } = write;
  const action: PermissionAction = before === null ? 'create' : write.deleting ? 'delete' : 'update';

  if (before !== null) {
    const old = authorize(user, action, collection, { ...before, organizationId });
    if (!old.allowed) return old;
  }
  const next = authorize(user, action, collection, { ...after, organizationId });
  if (!next.allowed || action === 'delete') return next;

  if (before !== null) {
    const moved = IMMUTABLE_FIELDS.filter((f) => f in after && !jsonEqual(after[f], before[f]));
    if (moved.length > 0) {
      return deny(
        'immutable_field',
        'field_rules',
        `These fields cannot change: ${moved.join(', ')}.`,
        moved,
      );
    }
  }

  const fields = fieldRuleViolations(user, collection, action, before, after);
  if (fields.length > 0) {
    return deny('field_not_writable', 'field_rules', `You may not change: ${fields.join(', ')}.`, fields);
  }
  return invariantDecision(user, collection, before, after);
}

function fieldRuleViolations(
  user: UserIdentity,
  collection: CollectionName,
  action: PermissionAction,
  before: Doc | null,
  after: Doc,
): string[] {
  const rules = writableFields(user, collection, action);
  if (rules === 'all') return [];
  const serverOwned = COLLECTION_DEFS[collection].serverOwned;
  const names = new Set([...Object.keys(after), ...Object.keys(before ?? {})]);
  const bad: string[] = [];
  for (const f of names) {
    if (serverOwned.includes(f) || f.startsWith('_')) continue; // server-owned / RxDB bookkeeping
    if (before !== null && jsonEqual(after[f], before[f])) continue;
    const rule = rules[f];
    if (rule === undefined) bad.push(f);
    else if (rule === 'append') {
      if (!isAppendOnly(before?.[f], after[f])) bad.push(f);
    } else if (rule !== 'set' && !rule.oneOf.some((v) => jsonEqual(v, after[f]))) bad.push(f);
  }
  return bad.sort();
}

/** Every element of `prev` still present (unchanged) in `next`. */
function isAppendOnly(prev: unknown, next: unknown): boolean {
  if (!Array.isArray(next)) return false;
  const kept = new Set(next.map(canonical));
  return (Array.isArray(prev) ? prev : []).every((e) => kept.has(canonical(e)));
}

function invariantDecision(
  user: UserIdentity,
  collection: CollectionName,
  before: Doc | null,
  after: Doc,
): Decision {
  const notAuthor = (message: string, field: string) =>
    deny('field_not_writable', 'not_author', message, [field]);
  const badTransition = (message: string, field: string) =>
    deny('field_not_writable', 'invalid_transition', message, [field]);

  switch (collection) {
    case 'tickets': {
      if (!isAppendOnly(before?.messages ?? [], after.messages)) {
        return badTransition('Messages cannot be edited or removed.', 'messages');
      }
      const senderType = isStaff(user.role) ? 'support' : 'client';
      const added = addedElements(before?.messages, after.messages);
      if (!added.every((m) => m.senderType === senderType && m.senderId === user.userId)) {
        return notAuthor('New messages must be sent as yourself.', 'messages');
      }
      if (user.role === 'client' && before === null && after.createdBy !== user.userId) {
        return notAuthor('A ticket is opened as yourself.', 'createdBy');
      }
      return ALLOW;
    }
    case 'meetings': {
      if (user.role !== 'client') return ALLOW;
      const request = after.clientRequest as Doc | null | undefined;
      if (request && request.requestedBy !== user.userId) {
        return notAuthor('A request is made as yourself.', 'clientRequest');
      }
      return ALLOW;
    }
    case 'customers':
      if (user.role === 'csm' && before === null && after.csmId !== null && after.csmId !== user.userId) {
        return deny('field_not_writable', 'field_rules', 'Only an admin assigns another CSM.', ['csmId']);
      }
      return ALLOW;
    case 'engagement':
      return engagementInvariants(before, after, badTransition);
    default:
      return ALLOW;
  }
}

function engagementInvariants(
  before: Doc | null,
  after: Doc,
  badTransition: (message: string, field: string) => Decision,
): Decision {
  const list = (d: Doc | null, f: string) => (Array.isArray(d?.[f]) ? (d[f] as Doc[]) : []);

  const reading = new Map(list(after, 'reading').map((r) => [r.contentId, r]));
  for (const old of list(before, 'reading')) {
    const now = reading.get(old.contentId);
    const grew = now !== undefined && Number(now.progress) >= Number(old.progress);
    const keptDate = now !== undefined && (old.completedAt === null || now.completedAt === old.completedAt);
    if (!grew || !keptDate) {
      return badTransition('Reading progress is never removed, lowered or re-dated.', 'reading');
    }
  }

  // A device registers and cancels; attendance (attended / no_show) is recorded by the server.
  const deviceStatuses = ['registered', 'cancelled'];
  const events = new Map(list(after, 'eventRegistrations').map((e) => [e.contentId, e]));
  const previous = new Map(list(before, 'eventRegistrations').map((e) => [e.contentId, e]));
  for (const old of previous.values()) {
    const now = events.get(old.contentId);
    const same = now !== undefined && jsonEqual(now, old);
    const deviceChange =
      now !== undefined &&
      deviceStatuses.includes(String(old.status)) &&
      deviceStatuses.includes(String(now.status)) &&
      now.registeredAt === old.registeredAt;
    if (!same && !deviceChange) {
      return badTransition(
        'Registrations are never removed; only register/cancel is yours.',
        'eventRegistrations',
      );
    }
  }
  for (const e of events.values()) {
    if (!previous.has(e.contentId) && !deviceStatuses.includes(String(e.status))) {
      return badTransition('Attendance is recorded by the server.', 'eventRegistrations');
    }
  }
  return ALLOW;
}

function addedElements(prev: unknown, next: unknown): Doc[] {
  const before = new Set((Array.isArray(prev) ? prev : []).map(canonical));
  return (Array.isArray(next) ? (next as Doc[]) : []).filter((e) => !before.has(canonical(e)));
}

/** Canonical JSON (sorted keys) for structural equality of JSON values. */
function canonical(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(obj[k])}`).join(',')}}`;
}

const jsonEqual = (a: unknown, b: unknown): boolean => canonical(a) === canonical(b);
