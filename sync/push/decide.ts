import { accessFor, definitionOf, type CollectionName } from '../../shared/collections/index.ts';
import { authorizeWrite, type DenyCode } from '../../shared/permissions.ts';
import {
  entityFields,
  isDeleted,
  sameDeviceContent,
  type PlainObject,
  type SyncDocument,
} from '../documents.ts';
import type { PushRow, RejectionCode } from '../protocol.ts';
import { matchesReadFilter, readFilterFor } from '../visibility.ts';
import { serverOwnedValues } from './server-fields.ts';
import { applyWriteRules, deviceWriteOf } from './write-rules.ts';
import type { UserIdentity } from '../../shared/identity.ts';

/**
 * The server's decision for one pushed row (docs/sync-protocol.md), pure: the store loads, locks and writes;
 * this decides. The server never trusts the device: the document is re-validated, its scope is checked
 * against the session's identity, server-owned fields are overwritten, and `limited` roles may change only
 * their writable fields.
 */

/** Where a written row belongs; always derived from the identity and the validated document. */
export interface RowOwner {
  readonly organizationId: string;
  /** The customer a row belongs to (for `customers`, the row itself); null for organization/user rows. */
  readonly customerId: string | null;
  readonly userId: string | null;
}

export type PushDecision =
  /** Write `document` (server-owned fields set; the store stamps `serverSeq` and `updatedAt`). */
  | { readonly kind: 'write'; readonly id: string; readonly document: SyncDocument; readonly owner: RowOwner }
  /** Nothing to do: already the master's content (a retried push), or deleting what is not there. */
  | { readonly kind: 'unchanged'; readonly id: string }
  /** The device based its write on an outdated master: it must resolve against `master`. */
  | { readonly kind: 'conflict'; readonly id: string; readonly master: SyncDocument }
  /**
   * Refused. `master` is what the device must converge to: the current master when the identity may see it,
   * else a tombstone of the pushed document (`serverSeq` 0), which reveals nothing about other tenants.
   */
  | {
      readonly kind: 'rejected';
      readonly id: string;
      readonly code: RejectionCode;
      readonly message: string;
      readonly master: SyncDocument;
    };

export interface DecideInput {
  readonly row: PushRow;
  /**
   * The stored row with this id in the identity's organization (tombstones included), locked for update;
   * null when there is none the store can see.
   */
  readonly current: SyncDocument | null;
  readonly identity: UserIdentity;
  /** Server clock, ISO-8601. */
  readonly now: string;
  /** Live customers of the identity's organization among `referencedCustomerIds(rows)`. */
  readonly existingCustomerIds: ReadonlySet<string>;
  /** Users of the identity's organization among `referencedUserIds(rows)` (the collection's `userRefs`). */
  readonly existingUserIds: ReadonlySet<string>;
}

/** The write being authorized; `before` is null for a create (or the restore of a tombstone). */
export interface WriteToAuthorize {
  readonly organizationId: string;
  readonly before: PlainObject | null;
  readonly after: PlainObject;
  readonly deleting: boolean;
}

export type WriteVerdict =
  { readonly allowed: true } | { readonly allowed: false; readonly code: DenyCode; readonly message: string };

/**
 * The authorization of one concrete write (role, action, scope of both states, immutable keys, writable
 * fields, collection invariants). Injected so it can be replaced in tests; the default is
 * `shared/permissions.ts`'s `authorizeWrite`, the single authority the UI also uses.
 */
export type AuthorizeWrite = (
  identity: UserIdentity,
  collection: CollectionName,
  write: WriteToAuthorize,
) => WriteVerdict;

export const authorizeWithPermissions: AuthorizeWrite = (identity, collection, write) => {
  const decision = authorizeWrite(identity, collection, write);
  return decision.allowed
    ? decision
    : { allowed: false, code: decision.error.code, message: decision.error.message };
};

export interface DecideOptions {
  /** Defaults to `authorizeWithPermissions`. */
  readonly authorize?: AuthorizeWrite | undefined;
}

export type PushDecider = (input: DecideInput) => PushDecision;

const FORBIDDEN_MESSAGE = 'You may not write this document.';

/** The customer ids a batch refers to, for the store to check in one query (`existingCustomerIds`). */
export function referencedCustomerIds(collection: CollectionName, rows: readonly PushRow[]): string[] {
  if (collection === 'customers' || definitionOf(collection).scope === 'organization') return [];
  const ids = rows
    .map((r) => r.newDocumentState.customerId)
    .filter((v): v is string => typeof v === 'string');
  return [...new Set(ids)];
}

/** The user ids a batch names in its collection's `userRefs`, for the store to check in one query (`existingUserIds`). */
export function referencedUserIds(collection: CollectionName, rows: readonly PushRow[]): string[] {
  const fields = definitionOf(collection).userRefs;
  const ids = rows.flatMap((r) =>
    fields.map((f) => r.newDocumentState[f]).filter((v): v is string => typeof v === 'string'),
  );
  return [...new Set(ids)];
}

/** What a rejected row converges to when the identity may not see a master: its own document, deleted. */
export function tombstoneOf(pushed: PlainObject & { id: string }): SyncDocument {
  return { ...entityFields(pushed), id: pushed.id, serverSeq: 0, _deleted: true };
}

/**
 * For the store: the id turned out to belong to a row the identity cannot see (the insert hit the primary
 * key, e.g. another organization's row hidden by RLS). Same answer as any other forbidden write.
 */
export function rejectIdTaken(row: PushRow): PushDecision {
  const id = row.newDocumentState.id;
  return {
    kind: 'rejected',
    id,
    code: 'forbidden',
    message: FORBIDDEN_MESSAGE,
    master: tombstoneOf(row.newDocumentState),
  };
}

const UNWRITABLE_MESSAGE =
  'The document could not be stored: it names something that does not exist in the organization.';

/**
 * For the store: the write of a row the decision accepted broke a constraint of the stored data (a reference to
 * a row that is not there, a database CHECK). The row is rejected alone, like an invalid document, with the
 * master the decision saw — visible to the identity, since the row was accepted — or a tombstone of the pushed
 * document when there was none; the rest of the batch is stored.
 */
export function rejectUnwritable(row: PushRow, current: SyncDocument | null): PushDecision {
  return {
    kind: 'rejected',
    id: row.newDocumentState.id,
    code: 'invalid_document',
    message: UNWRITABLE_MESSAGE,
    master: current ?? tombstoneOf(row.newDocumentState),
  };
}

/** The tenant columns of a row: the organization from the identity (never the payload), owners from the doc. */
export function rowOwnerOf(collection: CollectionName, organizationId: string, doc: PlainObject): RowOwner {
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  const scope = definitionOf(collection).scope;
  return {
    organizationId,
    customerId:
      collection === 'customers' ? str(doc.id) : scope === 'organization' ? null : str(doc.customerId),
    userId: scope === 'user' ? str(doc.userId) : null,
  };
}

function issuesSummary(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  const shown = issues
    .slice(0, 5)
    .map((i) => `${i.path.map(String).join('.') || '(document)'}: ${i.message}`);
  return `Invalid document — ${shown.join('; ')}${issues.length > 5 ? ` (+${issues.length - 5} more)` : ''}`;
}

export function decidePush(
  collection: CollectionName,
  input: DecideInput,
  options: DecideOptions,
): PushDecision {
  const { row, identity, now } = input;
  const def = definitionOf(collection);
  const pushed = row.newDocumentState;
  const id = pushed.id;
  const deleting = isDeleted(pushed);

  const filter = readFilterFor(identity, collection);
  const visible = (doc: PlainObject) =>
    filter !== null && matchesReadFilter(filter, identity.organizationId, doc);
  const current = input.current && visible(input.current) ? input.current : null;
  const reject = (code: RejectionCode, message: string): PushDecision => ({
    kind: 'rejected',
    id,
    code,
    message,
    master: current ?? tombstoneOf(pushed),
  });

  // Deleting what does not exist (for this identity) or is already deleted leaves nothing to do. Answering
  // the same whether or not a hidden row exists reveals nothing, and it ends a rejected create's round trip.
  if (deleting && (current === null || isDeleted(current))) return { kind: 'unchanged', id };

  if (input.current !== null && current === null) return reject('forbidden', FORBIDDEN_MESSAGE);

  // Validate what would be stored: the device's fields with the server-owned ones overwritten.
  const candidate: PlainObject = { ...entityFields(pushed), ...serverOwnedValues(collection, current, now) };
  const parsed = def.schema.safeParse(candidate);
  if (!parsed.success) return reject('invalid_document', issuesSummary(parsed.error.issues));
  let doc = parsed.data as PlainObject;

  // Scope: the document must be one this identity may see (own customer / own user / own organization).
  if (!visible(doc)) return reject('forbidden', FORBIDDEN_MESSAGE);
  if (identity.role === 'client' && 'customerId' in doc && doc.customerId !== identity.customerId) {
    return reject('forbidden', FORBIDDEN_MESSAGE);
  }
  if (current) {
    const moved = ['customerId', 'userId'].filter((f) => f in doc && doc[f] !== current[f]);
    if (moved.length) return reject('immutable_field', `These fields cannot change: ${moved.join(', ')}.`);
  } else if (
    identity.role !== 'client' &&
    def.scope === 'customer' &&
    collection !== 'customers' &&
    !input.existingCustomerIds.has(String(doc.customerId))
  ) {
    return reject('unknown_customer', 'The customer does not exist.');
  }
  // A user reference must name a user of the organization (a foreign key on the server). Only a value the write
  // changes is checked: a master keeps what it already names.
  const unknownUser = def.userRefs.find((f) => {
    const value = doc[f];
    return typeof value === 'string' && value !== current?.[f] && !input.existingUserIds.has(value);
  });
  if (unknownUser !== undefined) {
    return reject('invalid_document', `${unknownUser}: no such user in this organization.`);
  }

  // Restoring a tombstone is authorized like a create: the document comes back as if new.
  const before = current && !isDeleted(current) ? entityFields(current) : null;
  // The collection's write rules, the same the device ran optimistically (a ticket's SLA deadline, a client
  // reply's reopen), now authoritative: against the master and before the retry check, so what is compared,
  // authorized and written is the ruled document.
  doc = applyWriteRules(collection, before, doc);

  // A retried push (or one equal to the master in everything the device owns) writes nothing twice.
  const next = { ...doc, _deleted: deleting };
  if (current && sameDeviceContent(collection, next, current)) return { kind: 'unchanged', id };

  const assumedSeq = row.assumedMasterState?.serverSeq;
  if (current && (typeof assumedSeq === 'number' ? assumedSeq : null) !== current.serverSeq) {
    return { kind: 'conflict', id, master: current };
  }

  const authorize = options.authorize ?? authorizeWithPermissions;
  const verdict = authorize(identity, collection, {
    organizationId: identity.organizationId,
    before,
    // What the device wrote: the rules' own changes are not the device's to be authorized for.
    after: deviceWriteOf(collection, before, doc),
    deleting,
  });
  if (!verdict.allowed) return reject(verdict.code, verdict.message);

  // A `limited` role's delete (where allowed) removes the master as it is, not an edited copy; a full
  // writer's tombstone keeps its content (a later restore brings the edit back).
  const written =
    deleting && current && accessFor(identity.role, collection) === 'limited'
      ? { ...entityFields(current), ...pick(doc, def.serverOwned) }
      : doc;
  return {
    kind: 'write',
    id,
    document: { ...written, id, serverSeq: Number(written.serverSeq), _deleted: deleting },
    owner: rowOwnerOf(collection, identity.organizationId, written),
  };
}

const pick = (doc: PlainObject, fields: readonly string[]): PlainObject =>
  Object.fromEntries(fields.filter((f) => f in doc).map((f) => [f, doc[f]]));

/** Binds a collection and its options: the `decide` callback handed to `SyncStore.push`. */
export const createPushDecider =
  (collection: CollectionName, options: DecideOptions): PushDecider =>
  (input) =>
    decidePush(collection, input, options);
