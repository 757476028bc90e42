import type { CollectionName, DocOf } from '../../shared/collections.ts';
import { deriveCustomerRevenue } from '../../shared/domain/revenue.ts';
import type { Customer } from '../../shared/entities/customer.ts';
import type { PlainObject, SyncDocument } from '../../sync/documents.ts';
import type { SyncIdentity } from '../../sync/identity.ts';
import { rejectIdTaken, referencedCustomerIds, type PushDecision } from '../../sync/push/decide.ts';
import type { Change, ChangeFeed, PullQuery, PushBatch, SyncStore } from '../../sync/server/store.ts';
import { decimalToCents } from '../db/collections/codecs.ts';
import type { ChangeNotifier } from './pg-change-feed.ts';
import {
  DbError,
  lockOrganizationForWrite,
  nextServerFields,
  pgErrorCode,
  readDocuments,
  writeDocument,
  type Database,
  type DbClient,
  type Identity,
  type StoredDocument,
} from '../db/index.ts';

/**
 * The PostgreSQL `SyncStore` (contract: sync/server/store.ts). It does transactions, locking and IO; the rules
 * come from sync/ (`decide`) and shared/ (derived money). Every statement runs under `withIdentity`, so RLS is
 * the second wall behind the pure decision.
 *
 * Invariants:
 * - One transaction per pushed batch, holding the organization's write lock from before the current rows are
 *   read until commit: commit order = server_seq order (gap-free pulls), and conflict detection reads a state
 *   no other writer can change underneath it.
 * - A row the identity cannot see (another customer's id in the same organization) surfaces as an RLS or
 *   primary-key error on write; a savepoint turns it into a `forbidden` rejection of that row alone, so the
 *   batch never fails and nothing about the hidden row is revealed.
 * - Changes are published only after commit, in commit order.
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
}

const OWNER_COLUMN = { id: 'id', customerId: 'customer_id', userId: 'user_id' } as const;
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const toDbIdentity = (identity: SyncIdentity): Identity =>
  identity.role === 'client'
    ? {
        role: 'client',
        organizationId: identity.organizationId,
        userId: identity.userId,
        customerId: identity.customerId!,
      }
    : { role: identity.role, organizationId: identity.organizationId, userId: identity.userId };

const asSyncDocument = (stored: StoredDocument<CollectionName>): SyncDocument =>
  ({ ...(stored.doc as PlainObject), _deleted: stored.deleted }) as unknown as SyncDocument;

export function createPgSyncStore(deps: PgSyncStoreDeps): SyncStore {
  return {
    async pull({ identity, collection, after, limit, filter }: PullQuery) {
      const params: unknown[] = [filter.organizationId, after.seq];
      let where = 'organization_id = $1 AND server_seq > $2';
      if (filter.owner) {
        params.push(filter.owner.equals);
        where += ` AND ${OWNER_COLUMN[filter.owner.field]} = $3`;
      }
      const rows = await deps.db.withIdentity(toDbIdentity(identity), (client) =>
        readDocuments(client, collection, { where, params, limit }),
      );
      return rows.map(asSyncDocument);
    },

    async push({ identity, collection, rows, decide }: PushBatch) {
      const { organizationId } = identity;
      const now = deps.clock();
      const written: SyncDocument[] = [];
      const changeOf = (documents: SyncDocument[]): Change => ({
        organizationId,
        collection,
        documents,
        checkpoint: { seq: documents[documents.length - 1]!.serverSeq },
      });
      const decisions = await deps.db.withIdentity(toDbIdentity(identity), async (client) => {
        await lockOrganizationForWrite(client, organizationId);
        const ids = rows.map((r) => r.newDocumentState.id).filter((id) => UUID_RE.test(id));
        const currentById = new Map(
          (
            await readDocuments(client, collection, {
              where: 'organization_id = $1 AND id = ANY($2::uuid[])',
              params: [organizationId, ids],
            })
          ).map((s) => [String((s.doc as PlainObject).id), asSyncDocument(s)]),
        );
        const existingCustomerIds = await liveCustomerIds(
          client,
          organizationId,
          referencedCustomerIds(collection, rows).filter((id) => UUID_RE.test(id)),
        );
        const out: PushDecision[] = [];
        for (const row of rows) {
          const current = currentById.get(row.newDocumentState.id) ?? null;
          const decision = decide({ row, current, identity, now: now.toISOString(), existingCustomerIds });
          if (decision.kind !== 'write') {
            out.push(decision);
            continue;
          }
          const stored = await writeInSavepoint(client, organizationId, collection, decision.document, now);
          if (stored === null) {
            out.push(rejectIdTaken(row));
            continue;
          }
          currentById.set(decision.id, stored);
          written.push(stored);
          out.push({ ...decision, document: stored });
        }
        if (written.length > 0 && deps.notifier) await deps.notifier.notifyWithin(client, changeOf(written));
        return out;
      });
      if (written.length > 0 && !deps.notifier) deps.feed.publish(changeOf(written));
      return decisions;
    },
  };
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

/** Writes one accepted document with server-stamped fields; null when the id is taken where we cannot see. */
async function writeInSavepoint(
  client: DbClient,
  organizationId: string,
  collection: CollectionName,
  document: SyncDocument,
  now: Date,
): Promise<SyncDocument | null> {
  await client.query('SAVEPOINT arco_push_row');
  try {
    const doc = await withServerDerivedFields(
      client,
      organizationId,
      collection,
      document as unknown as PlainObject,
      now,
    );
    const server = await nextServerFields(client, organizationId, now, {
      deleted: Boolean(document._deleted),
    });
    const { _deleted: _omit, ...entity } = doc;
    const stored = await writeDocument(
      client,
      { organizationId },
      collection,
      entity as DocOf<typeof collection>,
      server,
    );
    await client.query('RELEASE SAVEPOINT arco_push_row');
    return { ...(stored as PlainObject), _deleted: Boolean(server.deleted) } as unknown as SyncDocument;
  } catch (error) {
    const code = pgErrorCode(error);
    const hidden =
      code === '42501' ||
      code === '23505' ||
      (error instanceof DbError && error.code === 'child_id_conflict');
    if (!hidden) throw error;
    await client.query('ROLLBACK TO SAVEPOINT arco_push_row');
    return null;
  }
}

/**
 * Server-owned values the store derives (DESIGN §5 "Authority"): customer money from contracts and payments,
 * and a ticket's human number on its first accepted write.
 */
async function withServerDerivedFields(
  client: DbClient,
  organizationId: string,
  collection: CollectionName,
  doc: PlainObject,
  now: Date,
): Promise<PlainObject> {
  if (collection === 'customers') {
    const { rows } = await client.query<{ amount: string | null }>(
      `SELECT coalesce(sum(p.amount), 0)::text AS amount
         FROM payments p JOIN invoices i ON i.organization_id = p.organization_id AND i.id = p.invoice_id
        WHERE i.organization_id = $1 AND i.customer_id = $2 AND NOT i.deleted AND p.status = 'approved'`,
      [organizationId, doc.id],
    );
    const collectedCents = decimalToCents(rows[0]?.amount ?? '0');
    const revenue = deriveCustomerRevenue(
      (doc as unknown as Customer).contracts,
      [{ status: 'approved', amountCents: collectedCents }],
      now.toISOString().slice(0, 10),
    );
    return { ...doc, ...revenue };
  }
  if (collection === 'tickets' && doc.number === null) {
    const { rows } = await client.query<{ n: number }>('SELECT arco_next_ticket_number($1) AS n', [
      organizationId,
    ]);
    return { ...doc, number: rows[0]!.n };
  }
  return doc;
}
