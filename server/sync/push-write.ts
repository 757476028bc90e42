import type { CollectionName, DocOf } from '../../shared/collections/index.ts';
import type { PlainObject, SyncDocument } from '../../sync/documents.ts';
import {
  DbError,
  nextServerSeqsLocked,
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
  /**
   * The row's master as the push read it after taking the organization's lock (null when there is none): its
   * child rows that the write leaves equal are not rewritten (mapper.ts `WriteEntry.before`).
   */
  readonly master: SyncDocument | null;
}

/**
 * Why the write of one row was refused:
 * - `id_taken`: its id (or a child's) belongs where the identity cannot see or may not take it — an RLS check,
 *   a unique key, a child id owned by another parent (the caller answers `rejectIdTaken`);
 * - `constraint`: the row breaks a constraint of the stored data the decision did not check — a foreign key (a
 *   user or customer that is not in the organization), a CHECK, a NOT NULL (the caller answers
 *   `rejectUnwritable`).
 */
export type RowRefusal = 'id_taken' | 'constraint';

/**
 * Stamps and stores a batch's accepted rows, in their order, inside the push transaction (which already holds
 * the organization's write lock). Returns, per row, the stored document or why it was refused.
 *
 * Invariant: whatever a single row's write trips over, that row alone is refused and every other row is
 * stored — a constraint violation never fails the batch (a device would otherwise fail on every retry of a
 * queue holding that row) and never leaves a row half-written.
 *
 * Common case: one block of server_seqs and one `writeDocuments` for all rows (parents and children in a few
 * statements), inside one savepoint. The documents are not validated a second time: each is what `decide`
 * validated against the collection's schema, changed since only by the server's own shared rules (write rules,
 * derivations), so `writeDocuments` runs with `validated` (the server fields are still checked). The decision already checked what it can (references, scope) and the store
 * turned ids hidden by RLS into rejections up front, so this write normally succeeds. If it still fails the way
 * a single row can (`RowRefusal`), the savepoint undoes all of it and the rows are written one by one, each in
 * its own savepoint, so only the offending rows are refused. The fallback reuses the block's server_seqs in
 * order: sequence numbers of refused rows are simply never used, which pulls tolerate (they need commit order =
 * server_seq order, not consecutive numbers).
 */
export async function writeAccepted(
  client: DbClient,
  organizationId: string,
  collection: CollectionName,
  rows: readonly AcceptedWrite[],
  now: Date,
): Promise<(SyncDocument | RowRefusal)[]> {
  if (rows.length === 0) return [];
  // The push holds the organization's lock since its first statement; the savepoint rides in the same message.
  const seqs = await nextServerSeqsLocked(client, rows.length, 'SAVEPOINT arco_push_batch');
  const updatedAt = now.toISOString();
  const entry = (row: AcceptedWrite, k: number, doc = row.doc): WriteEntry<CollectionName> => ({
    doc: doc as DocOf<CollectionName>,
    server: { serverSeq: seqs[k]!, updatedAt, deleted: row.deleted },
    before: row.master,
  });
  const owner = { organizationId };

  try {
    const stored = await writeDocuments(
      client,
      owner,
      collection,
      rows.map((r, k) => entry(r, k)),
      { validated: true },
    );
    // No RELEASE: COMMIT ends the savepoint with the transaction (a round trip less).
    return stored.map((doc, k) => asSync(doc, rows[k]!.deleted));
  } catch (error) {
    // Duplicate child ids across the batch are refused by writeDocuments before any SQL; one by one, the
    // second owner of such an id gets the per-row answer (child_id_conflict) like any other taken id.
    const batchOnly = error instanceof DbError && error.code === 'invalid_document';
    if (refusalOf(error) === null && !batchOnly) throw error;
    await client.query('ROLLBACK TO SAVEPOINT arco_push_batch');
    await client.query('RELEASE SAVEPOINT arco_push_batch');
  }

  const out: (SyncDocument | RowRefusal)[] = [];
  for (const [k, row] of rows.entries()) {
    await client.query('SAVEPOINT arco_push_row');
    try {
      const doc = row.counted
        ? (await deriveBatchFields(client, organizationId, collection, [row.source], now))[0]!
        : row.doc;
      const [stored] = await writeDocuments(client, owner, collection, [entry(row, k, doc)], {
        validated: true,
      });
      await client.query('RELEASE SAVEPOINT arco_push_row');
      out.push(asSync(stored!, row.deleted));
    } catch (error) {
      const refusal = refusalOf(error);
      if (refusal === null) throw error;
      await client.query('ROLLBACK TO SAVEPOINT arco_push_row');
      await client.query('RELEASE SAVEPOINT arco_push_row');
      out.push(refusal);
    }
  }
  return out;
}

/** How a single row's write can fail (`RowRefusal`), or null for anything else (which fails the batch). */
function refusalOf(error: unknown): RowRefusal | null {
  if (error instanceof DbError) return error.code === 'child_id_conflict' ? 'id_taken' : null;
  switch (pgErrorCode(error)) {
    case PG_ERROR.insufficientPrivilege:
    case PG_ERROR.uniqueViolation:
      return 'id_taken';
    case PG_ERROR.foreignKeyViolation:
    case PG_ERROR.checkViolation:
    case PG_ERROR.notNullViolation:
      return 'constraint';
    default:
      return null;
  }
}

const asSync = (doc: unknown, deleted: boolean): SyncDocument =>
  ({ ...(doc as PlainObject), _deleted: deleted }) as unknown as SyncDocument;
