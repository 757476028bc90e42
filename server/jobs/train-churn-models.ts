import { z } from 'zod';
import { trainOrganizationChurnModel } from '../health/churn-model.ts';
import { defineJob } from './define.ts';
import { localHour } from './recompute-all-health.ts';

/** Local hour of the nightly training: before the nightly recompute (03:xx), which then predicts with it. */
export const TRAINING_LOCAL_HOUR = 2;

/**
 * The nightly training of each organization's churn model on its own history (docs/domain.md §3), stored in
 * `churn_models` (server/health/churn-model.ts); the recompute predicts with the latest one.
 *
 * - Scheduled hourly without an organization: it sends one run per organization whose local time is
 *   `TRAINING_LOCAL_HOUR`, deduplicated per organization.
 * - With an organization: trains and stores its model. Idempotent in effect: a retry trains on the same history
 *   and stores the same model again (the latest row wins; old rows are pruned).
 */
export const trainChurnModelsJob = defineJob({
  name: 'train-churn-models',
  payload: z.strictObject({ organizationId: z.uuid().optional() }),
  schedule: { cron: '37 * * * *', payload: {} },
  deduplicate: true,
  retry: { limit: 2, delaySeconds: 300, backoff: true },
  timeoutSeconds: 60 * 60,
  async handler({ organizationId }, { db, clock, logger, jobs, jobId }) {
    if (organizationId !== undefined) {
      const started = clock();
      const { model, customers } = await trainOrganizationChurnModel({ db, clock }, organizationId);
      logger.info(
        {
          jobId,
          organizationId,
          customers,
          kind: model.kind,
          trainedRows: model.trainedRows,
          churnedRows: model.churnedRows,
          fallbackReason: model.fallbackReason,
          ms: clock().getTime() - started.getTime(),
        },
        'churn model trained',
      );
      return;
    }
    const now = clock();
    const { rows } = await db.privileged((c) =>
      c.query<{ id: string; timeZone: string }>('SELECT id, time_zone AS "timeZone" FROM organizations'),
    );
    for (const org of rows) {
      if (localHour(now, org.timeZone) !== TRAINING_LOCAL_HOUR) continue;
      await jobs.sendDeduplicated(trainChurnModelsJob, { organizationId: org.id }, org.id);
    }
  },
});
