import { z } from 'zod';
import { recomputeCustomerHealth } from '../health/recompute.ts';
import { defineJob } from './define.ts';
import { rewriteAfterRecompute } from './rewrite-after-recompute.ts';

/** Customers per job: what one recompute batch reads in its fixed number of queries. */
export const MAX_CUSTOMERS_PER_JOB = 500;

/**
 * Recomputes the health of some customers of one organization after their inputs changed. The triggers sent one
 * per customer (deduplicated by `customerKey`) until the coalesced recompute (./recompute-changed-health.ts,
 * migration 0323); it stays registered so jobs queued before that run to the end. Idempotent: a run whose
 * result equals the stored documents writes nothing. With an LLM configured, their open risk alerts' template
 * recommendations are then rewritten (server/llm/rewrite-recommendations.ts: after the recompute committed,
 * never failing it).
 */
export const recomputeCustomerHealthJob = defineJob({
  name: 'recompute-customer-health',
  payload: z.strictObject({
    organizationId: z.uuid(),
    customerIds: z.array(z.uuid()).min(1).max(MAX_CUSTOMERS_PER_JOB),
  }),
  deduplicate: true,
  retry: { limit: 3, delaySeconds: 10, backoff: true },
  timeoutSeconds: 5 * 60,
  async handler({ organizationId, customerIds }, ctx) {
    const { db, writer, clock, logger, jobId } = ctx;
    const summary = await recomputeCustomerHealth({ db, writer, clock }, organizationId, customerIds);
    logger.debug({ jobId, organizationId, ...summary }, 'health recomputed');
    await rewriteAfterRecompute(ctx, organizationId, customerIds);
  },
});

/** The deduplication key of one customer's recompute. */
export const customerKey = (organizationId: string, customerId: string) => `${organizationId}:${customerId}`;
