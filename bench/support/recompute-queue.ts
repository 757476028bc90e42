import type { Database } from '../../server/db/database.ts';
import { JOBS_SCHEMA } from '../../server/jobs/runner.ts';
import { customerKey, recomputeCustomerHealthJob } from '../../server/jobs/recompute-customer-health.ts';

/**
 * The health recompute that pushes leave behind (server/health/triggers.ts → pg-boss), seen from the bench:
 * every pushed customer queues a recompute after its push committed, and the push answers before that work is
 * done. A push figure alone would flatter the server while the recompute falls behind; these helpers let a bench
 * time pushes *and* the recompute they cause (issue 16: "do not hide the recompute").
 */

/** The database's clock, for `since` below (pg-boss stamps jobs with it, not with this process's clock). */
export async function databaseNow(db: Database): Promise<Date> {
  const { rows } = await db.privileged((c) => c.query<{ now: Date }>('SELECT clock_timestamp() AS now'));
  return rows[0]!.now;
}

/**
 * Waits until the recompute of `customerIds` (of `organizationId`), asked for since `since`, has run: every one
 * of them has had a recompute queued since then and no recompute is waiting or running. Requiring the requests
 * closes the race with the triggers (they queue after the push answered); requiring an empty queue makes the
 * figure cover every recompute the burst caused. Throws after `timeoutMs`.
 */
export async function waitForRecompute(
  db: Database,
  organizationId: string,
  customerIds: readonly string[],
  since: Date,
  { timeoutMs = 10 * 60_000, pollMs = 20 }: { timeoutMs?: number; pollMs?: number } = {},
): Promise<void> {
  const keys = customerIds.map((id) => customerKey(organizationId, id));
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const { rows } = await db.privileged((c) =>
      c.query<{ waiting: number; requested: number }>(
        `SELECT count(*) FILTER (WHERE state < 'completed')::int AS waiting,
                count(DISTINCT singleton_key) FILTER (WHERE singleton_key = ANY($2::text[])
                                                        AND created_on >= $3)::int AS requested
           FROM ${JOBS_SCHEMA}.job WHERE name = $1`,
        [recomputeCustomerHealthJob.name, keys, since],
      ),
    );
    const { waiting, requested } = rows[0]!;
    if (waiting === 0 && requested >= keys.length) return;
    if (performance.now() > deadline)
      throw new Error(
        `health recompute not caught up: ${waiting} waiting, ${requested}/${keys.length} asked`,
      );
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

/** Waits until no recompute is waiting or running (before a timed run: no earlier backlog competes with it). */
export async function waitForRecomputeIdle(db: Database, timeoutMs = 10 * 60_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const { rows } = await db.privileged((c) =>
      c.query<{ waiting: number }>(
        `SELECT count(*)::int AS waiting FROM ${JOBS_SCHEMA}.job WHERE name = $1 AND state < 'completed'`,
        [recomputeCustomerHealthJob.name],
      ),
    );
    if (rows[0]!.waiting === 0) return;
    if (performance.now() > deadline)
      throw new Error(`health recompute still busy: ${rows[0]!.waiting} jobs`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
