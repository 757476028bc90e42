import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { systemIdentity } from '../../shared/identity.ts';
import type { Database } from '../db/index.ts';
import { inputWatermark } from '../health/inputs.ts';
import { recomputeChangedHealth } from '../health/recompute.ts';
import { rewriteRecommendations } from '../llm/rewrite-recommendations.ts';
import { defineJob } from './define.ts';

/**
 * Recomputes the health of every customer of one organization whose inputs changed since the last run
 * (server/health/recompute.ts `recomputeChangedHealth`), in one pass. The triggers (server/health/triggers.ts)
 * ask for it after every committed input change, deduplicated per organization (`organizationKey`): while a run
 * waits, further changes add nothing to the queue (it will read them); a change while it runs queues exactly one
 * more. So a burst of pushes is scored once or twice, whatever its number of batches (issue 16). Before scoring
 * it waits for the organization's inputs to settle (`settle`): a device pushing its outbox sends a batch every
 * few hundred milliseconds, and scoring between them would compete with them for the CPU and the organization's
 * lock (session 10: pushes 202 → 232 ms). Idempotent.
 * With an LLM configured, the recomputed customers' open risk alerts' template recommendations are then
 * rewritten (after the recompute committed, never failing it).
 */
export const recomputeChangedHealthJob = defineJob({
  name: 'recompute-changed-health',
  payload: z.strictObject({ organizationId: z.uuid() }),
  deduplicate: true,
  retry: { limit: 3, delaySeconds: 10, backoff: true },
  async handler({ organizationId }, { db, writer, clock, logger, jobId, recommendations }) {
    await settle(db, organizationId);
    const { summary, customerIds } = await recomputeChangedHealth({ db, writer, clock }, organizationId);
    logger.debug({ jobId, organizationId, ...summary }, 'changed health recomputed');
    if (recommendations && customerIds.length > 0) {
      const onError = (err: unknown) => logger.warn({ err, jobId }, 'recommendation rewrite skipped');
      const rewritten = await rewriteRecommendations(
        { db, writer, recommendations, onError },
        organizationId,
        customerIds,
      );
      if (rewritten > 0) logger.debug({ jobId, organizationId, rewritten }, 'recommendations rewritten');
    }
  },
});

/** The deduplication key of an organization's coalesced recompute. */
export const organizationKey = (organizationId: string) => organizationId;

/** No input written for this long: the burst is over (a device's next push batch follows within ≈ 0.1–0.3 s). */
export const SETTLE_MS = 400;
/** Health never waits longer than this for a burst to end: a steady stream of changes is scored as it goes. */
export const MAX_SETTLE_MS = 5_000;

/**
 * Waits until no input of the organization was written for `SETTLE_MS` (its input watermark did not move), or
 * `MAX_SETTLE_MS` at most. Only delays the run: what it scores is read afterwards.
 */
async function settle(db: Database, organizationId: string): Promise<void> {
  const watermark = () =>
    db.withIdentity(systemIdentity(organizationId), (c) => inputWatermark(c, organizationId));
  let last = await watermark();
  for (let waited = 0; waited < MAX_SETTLE_MS; waited += SETTLE_MS) {
    await sleep(SETTLE_MS);
    const now = await watermark();
    if (now === last) return;
    last = now;
  }
}
