import { z } from 'zod';
import { recomputeChangedHealth } from '../health/recompute.ts';
import { defineJob } from './define.ts';
import { rewriteAfterRecompute } from './rewrite-after-recompute.ts';

/**
 * Recomputes the health of every customer of one organization whose inputs changed since the last run
 * (server/health/recompute.ts `recomputeChangedHealth`), in one pass. The triggers (server/health/triggers.ts)
 * ask for it after every committed input change, deduplicated per organization (`organizationKey`) and delayed
 * by `SETTLE_SECONDS`: the changes of the next half second fold into the waiting run (it reads them when it starts),
 * and a change while it runs queues exactly one more. So a burst of pushes is scored a few times, whatever its
 * number of batches, instead of once per customer (issue 16), and scoring does not compete with every batch of
 * a device pushing its outbox for the CPU and the organization's lock (session 10: pushes 202 → 232 ms).
 *
 * Why a delayed start rather than waiting inside the run for the writes to stop: the runner takes one job of a
 * queue at a time, so a run sleeping until one organization's burst ended held up every other organization's
 * health behind it; a delayed job holds no worker while it waits. Idempotent.
 * With an LLM configured, the recomputed customers' open risk alerts' template recommendations are then
 * rewritten (after the recompute committed, never failing it).
 */
export const recomputeChangedHealthJob = defineJob({
  name: 'recompute-changed-health',
  payload: z.strictObject({ organizationId: z.uuid() }),
  deduplicate: true,
  retry: { limit: 3, delaySeconds: 10, backoff: true },
  async handler({ organizationId }, ctx) {
    const { db, writer, clock, logger, jobId } = ctx;
    const { summary, customerIds } = await recomputeChangedHealth({ db, writer, clock }, organizationId);
    logger.debug({ jobId, organizationId, ...summary }, 'changed health recomputed');
    await rewriteAfterRecompute(ctx, organizationId, customerIds);
  },
});

/** The deduplication key of an organization's coalesced recompute. */
export const organizationKey = (organizationId: string) => organizationId;

/**
 * How long a requested run waits before it starts. A device pushing its outbox sends its batches back to back
 * (a 500-row batch takes ≈ 0.2–0.4 s), so the batches of the next half second are scored together; health on
 * screen lags a single edit by about this much plus the scoring. Session 11: with 1 s, health-follow (one
 * push → the recomputed health on another device's stream) took 1,137 ms against a 30 ms push.
 */
export const SETTLE_SECONDS = 0.5;
