import type { Database } from '../../server/db/database.ts';
import { inputWatermark } from '../../server/health/inputs.ts';
import { systemIdentity } from '../../shared/identity.ts';
import { JOBS_SCHEMA, type JobRunner } from '../../server/jobs/runner.ts';
import { organizationKey, recomputeChangedHealthJob } from '../../server/jobs/recompute-changed-health.ts';
import { recomputeCustomerHealthJob } from '../../server/jobs/recompute-customer-health.ts';

/**
 * The health recompute that pushes leave behind (server/health/triggers.ts → pg-boss), seen from the bench:
 * every push asks for its organization's coalesced recompute after it committed, and answers before that work
 * is done. A push figure alone would flatter the server while the recompute falls behind; these helpers let a
 * bench time pushes *and* the recompute they cause (issue 16: "do not hide the recompute").
 */

const QUEUES = [recomputeChangedHealthJob.name, recomputeCustomerHealthJob.name];

/** The organization's input watermark now: once the recompute's mark reaches it, every change so far is scored. */
export async function recomputeTarget(db: Database, organizationId: string): Promise<number> {
  return db.withIdentity(systemIdentity(organizationId), (c) => inputWatermark(c, organizationId));
}

/**
 * Waits until the organization's recompute has scored every customer changed up to `target` (its mark,
 * `organizations.health_recomputed_seq`, reached it) and no recompute is waiting or running (the follow-ups
 * its own signal writes ask for included). Throws after `timeoutMs`.
 */
export async function waitForRecompute(
  db: Database,
  organizationId: string,
  target: number,
  { timeoutMs = 10 * 60_000, pollMs = 20 }: { timeoutMs?: number; pollMs?: number } = {},
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const { rows } = await db.privileged((c) =>
      c.query<{ mark: string; waiting: number }>(
        `SELECT (SELECT health_recomputed_seq FROM organizations WHERE id = $1) AS mark,
                (SELECT count(*) FROM ${JOBS_SCHEMA}.job WHERE name = ANY($2::text[]) AND state < 'completed')::int
                  AS waiting`,
        [organizationId, QUEUES],
      ),
    );
    const mark = Number(rows[0]!.mark);
    const waiting = rows[0]!.waiting;
    if (mark >= target && waiting === 0) return;
    if (performance.now() > deadline)
      throw new Error(`health recompute not caught up: mark ${mark} of ${target}, ${waiting} jobs waiting`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

/**
 * Before a timed run: asks for the organization's recompute and waits until it has caught up with everything
 * written so far — the bench's own direct writes included (the baseline's `writeDocuments` skips the change
 * feed, and the coalesced recompute follows them anyway) — and nothing waits or runs, so no earlier backlog
 * competes with the run.
 */
export async function catchUpRecompute(db: Database, jobs: JobRunner, organizationId: string): Promise<void> {
  const target = await recomputeTarget(db, organizationId);
  await jobs.sendDeduplicated(recomputeChangedHealthJob, { organizationId }, organizationKey(organizationId));
  await waitForRecompute(db, organizationId, target);
}
