import type { z } from 'zod';
import { SERVER_OWNED_BASE_FIELDS } from '../entities/common.ts';
import type { AchievementsInput } from '../domain/portal/achievements.ts';
import type { Role, UserIdentity } from '../identity.ts';

/**
 * The vocabulary of a collection definition (docs/sync-protocol.md, "Collection definitions"). One file per
 * synced collection (`shared/collections/<name>.ts`) says everything about it with these types; the generic
 * engines read it:
 * - permissions (shared/permissions.ts): `access`, `invariants`, `scope`;
 * - the push decision (sync/push/): `serverOwned` and its create defaults, `writeRules`, `serverDerived`;
 * - conflict resolution (sync/conflicts/): `merge`;
 * - the row mapper (server/db/collections/): `schema` by convention, `embedded` child tables;
 * - the device database (sync/client/rx-schema.ts): `schema` by convention, `indexes`.
 *
 * Invariant: everything here is pure data or pure functions of their arguments (no clock, no IO), so the device
 * and the server run the same rules; what only the server can know (a counter, other tables, its clock) is a
 * named `ServerInputs` entry the server loads and hands to a pure `serverDerived` function.
 */

/** Roles live with the identity (shared/identity.ts); the definitions speak of them, so they are re-exported here. */
export { isStaff, ROLES, type Role } from '../identity.ts';

/**
 * How a row belongs to a tenant (docs/sync-protocol.md, "Visibility"):
 * - `organization`: any user of the organization may see it (content).
 * - `customer`: the row belongs to one customer (`customerId`; for `customers` the row *is* the customer).
 * - `user`: the row belongs to one user (`userId`) — notifications, engagement.
 */
export type Scope = 'organization' | 'customer' | 'user';

/** What a role may do with a collection on the device; `none` means never synced. */
export type Access = 'none' | 'read' | 'write' | 'limited';

export const PERMISSION_ACTIONS = ['read', 'create', 'update', 'delete'] as const;
export type PermissionAction = (typeof PERMISSION_ACTIONS)[number];

/** How one field may be written: any value, only by appending to an array, or one of the listed values. */
export type FieldWrite = 'set' | 'append' | { readonly oneOf: readonly unknown[] };
/** `'all'`: every device-owned field; otherwise only the listed fields (an empty record: none). */
export type FieldRules = 'all' | Readonly<Record<string, FieldWrite>>;

/** A document as the engines see it: a plain JSON object (already validated by the collection's schema). */
export type DocFields = Record<string, unknown>;

const ALL_FIELDS = Symbol('every device-owned field');

/** Every device-owned field of the collection (also those added later), but `except`, and `pinned` as ruled. */
export interface AllFields {
  readonly [ALL_FIELDS]: {
    readonly except: readonly string[];
    readonly pinned: Readonly<Record<string, FieldWrite>>;
  };
}
export const allFields = (
  options: { except?: readonly string[]; pinned?: Readonly<Record<string, FieldWrite>> } = {},
): AllFields => ({ [ALL_FIELDS]: { except: options.except ?? [], pinned: options.pinned ?? {} } });

/**
 * Which fields one role may write on create or update: `'all'` (every device-owned field, unchecked),
 * `allFields({ except, pinned })` (a CSM never reassigns a customer's CSM; a client's ticket starts `open`),
 * or a record of only the listed fields.
 */
export type FieldSpec = FieldRules | AllFields;

export const isAllFields = (spec: FieldSpec): spec is AllFields =>
  typeof spec === 'object' && ALL_FIELDS in spec;
/** The rules of an `allFields` spec. */
export const allFieldsRules = (spec: AllFields): AllFields[typeof ALL_FIELDS] => spec[ALL_FIELDS];

/** What one role may do with a collection. */
export interface RoleAccess {
  readonly level: Access;
  /** The actions of a `limited` role (`read` at least). */
  readonly actions: readonly PermissionAction[];
  readonly create: FieldSpec;
  readonly update: FieldSpec;
}

export const none: RoleAccess = { level: 'none', actions: [], create: {}, update: {} };
export const readOnly: RoleAccess = { level: 'read', actions: ['read'], create: {}, update: {} };
/** Full access; `fields` narrows what a create or update may set (default: every device-owned field). */
export const write = (fields: { create?: FieldSpec; update?: FieldSpec } = {}): RoleAccess => ({
  level: 'write',
  actions: PERMISSION_ACTIONS,
  create: fields.create ?? 'all',
  update: fields.update ?? 'all',
});
/** Some actions with some fields (docs/sync-protocol.md "limited" cells). */
export const limited = (cell: {
  actions: readonly PermissionAction[];
  create?: FieldSpec;
  update?: FieldSpec;
}): RoleAccess => ({
  level: 'limited',
  actions: cell.actions,
  create: cell.create ?? {},
  update: cell.update ?? {},
});

/** The device clock travels with every write a role may make. */
export const CLOCK = { clientUpdatedAt: 'set' } as const;

/** Who is writing, as far as the collection rules care. */
export type Actor = Pick<UserIdentity, 'userId' | 'role'>;

export type ViolationReason = 'field_rules' | 'not_author' | 'invalid_transition';

/** Why a write breaks an invariant; the permission engine answers it as `field_not_writable`. */
export interface Violation {
  readonly reason: ViolationReason;
  readonly field: string;
  readonly message: string;
}

/**
 * A rule every accepted write keeps, beyond which fields it may set (messages are append-only and signed by
 * their author, reading progress never decreases…). `before` is null for a create.
 */
export type Invariant<T = DocFields> = (write: {
  readonly actor: Actor;
  readonly before: T | null;
  readonly after: T;
}) => Violation | null;

/**
 * A domain rule that derives fields of a write from the document itself — applied optimistically by the device
 * when it writes and authoritatively by the server on every accepted push (sync/push/decide.ts), so both end
 * with the same value. Pure: same document, same result, which keeps a retried push a no-op.
 */
export interface WriteRule<T = DocFields> {
  /** The fields the rule sets; nothing else of its result is applied. */
  readonly sets: readonly string[];
  /** `doc` is schema-valid; `before` is the live master (null for a create or the restore of a tombstone). */
  derive(before: T | null, doc: T): Partial<T>;
  /**
   * For authorization: `doc` with this rule's own change undone, when the rule changes a device-owned field
   * (the device applies it optimistically, but it is not the writer's choice to be authorized for).
   */
  undo?(before: T, doc: T): T;
}

/**
 * What only the server can supply to a derivation: a counter, other tables, its clock and the organization's
 * settings. Stores load each input for a whole batch (server/sync/push-derived.ts).
 */
export interface ServerInputs {
  /** The organization's next human ticket number: consecutive per organization, never reused. */
  readonly ticketNumber: number;
  /** Approved payments of the row's customer, and today's date in the organization's time zone. */
  readonly customerRevenue: { readonly collectedCents: number; readonly today: string };
  /**
   * What a user's achievements depend on beyond their engagement record: their customer's goals, metrics,
   * action cards and start date (live rows), and the server's clock.
   */
  readonly achievements: Pick<AchievementsInput, 'now' | 'goals' | 'metrics' | 'actions' | 'customerSince'>;
}
export type ServerInputName = keyof ServerInputs;

/** A server-owned value computed by a pure function from the document and one server input. */
export interface ServerDerivation<T = DocFields, K extends ServerInputName = ServerInputName> {
  readonly input: K;
  readonly sets: readonly string[];
  /** Whether this row needs the derivation (inputs are loaded only for those); default: every row. */
  needs?(doc: T): boolean;
  derive(doc: T, input: ServerInputs[K]): Partial<T>;
}
export type AnyServerDerivation<T = DocFields> = {
  [K in ServerInputName]: ServerDerivation<T, K>;
}[ServerInputName];

// ------------------------------------------------------------------------------------------- merge rules

/** How a field changed on both sides of a conflict is decided (sync/conflicts/merge.ts runs these). */
export type MergeFieldRule =
  /** The side with the later `clientUpdatedAt`; equal clocks → the larger value (canonical JSON order). */
  | { readonly kind: 'latest' }
  /** The larger number (e.g. reading progress). */
  | { readonly kind: 'max' }
  /** The later ISO instant (e.g. the device clock itself, last login). */
  | { readonly kind: 'latestInstant' }
  /** The earliest non-null ISO instant ("read at", "completed at": the first time it happened wins). */
  | { readonly kind: 'earliestNonNull' }
  /** Higher rank wins (a status precedence); equal ranks → `latest`. */
  | { readonly kind: 'rank'; readonly rank: (value: unknown) => number }
  /** An embedded array of objects merged element by element by `key`; elements merged by field. */
  | {
      readonly kind: 'keyed';
      readonly key: (element: DocFields) => string;
      readonly element?: Readonly<Record<string, MergeFieldRule>>;
      /** Sort key of the merged array (e.g. `createdAt`); without it: base order, then new keys sorted. */
      readonly order?: (element: DocFields) => string;
    }
  /** An array of strings merged as a set (three-way: additions from both sides, removals from either). */
  | { readonly kind: 'set' };

/**
 * Fields that only make sense together (a status and its timestamps) are merged as one value, so a merge
 * never yields `status: 'dismissed'` with the other side's `completedAt`.
 */
export interface MergeFieldGroup {
  readonly fields: readonly string[];
  /** Rank of the group's value; higher wins when both sides changed it, equal → `latest`. */
  readonly rank: (group: DocFields) => number;
}

export interface ThreeWayInput {
  /** The master state the device based its change on; null when the device thought the document was new. */
  readonly base: DocFields | null;
  /** The server's current state (`realMasterState`). */
  readonly real: DocFields;
  /** The device's state (`newDocumentState`). */
  readonly mine: DocFields;
}

/** A collection's conflict rules; fields not listed merge with `latest`, server-owned ones come from the server. */
export interface MergeSpec {
  /** The server's state always wins (server-computed or read-only collections). */
  readonly serverWins?: boolean;
  readonly fields?: Readonly<Record<string, MergeFieldRule>>;
  readonly groups?: readonly MergeFieldGroup[];
  /**
   * Each side as its writer chose it, before merging: a value a write rule derived (e.g. a ticket reply's
   * reopen) is undone here and derived again by `finish`, so it never competes with a side's explicit choice.
   */
  readonly prepare?: (side: DocFields, base: DocFields | null) => DocFields;
  /** A domain rule over the merged entity, run last; deterministic and symmetric in `real`/`mine`. */
  readonly finish?: (merged: DocFields, input: ThreeWayInput) => DocFields;
}

// ------------------------------------------------------------------------------------------ the definition

/** An embedded array stored in its own PostgreSQL table (otherwise embedded arrays are jsonb columns). */
export interface ChildTable {
  readonly table: string;
  /** FK column to the parent's id, e.g. `invoice_id`. */
  readonly parentColumn: string;
}

/** What a definition file writes. */
export interface CollectionSpec<N extends string, S extends z.ZodObject, T = z.infer<S>> {
  readonly name: N;
  readonly schema: S;
  readonly scope: Scope;
  /** Per role; `staff` stands for both admin and csm unless one of them is given. */
  readonly access: { readonly client: RoleAccess } & (
    | { readonly staff: RoleAccess; readonly admin?: RoleAccess; readonly csm?: RoleAccess }
    | { readonly admin: RoleAccess; readonly csm: RoleAccess }
  );
  /**
   * Server-owned fields beyond `updatedAt`/`serverSeq`, with the value a newly created row starts with. The
   * device's value is never trusted: the server keeps its own, or derives it (`writeRules`, `serverDerived`).
   */
  readonly serverOwned?: Readonly<Record<string, unknown>>;
  /** Embedded arrays merged by element; a `ChildTable` stores them in their own table, `'json'` in jsonb. */
  readonly embedded?: Readonly<Record<string, ChildTable | 'json'>>;
  /**
   * Fields naming a user of the organization (`tickets.assignedTo`…): a written value must be one of its users
   * (foreign keys to `users` on the server). Checked on push when the value changes (sync/push/decide.ts); the
   * stores refuse a row that still names no user on their own (sync/server/store.ts).
   */
  readonly userRefs?: readonly string[];
  readonly invariants?: readonly Invariant<T>[];
  readonly writeRules?: readonly WriteRule<T>[];
  readonly serverDerived?: readonly AnyServerDerivation<T>[];
  readonly merge?: MergeSpec;
  /** Device (RxDB) indexes beyond the convention (the owner key `customerId`/`userId`). */
  readonly indexes?: readonly (readonly string[])[];
}

/** A collection definition as the engines read it (normalized: every role, every list present). */
export interface CollectionDef<S extends z.ZodObject = z.ZodObject, N extends string = string> {
  readonly name: N;
  readonly schema: S;
  readonly scope: Scope;
  readonly access: Readonly<Record<Role, RoleAccess>>;
  /** Every server-owned field, `updatedAt`/`serverSeq` included. */
  readonly serverOwned: readonly string[];
  /** Server-owned values of a row the server has never stored (besides `serverSeq`/`updatedAt`). */
  readonly createDefaults: Readonly<DocFields>;
  /** Embedded arrays merged by element `id` (or their merge rule's key) in conflict resolution. */
  readonly embedded: readonly string[];
  readonly childTables: Readonly<Record<string, ChildTable>>;
  /** Fields naming a user of the organization (see `CollectionSpec.userRefs`). */
  readonly userRefs: readonly string[];
  readonly invariants: readonly Invariant[];
  readonly writeRules: readonly WriteRule[];
  readonly serverDerived: readonly AnyServerDerivation[];
  readonly merge: MergeSpec;
  readonly indexes: readonly (readonly string[])[];
}

/**
 * The one way to declare a collection. Rules are typed against the collection's own document type; the
 * engines call them with documents the schema already validated, hence the single widening below.
 */
export function defineCollection<N extends string, S extends z.ZodObject>(
  spec: CollectionSpec<N, S>,
): CollectionDef<S, N> {
  const { access } = spec;
  const staff = 'staff' in access ? access.staff : undefined;
  const embedded = spec.embedded ?? {};
  return {
    name: spec.name,
    schema: spec.schema,
    scope: spec.scope,
    access: {
      admin: access.admin ?? staff ?? none,
      csm: access.csm ?? staff ?? none,
      client: access.client,
    },
    serverOwned: [...SERVER_OWNED_BASE_FIELDS, ...Object.keys(spec.serverOwned ?? {})],
    createDefaults: { ...spec.serverOwned },
    embedded: Object.keys(embedded),
    childTables: Object.fromEntries(
      Object.entries(embedded).flatMap(([field, how]) => (how === 'json' ? [] : [[field, how]])),
    ),
    userRefs: spec.userRefs ?? [],
    // Rules typed for the document are called by the engines with schema-valid documents of this collection.
    invariants: (spec.invariants ?? []) as readonly Invariant[],
    writeRules: (spec.writeRules ?? []) as readonly WriteRule[],
    serverDerived: (spec.serverDerived ?? []) as readonly AnyServerDerivation[],
    merge: spec.merge ?? {},
    indexes: spec.indexes ?? [],
  };
}
