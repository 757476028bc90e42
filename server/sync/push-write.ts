import type { CollectionName, DocOf } from '../../shared/collections/index.ts';
import type { PlainObject, SyncDocument } from '../../sync/documents.ts';
import {
  DbError,
  nextServerSeqs,
  pgErrorCode,
  PG_ERROR,
  writeDocuments,
  type DbClient,
  type WriteEntry,
} from '../db/index.ts';
import { deriveBatchFields } from './push-derived.ts';

/** One accepted row of a push batch, ready to store: decided, derived, not yet stamped. */
export interface AcceptedWrite {
  /** The entity (no `_deleted`), server-derived fields applied. */
  readonly doc: PlainObject;
  /** The same entity before the server derivations (what a re-derivation starts from). */
  readonly source: PlainObject;
  readonly deleted: boolean;
  /** Took a counter value (a ticket number); re-derived in the per-row fallback so a refused row leaves no hole. */
  readonly counted: boolean;
}

/**
 * Stamps and stores a batch's accepted rows, in their order, inside the push transaction (which already holds
 * the organization's write lock). Returns, per row, the stored document — or null when the row turned out to
 * belong where the identity cannot see (the caller answers `rejectIdTaken`).
 *
 * Common case: one block of server_seqs and one `writeDocuments` for all rows (parents and children in a few
 * statements), inside one savepoint. The store already turned ids hidden by RLS into rejections up front, so
 * this write normally succeeds. If it still fails the way a single row can (a child id owned by another
 * parent or hidden by RLS, a unique key taken), the savepoint undoes all of it and the rows are written one by
 * one, each in its own savepoint, so only the offending rows are refused and nothing is half-written. The
 * fallback reuses the block's server_seqs in order: sequence numbers of refused rows are simply never used,
 * which pulls tolerate (they need commit order = server_seq order, not consecutive numbers).
 */
export async function writeAccepted(
  client: DbClient,
  organizationId: string,
  collection: CollectionName,
  rows: readonly AcceptedWrite[],
  now: Date,
): Promise<(SyncDocument | null)[]> {
  if (rows.length === 0) return [];
  const seqs = await nextServerSeqs(client, organizationId, rows.length);
  const updatedAt = now.toISOString();
  const entry = (row: AcceptedWrite, k: number, doc = row.doc): WriteEntry<CollectionName> => ({
    doc: doc as DocOf<CollectionName>,
    server: { serverSeq: seqs[k]!, updatedAt, deleted: row.deleted },
  });
  const owner = { organizationId };

  await client.query('SAVEPOINT arco_push_batch');
  try {
    const stored = await writeDocuments(
      client,
      owner,
      collection,
      rows.map((r, k) => entry(r, k)),
    );
    await client.query('RELEASE SAVEPOINT arco_push_batch');
    return stored.map((doc, k) => asSync(doc, rows[k]!.deleted));
  } catch (error) {
    // Duplicate child ids across the batch are refused by writeDocuments before any SQL; one by one, the
    // second owner of such an id gets the per-row answer (child_id_conflict) like any other taken id.
    const batchOnly = error instanceof DbError && error.code === 'invalid_document';
    if (!isRowRefusal(error) && !batchOnly) throw error;
    await client.query('ROLLBACK TO SAVEPOINT arco_push_batch');
    await client.query('RELEASE SAVEPOINT arco_push_batch');
  }

  const out: (SyncDocument | null)[] = [];
  for (const [k, row] of rows.entries()) {
    await client.query('SAVEPOINT arco_push_row');
    try {
      const doc = row.counted
        ? (await deriveBatchFields(client, organizationId, collection, [row.source], now))[0]!
        : row.doc;
      const [stored] = await writeDocuments(client, owner, collection, [entry(row, k, doc)]);
      await client.query('RELEASE SAVEPOINT arco_push_row');
      out.push(asSync(stored!, row.deleted));
    } catch (error) {
      if (!isRowRefusal(error)) throw error;
      await client.query('ROLLBACK TO SAVEPOINT arco_push_row');
      await client.query('RELEASE SAVEPOINT arco_push_row');
      out.push(null);
    }
  }
  return out;
}

/**
 * How a single row's write fails when its id (or a child's) exists where the identity cannot see or may not
 * take it: an RLS check, a unique key, or a child id owned by another parent.
 */
function isRowRefusal(error: unknown): boolean {
  const code = pgErrorCode(error);
  return (
    code === PG_ERROR.insufficientPrivilege ||
    code === PG_ERROR.uniqueViolation ||
    (error instanceof DbError && error.code === 'child_id_conflict')
  );
}

const asSync = (doc: unknown, deleted: boolean): SyncDocument =>
  ({ ...(doc as PlainObject), _deleted: deleted }) as unknown as SyncDocument;
