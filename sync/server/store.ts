import type { CollectionName } from '../../shared/collections/index.ts';
import type { SyncDocument } from '../documents.ts';
import type { Checkpoint, PushRow } from '../protocol.ts';
import type { PushDecider, PushDecision } from '../push/decide.ts';
import type { ReadFilter } from '../visibility.ts';
import type { UserIdentity } from '../../shared/identity.ts';

/**
 * The storage side of sync, implemented over PostgreSQL in server/ and in memory here (memory-store.ts).
 * A store does transactions, locking and IO only; every rule (visibility, validation, permissions,
 * conflicts, server-owned fields) is decided by the pure code in sync/ and handed in.
 *
 * store-contract.ts is the executable form of this interface, run against both stores; where they may
 * differ (serverSeq numbering, first ticket number, derived revenue, id space) it names the difference.
 */

export interface PullQuery {
  readonly identity: UserIdentity;
  readonly collection: CollectionName;
  /** Rows strictly after this `serverSeq` (the initial checkpoint is `{ seq: 0 }`). */
  readonly after: Checkpoint;
  /** 1‥1000, already clamped. */
  readonly limit: number;
  /** Which rows the identity may read (`readFilterFor`), as one indexed condition. */
  readonly filter: ReadFilter;
}

export interface PushBatch {
  readonly identity: UserIdentity;
  readonly collection: CollectionName;
  /** 1‥`PUSH_MAX_ROWS` rows with distinct ids, envelopes validated. */
  readonly rows: readonly PushRow[];
  /** Pure; call once per row, in order, inside the transaction (see `SyncStore.push`). */
  readonly decide: PushDecider;
}

export interface SyncStore {
  /**
   * Documents of `collection` matching `filter` with `serverSeq > after.seq`, ascending by `serverSeq`, at
   * most `limit`, tombstones included with `_deleted: true`. Each document is the stored entity (server-owned
   * fields as stored) plus `_deleted`.
   */
  pull(query: PullQuery): Promise<SyncDocument[]>;

  /**
   * The same page as `pull`, serialized: what the pull route sends. A store may build the JSON where the rows
   * are (the PostgreSQL store has the database do it) so the server never parses and re-serializes them.
   * `JSON.parse(json)` must equal what `pull` returns for the same query (store-contract.ts checks it).
   */
  pullJson(query: PullQuery): Promise<PulledPage>;

  /**
   * Applies a batch in **one transaction**, all or nothing:
   * 1. lock the identity's organization for writing (so commit order = `serverSeq` order: gap-free pulls);
   * 2. load the current rows of the batch's ids in that organization (tombstones included; the organization
   *    lock of step 1 already keeps every other writer out, so no row locks are needed);
   * 3. load which customers named by `referencedCustomerIds(collection, rows)` exist (live) in the organization,
   *    and which users named by `referencedUserIds(collection, rows)` are users of it;
   * 4. for each row in order call `decide({ row, current, identity, now, existingCustomerIds, existingUserIds })`
   *    with the transaction's server clock `now` (ISO-8601);
   * 5. for each `write` decision: stamp a fresh `serverSeq` (ascending in commit order within the
   *    organization; a store may leave holes, e.g. one database sequence for every organization) and
   *    `updatedAt = now`, allocate store-assigned values (a ticket's `number` when null), and upsert
   *    it with its `owner` (organization/customer/user columns) and `deleted` = `document._deleted`. If the id
   *    exists where the identity cannot see it (primary-key hit), answer `rejectIdTaken(row)` for that row
   *    instead (use `ON CONFLICT DO NOTHING`/a savepoint: never fail the batch, never reveal the row). If the
   *    row's write breaks a constraint of the stored data (a customer or user it names is not there, a CHECK),
   *    answer `rejectUnwritable(row, current)` for that row alone and store the rest: **one row never fails
   *    its batch** (a device would fail on every retry of a queue holding it);
   * 6. commit, and publish the written documents as one `Change` on the change feed **in commit order**
   *    (e.g. NOTIFY inside the transaction) — a stream client adopts the change's checkpoint, so publishing
   *    batches out of order could make it skip one.
   * Returns one decision per row, in row order (`write` decisions as decided; their stamped documents are
   * what the feed carries).
   */
  push(batch: PushBatch): Promise<PushDecision[]>;
}

/** A pull page as JSON text. */
export interface PulledPage {
  /** A JSON array of the page's documents, ascending by `serverSeq`. */
  readonly json: string;
  readonly count: number;
  /** `serverSeq` of the last document; null when the page is empty. */
  readonly lastSeq: number | null;
}

/** One committed batch of one collection in one organization. */
export interface Change {
  readonly organizationId: string;
  readonly collection: CollectionName;
  /** As stored (stamped), ascending by `serverSeq`. */
  readonly documents: readonly SyncDocument[];
  /** `{ seq }` of the last document. */
  readonly checkpoint: Checkpoint;
}

/**
 * `'RESYNC'` tells every subscriber that changes may have been missed (e.g. the PostgreSQL LISTEN connection
 * was lost and re-established): stream routes forward it, and devices pull from their checkpoint.
 */
export type ChangeListener = (event: Change | 'RESYNC') => void;

/** Fan-out of committed changes to this instance's stream connections (docs/scaling.md, docs/sync-protocol.md "Stream"). */
export interface ChangeFeed {
  /** Delivers to every current subscriber, synchronously or in publish order. */
  publish(change: Change): void;
  /** Returns the unsubscribe function; calling it twice is harmless. */
  subscribe(listener: ChangeListener): () => void;
}
