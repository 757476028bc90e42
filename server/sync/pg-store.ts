import type { CollectionName } from '../../shared/collections/index.ts';
import type { PlainObject, SyncDocument } from '../../sync/documents.ts';
import {
  rejectIdTaken,
  rejectUnwritable,
  referencedCustomerIds,
  referencedUserIds,
  type PushDecision,
} from '../../sync/push/decide.ts';
import { usesCounter } from '../../sync/push/server-fields.ts';
import type {
  Change,
  ChangeFeed,
  PulledPage,
  PullQuery,
  PushBatch,
  SyncStore,
} from '../../sync/server/store.ts';
import type { ChangeNotifier } from './pg-change-feed.ts';
import { settleEventSeats } from './event-seats.ts';
import { deriveBatchFields } from './push-derived.ts';
import { writeAccepted } from './push-write.ts';
import { readDocumentsJson, TABLE_SPECS, type Database, type DbClient } from '../db/index.ts';

/**
 * The PostgreSQL `SyncStore` (contract: sync/server/store.ts). It does transactions, locking and IO; the rules
 * come from sync/ (`decide`) and the collection definitions in shared/ (write rules, server derivations). Every statement runs under `withIdentity`, so RLS is
 * the second wall behind the pure decision.
 *
 * A push batch costs a fixed number of statements whatever its size (≤ `PUSH_MAX_ROWS`, 1,000 rows): lock (in the transaction's
 * first message, with BEGIN and the identity), read the masters (one statement, children and JSON included), the
 * referenced customers and users, the existence check for creates, the derived values, one block of server_seqs
 * (with the batch's savepoint), the write (one statement for the parents and one per child table that has rows
 * to write — a child row equal to its master's element is left as stored — each table's rows as one JSON
 * parameter: mapper.ts `writeDocuments`, which stores each document's JSON with its row), the NOTIFY. Per row
 * only the pure decision runs. A pull page is one message to PostgreSQL, BEGIN to COMMIT
 * (Database.queryWithIdentity), whose documents are mostly their stored JSON, concatenated (readDocumentsJson).
 *
 * Invariants:
 * - One transaction per pushed batch, holding the organization's write lock from before the current rows are
 *   read until commit: commit order = server_seq order (gap-free pulls), and conflict detection reads a state
 *   no other writer can change underneath it.
 * - A row the identity cannot see (another customer's id in the same organization) becomes a `forbidden`
 *   rejection of that row alone: ids that exist unseen are found before writing (`arco_existing_ids`), and
 *   whatever else a single row's write trips over (a child id owned elsewhere) is isolated by push-write.ts's
 *   savepoint fallback. The batch never fails for it, nothing is half-written and nothing about the hidden row
 *   is revealed (the answer is the same tombstone as any other forbidden write).
 * - One row never fails its batch by breaking a constraint: the decision checks the references it can (the
 *   customers and users the batch names, loaded in one query each), and a row whose write still violates a
 *   foreign key, CHECK or NOT NULL is refused alone by the same savepoint fallback, as `invalid_document` with
 *   its master (`rejectUnwritable`); the rest of the batch is stored.
 * - Retries are idempotent: `decide` answers `unchanged` for a row equal to its master, and nothing is written.
 * - Changes are published only after commit, in commit order. On PostgreSQL the writing instance delivers the
 *   documents it wrote (held from the NOTIFY until the notice comes back at commit) and every other instance
 *   reads the notified range back (pg-change-feed.ts): both deliver the stored documents, because what
 *   `writeDocuments` returns is exactly what a read of those rows gives (mapper.pg.test.ts, pg-change-feed.pg.test.ts).
 * - A stored document JSON is served only for the server_seq it was written with: every write here (and in
 *   server-writes.ts, event-seats.ts) takes fresh server_seqs and goes through `writeDocuments`. With
 *   `verifyStoredJson` (the test suites) every read checks the stored JSON against its row.
 */
export interface PgSyncStoreDeps {
  readonly db: Database;
  readonly feed: ChangeFeed;
  readonly clock: () => Date;
  /**
   * With a real PostgreSQL the change is announced by NOTIFY inside the writing transaction (delivered at
   * commit, in commit order — see pg-change-feed.ts); without it (embedded database) the store publishes to
   * the in-process feed right after commit.
   */
  readonly notifier?: ChangeNotifier;
  /**
   * Check every stored document JSON a pull or a push's master read serves against its row (mapper.ts
   * `readDocumentsJson` `verifyStored`): a stale one fails the request. On under NODE_ENV=test (main.ts) and in
   * the pg suites' stores, so those suites check the stored-JSON invariant on every read; it doubles a pull's
   * SQL, so never in production.
   */
  readonly verifyStoredJson?: boolean;
}

const OWNER_COLUMN = { id: 'id', customerId: 'customer_id', userId: 'user_id' } as const;
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function createPgSyncStore(deps: PgSyncStoreDeps): SyncStore {
  const pullJson = ({ identity, collection, after, limit, filter }: PullQuery): Promise<PulledPage> => {
    const params: unknown[] = [filter.organizationId, after.seq];
    let where = 'organization_id = $1 AND server_seq > $2';
    if (filter.owner) {
      params.push(filter.owner.equals);
      where += ` AND ${OWNER_COLUMN[filter.owner.field]} = $3`;
    }
    // One statement in its own transaction: one round trip to PostgreSQL (Database.queryWithIdentity).
    const client: DbClient = { query: (text, values) => deps.db.queryWithIdentity(identity, text, values) };
    return readDocumentsJson(client, collection, {
      where,
      params,
      limit,
      verifyStored: deps.verifyStoredJson ?? false,
    });
  };
  return {
    // A pull is one statement: the page, its children and the JSON, stored or built (readDocumentsJson).
    pullJson,
    async pull(query: PullQuery) {
      return JSON.parse((await pullJson(query)).json) as SyncDocument[];
    },

    async push({ identity, collection, rows, decide }: PushBatch) {
      const { organizationId } = identity;
      const now = deps.clock();
      const written: SyncDocument[] = [];
      /** Documents the push wrote beyond its rows (event-seats.ts), announced before them (lower seqs). */
      const extraChanges: Change[] = [];
      const changeOf = (documents: SyncDocument[]): Change => ({
        organizationId,
        collection,
        documents,
        checkpoint: { seq: documents[documents.length - 1]!.serverSeq },
      });
      // The organization's write lock is taken in the transaction's first message (before anything is read).
      const decisions = await deps.db.withIdentity(
        identity,
        async (client) => {
          const ids = rows.map((r) => r.newDocumentState.id).filter((id) => UUID_RE.test(id));
          // The masters as a pull delivers them (one statement, children included): what the device holds.
          const masters = await readDocumentsJson(client, collection, {
            where: 'organization_id = $1 AND id = ANY($2::uuid[])',
            params: [organizationId, ids],
            verifyStored: deps.verifyStoredJson ?? false,
          });
          const currentById = new Map(
            (JSON.parse(masters.json) as SyncDocument[]).map((doc) => [idKey(doc.id), doc]),
          );
          const existingCustomerIds = await liveCustomerIds(
            client,
            organizationId,
            referencedCustomerIds(collection, rows).filter((id) => UUID_RE.test(id)),
          );
          const existingUserIds = await organizationUserIds(
            client,
            organizationId,
            referencedUserIds(collection, rows).filter((id) => UUID_RE.test(id)),
          );
          const currentOf = (i: number) => currentById.get(idKey(rows[i]!.newDocumentState.id)) ?? null;
          const out: PushDecision[] = rows.map((row, i) =>
            decide({
              row,
              current: currentOf(i),
              identity,
              now: now.toISOString(),
              existingCustomerIds,
              existingUserIds,
            }),
          );

          // A create whose id already exists unseen (RLS hides it) would fail the batched write: refuse it now.
          const creates = out.flatMap((d) =>
            d.kind === 'write' && !currentById.has(idKey(d.id)) ? [d.id] : [],
          );
          const hidden = await existingIds(client, collection, organizationId, creates);
          const accepted: number[] = [];
          out.forEach((d, i) => {
            if (d.kind !== 'write') return;
            if (hidden.has(idKey(d.id))) out[i] = rejectIdTaken(rows[i]!);
            else accepted.push(i);
          });
          if (accepted.length === 0) return out;

          let pending = accepted.map((i) => {
            const { _deleted, ...entity } = (out[i] as WriteDecision).document as unknown as PlainObject;
            return { entity, deleted: Boolean(_deleted) };
          });
          if (collection === 'engagement') {
            // Event capacity: registration changes are settled under the events' locks (event-seats.ts).
            const seats = await settleEventSeats(
              client,
              identity,
              accepted.map((i, k) => ({
                doc: pending[k]!.entity,
                before: masterEntity(currentById.get(idKey(rows[i]!.newDocumentState.id))),
              })),
              now,
            );
            pending = pending.map((p, k) => ({ ...p, entity: seats.docs[k]! }));
            for (const change of seats.changes) {
              if (deps.notifier) await deps.notifier.notifyWithin(client, change);
              extraChanges.push(change);
            }
          }
          const derived = await deriveBatchFields(
            client,
            organizationId,
            collection,
            pending.map((p) => p.entity),
            now,
          );
          const stored = await writeAccepted(
            client,
            organizationId,
            collection,
            pending.map((p, k) => ({
              doc: derived[k]!,
              source: p.entity,
              deleted: p.deleted,
              counted: usesCounter(collection, p.entity),
              master: currentOf(accepted[k]!),
            })),
            now,
          );
          stored.forEach((document, k) => {
            const i = accepted[k]!;
            if (document === 'id_taken') {
              out[i] = rejectIdTaken(rows[i]!);
              return;
            }
            if (document === 'constraint') {
              out[i] = rejectUnwritable(rows[i]!, currentOf(i));
              return;
            }
            written.push(document);
            out[i] = { ...(out[i] as WriteDecision), document };
          });
          if (written.length > 0 && deps.notifier)
            await deps.notifier.notifyWithin(client, changeOf(written));
          return out;
        },
        { lockOrganization: organizationId },
      );
      if (!deps.notifier) for (const change of extraChanges) deps.feed.publish(change);
      if (written.length > 0 && !deps.notifier) deps.feed.publish(changeOf(written));
      return decisions;
    },
  };
}

type WriteDecision = Extract<PushDecision, { kind: 'write' }>;

/** A stored master as an entity (no `_deleted`); a tombstone counts as no master. */
function masterEntity(master: SyncDocument | undefined): PlainObject | null {
  if (!master || master._deleted) return null;
  const { _deleted, ...entity } = master as unknown as PlainObject;
  return entity;
}

/** uuid text as PostgreSQL returns it (lower case), so a device's upper-case id still finds its row. */
const idKey = (id: unknown): string => String(id).toLowerCase();

/**
 * Which of `ids` exist in the organization's table for `collection`, visible to the identity or not (SECURITY
 * DEFINER, org-scoped: migration 0102). One query per batch, and none when the batch creates nothing.
 */
async function existingIds(
  client: DbClient,
  collection: CollectionName,
  organizationId: string,
  ids: string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const { rows } = await client.query<{ id: string }>('SELECT arco_existing_ids($1, $2, $3::uuid[]) AS id', [
    TABLE_SPECS[collection].table,
    organizationId,
    ids,
  ]);
  return new Set(rows.map((r) => idKey(r.id)));
}

/**
 * Which of `ids` are users of the organization (as the identity may see them: staff see every user), spelled
 * as the batch spells them (a device may send a uuid in upper case; PostgreSQL answers in lower case).
 */
async function organizationUserIds(
  client: DbClient,
  organizationId: string,
  ids: string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const { rows } = await client.query<{ id: string }>(
    'SELECT id FROM users WHERE organization_id = $1 AND id = ANY($2::uuid[])',
    [organizationId, ids],
  );
  const found = new Set(rows.map((r) => idKey(r.id)));
  return new Set(ids.filter((id) => found.has(idKey(id))));
}

async function liveCustomerIds(
  client: DbClient,
  organizationId: string,
  ids: string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const { rows } = await client.query<{ id: string }>(
    'SELECT id FROM customers WHERE organization_id = $1 AND id = ANY($2::uuid[]) AND NOT deleted',
    [organizationId, ids],
  );
  return new Set(rows.map((r) => r.id));
}
