import {
  allFieldsRules,
  definitionOf,
  isAllFields,
  type CollectionName,
  type FieldRules,
  type FieldSpec,
  type FieldWrite,
  PERMISSION_ACTIONS,
  type PermissionAction,
  type ViolationReason,
} from './collections/index.ts';
import { userIdentitySchema, type UserIdentity } from './identity.ts';
import { isAppendOnly, jsonEqual } from './collections/values.ts';

export { PERMISSION_ACTIONS, type FieldRules, type FieldWrite, type PermissionAction };

/**
 * Authorization, in one pure, generic module (docs/sync-protocol.md "Authority"): the server calls it as the
 * authority on every read and write; the UI calls the same functions to hide what the user cannot do.
 * PostgreSQL RLS is the second wall, not a substitute. What each role may do with each collection is not
 * written here but in the collection's definition (shared/collections/<name>.ts: `access`, `invariants`).
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
 *   collection's invariants). This is what the sync push calls.
 *
 * Scope (per row, never per field):
 * - every document belongs to one organization; rows do not carry `organizationId`, so the caller supplies
 *   it — the server from the row's `organization_id`, the device from its session (a device only ever holds
 *   its own organization's rows). A different organization is always denied;
 * - `customer` scope: a client user only their own customer (`customerId`, or `id` for `customers`); staff
 *   every customer of their organization;
 * - `user` scope (notifications, engagement): only the user's own rows, for every role;
 * - `organization` scope (content): the organization.
 * Server-owned fields (the definition's `serverOwned`) are ignored here: the server overwrites them.
 */

/** A document's tenant keys. Pass the document itself spread with its organization: `{ ...doc, organizationId }`. */
export interface DocRef {
  readonly organizationId: string;
  readonly id?: unknown;
  readonly customerId?: unknown;
  readonly userId?: unknown;
}

export type DenyCode = 'forbidden' | 'immutable_field' | 'field_not_writable';
export type DenyReason =
  | 'invalid_user'
  | 'no_access'
  | 'action_not_allowed'
  | 'other_organization'
  | 'other_customer'
  | 'other_user'
  | ViolationReason;

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

/** The actions `user`'s role has on `collection`, before any document scope (its definition's `access`). */
export function allowedActions(
  user: Pick<UserIdentity, 'role'>,
  collection: CollectionName,
): PermissionAction[] {
  return [...definitionOf(collection).access[user.role].actions];
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
  const scope = definitionOf(collection).scope;
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

/** Keys that tie a row to its tenant and identity: never change after creation, for anyone. */
const IMMUTABLE_FIELDS = ['id', 'customerId', 'userId'] as const;

/** Device-owned fields of a collection (schema fields minus server-owned ones). */
export function deviceOwnedFields(collection: CollectionName): string[] {
  const def = definitionOf(collection);
  return Object.keys(def.schema.shape).filter((f) => !def.serverOwned.includes(f));
}

/** A role's `FieldSpec` as concrete rules over the collection's device-owned fields. */
function resolveFields(collection: CollectionName, spec: FieldSpec): FieldRules {
  if (!isAllFields(spec)) return spec;
  const all = allFieldsRules(spec);
  return Object.fromEntries(
    deviceOwnedFields(collection)
      .filter((f) => !all.except.includes(f))
      .map((f) => [f, all.pinned[f] ?? 'set']),
  );
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
  const access = definitionOf(collection).access[user.role];
  return resolveFields(collection, action === 'create' ? access.create : access.update);
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
  const serverOwned = definitionOf(collection).serverOwned;
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

/** The collection's invariants (its definition), in order; the first broken one answers. */
function invariantDecision(
  user: UserIdentity,
  collection: CollectionName,
  before: Doc | null,
  after: Doc,
): Decision {
  for (const invariant of definitionOf(collection).invariants) {
    const broken = invariant({ actor: user, before, after });
    if (broken) return deny('field_not_writable', broken.reason, broken.message, [broken.field]);
  }
  return ALLOW;
}
