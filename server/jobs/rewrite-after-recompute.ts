import { rewriteRecommendations } from '../llm/rewrite-recommendations.ts';
import type { JobContext } from './define.ts';

/**
 * The step both recompute jobs take once their recompute committed: with an LLM configured, the recomputed
 * customers' open risk alerts' template recommendations are rewritten (server/llm/). It never fails the job: a
 * rewrite error is logged and the template text stays.
 */
export async function rewriteAfterRecompute(
  ctx: Pick<JobContext, 'db' | 'writer' | 'logger' | 'jobId' | 'recommendations'>,
  organizationId: string,
  customerIds: readonly string[],
): Promise<void> {
  const { db, writer, logger, jobId, recommendations } = ctx;
  if (!recommendations || customerIds.length === 0) return;
  const onError = (err: unknown) => logger.warn({ err, jobId }, 'recommendation rewrite skipped');
  const rewritten = await rewriteRecommendations(
    { db, writer, recommendations, onError },
    organizationId,
    customerIds,
  );
  if (rewritten > 0) logger.debug({ jobId, organizationId, rewritten }, 'recommendations rewritten');
}
