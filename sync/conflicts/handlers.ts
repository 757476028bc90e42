import { COLLECTION_NAMES, type CollectionName } from '../../shared/collections/index.ts';
import { deepEqual, deviceContent, entityFields, isDeleted, type PlainObject } from '../documents.ts';
import { threeWayMerge } from './merge.ts';
import { MERGE_RULES } from './rules.ts';

/**
 * Conflict handlers in RxDB 17's shape (`{ isEqual, resolve }`), defined structurally so
 * sync/ does not depend on rxdb. `WithDeleted<T>` is RxDB's document state without `_meta`/`_rev`.
 */
export type WithDeleted<T> = T & { _deleted: boolean };

export interface ConflictInput<T> {
  /** The master state the device based its write on; absent when it believed the document was new. */
  readonly assumedMasterState?: WithDeleted<T> | undefined;
  readonly realMasterState: WithDeleted<T>;
  readonly newDocumentState: WithDeleted<T>;
}

export interface ConflictHandler<T> {
  /** Synchronous and cheap: RxDB calls it on every pulled and pushed document. */
  isEqual(a: WithDeleted<T>, b: WithDeleted<T>, context?: string): boolean;
  resolve(input: ConflictInput<T>, context?: string): Promise<WithDeleted<T>>;
}

const seqOf = (doc: PlainObject | null | undefined): number =>
  typeof doc?.serverSeq === 'number' ? doc.serverSeq : 0;

/**
 * Two states are equal when they are the same server version (`serverSeq`), both deleted or both live, and
 * have the same device-owned content. Other server-owned fields are ignored: they only change together with
 * `serverSeq` on the server, and a device never gets to write them. `serverSeq` itself is compared on
 * purpose: RxDB's downstream skips a pulled master that `isEqual` the local state, so ignoring it would hide
 * server-stamped values (a ticket's number, MRR, XP) from the device forever and make every push after a
 * pull a false conflict.
 */
export function statesEqual(collection: CollectionName, a: PlainObject, b: PlainObject): boolean {
  if (isDeleted(a) !== isDeleted(b) || seqOf(a) !== seqOf(b)) return false;
  return deepEqual(deviceContent(collection, a), deviceContent(collection, b));
}

const withDeleted = (doc: PlainObject): PlainObject => ({ ...entityFields(doc), _deleted: isDeleted(doc) });

/**
 * Resolves one conflict, purely and deterministically:
 * 1. server-computed and read-only collections: the server's state;
 * 2. the server's state is not newer than the device's base (same `serverSeq`): nobody else wrote, so the
 *    server *rejected* the write (docs/sync-protocol.md §Rejections) and its state is final — this is what
 *    makes a rejected row converge instead of being re-pushed forever;
 * 3. otherwise a three-way merge by field against the base (merge.ts, rules.ts).
 */
export interface ResolveInput {
  readonly assumedMasterState?: PlainObject | null | undefined;
  readonly realMasterState: PlainObject;
  /** A missing `_deleted` counts as live. */
  readonly newDocumentState: PlainObject;
}

export function resolveConflict(collection: CollectionName, input: ResolveInput): PlainObject {
  const rules = MERGE_RULES[collection];
  const real = input.realMasterState;
  if (rules.serverWins) return withDeleted(real);
  const base = input.assumedMasterState ?? null;
  if (seqOf(real) <= seqOf(base)) return withDeleted(real);
  return threeWayMerge(rules, { base, real, mine: input.newDocumentState });
}

export function createConflictHandler<T extends object = PlainObject>(
  collection: CollectionName,
): ConflictHandler<T> {
  return {
    isEqual: (a, b) => statesEqual(collection, a as PlainObject, b as PlainObject),
    resolve: (input) =>
      Promise.resolve(resolveConflict(collection, input as unknown as ResolveInput) as WithDeleted<T>),
  };
}

/** One handler per collection, for `addCollections({ [name]: { schema, conflictHandler } })`. */
export const CONFLICT_HANDLERS: Readonly<Record<CollectionName, ConflictHandler<PlainObject>>> =
  Object.fromEntries(COLLECTION_NAMES.map((n) => [n, createConflictHandler(n)])) as Record<
    CollectionName,
    ConflictHandler<PlainObject>
  >;
