import type { QueryResult } from 'pg';
import type { DbClient } from './database.ts';
import type { ServerFields } from './collections/mapper.ts';

/**
 * Gap-free sync order (docs/architecture.md §5 "Ordering without gaps").
 *
 * A pull checkpoint is "the last server_seq I saw". If two transactions of one organization could take
 * server_seq 101 and 102 and commit 102 first, a pull in between would move the checkpoint past 101 and never
 * see it. So every write to a synced table of an organization:
 *   1. `lockOrganizationForWrite(client, orgId)` first — a transaction-scoped advisory lock, held until commit
 *      or rollback; writers of the same organization queue here, other organizations are not blocked;
 *   2. reads whatever the write depends on (the current master state for conflict detection);
 *   3. takes its numbers with `nextServerSeq` / `nextServerFields` (one per document written);
 *   4. writes (collections/mapper.ts) and commits.
 * Commit order then equals server_seq order within the organization. Jobs that write synced tables go through
 * the same path. Write one organization per transaction (two locks in varying order could deadlock).
 * Must run inside a transaction (every Database method provides one); outside one the lock would end with
 * the statement.
 */
export async function lockOrganizationForWrite(client: DbClient, organizationId: string): Promise<void> {
  await client.query('SELECT arco_lock_organization($1)', [organizationId]);
}

/** The next server_seq for a write in `organizationId` (takes the organization's lock too, re-entrantly). */
export async function nextServerSeq(client: DbClient, organizationId: string): Promise<number> {
  const { rows } = await client.query<{ seq: number }>('SELECT arco_next_server_seq($1) AS seq', [
    organizationId,
  ]);
  const seq = rows[0]?.seq;
  if (typeof seq !== 'number') throw new Error('arco_next_server_seq returned no value');
  return seq;
}

/** `count` consecutive-in-commit-order numbers at once (bulk writes such as the seed loader). */
export async function nextServerSeqs(
  client: DbClient,
  organizationId: string,
  count: number,
): Promise<number[]> {
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError('count must be a non-negative integer');
  if (count === 0) return [];
  await lockOrganizationForWrite(client, organizationId);
  return nextServerSeqsLocked(client, count);
}

/**
 * `nextServerSeqs` for a caller that already holds the organization's write lock in this transaction (taken
 * with `lockOrganizationForWrite` before it read anything): the lock is not asked for again (a round trip less
 * per push batch). `before` is one parameterless statement sent in the same message (a push's SAVEPOINT).
 * Sequence values are not transactional: a rollback to a savepoint taken before them does not give them back.
 */
export async function nextServerSeqsLocked(
  client: DbClient,
  count: number,
  before?: string,
): Promise<number[]> {
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError('count must be a non-negative integer');
  if (count === 0) return [];
  const select = `SELECT nextval('sync_seq') AS seq FROM generate_series(1, ${count}) ORDER BY 1`;
  if (before === undefined) return (await client.query<{ seq: number }>(select)).rows.map((r) => r.seq);
  const results = (await client.query(`${before}; ${select}`)) as unknown as QueryResult<{ seq: number }>[];
  return results[1]!.rows.map((r) => r.seq);
}

/** Server-owned fields for the next write: a fresh server_seq and the server clock (injected `now`). */
export async function nextServerFields(
  client: DbClient,
  organizationId: string,
  now: Date,
  options: { deleted?: boolean } = {},
): Promise<ServerFields> {
  return {
    serverSeq: await nextServerSeq(client, organizationId),
    updatedAt: now.toISOString(),
    deleted: options.deleted ?? false,
  };
}
