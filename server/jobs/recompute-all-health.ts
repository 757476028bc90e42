import { z } from 'zod';
import { recomputeOrganizationHealth } from '../health/recompute.ts';
import { defineJob } from './define.ts';

/** Local hour (in each organization's own time zone) of the nightly recompute. */
export const NIGHTLY_LOCAL_HOUR = 3;

/** `HH` (00–23) of `now` on the wall clock of `timeZone`. */
export function localHour(now: Date, timeZone: string): number {
  const hour = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(now);
  return Number(hour);
}

/**
 * The nightly recompute of every customer, writing each day's history point (docs/domain.md §7).
 *
 * - Scheduled hourly without an organization: it sends one run per organization whose local time is
 *   `NIGHTLY_LOCAL_HOUR` (03:xx in São Paulo for the demo), deduplicated per organization. An
 *   organization is thus recomputed once a night in its own time zone; a night the server was down at that
 *   hour is skipped (the next one catches up — changes are recomputed as they happen anyway).
 * - With an organization: recomputes all its live customers in batches (server/health/recompute.ts). Idempotent:
 *   a retry after a failure redoes it, and customers whose result is unchanged write nothing.
 */
export const recomputeAllHealthJob = defineJob({
  name: 'recompute-all-health',
  payload: z.strictObject({ organizationId: z.uuid().optional() }),
  schedule: { cron: '7 * * * *', payload: {} },
  deduplicate: true,
  retry: { limit: 2, delaySeconds: 300, backoff: true },
  // 100,000 customers take minutes on the embedded database (bench: recompute-health).
  timeoutSeconds: 3 * 60 * 60,
  async handler({ organizationId }, { db, writer, clock, logger, jobs, jobId }) {
    if (organizationId !== undefined) {
      const started = clock();
      const summary = await recomputeOrganizationHealth({ db, writer, clock }, organizationId);
      logger.info(
        { jobId, organizationId, ...summary, ms: clock().getTime() - started.getTime() },
        'nightly health recompute done',
      );
      return;
    }
    const now = clock();
    const { rows } = await db.privileged((c) =>
      c.query<{ id: string; timeZone: string }>('SELECT id, time_zone AS "timeZone" FROM organizations'),
    );
    for (const org of rows) {
      if (localHour(now, org.timeZone) !== NIGHTLY_LOCAL_HOUR) continue;
      await jobs.sendDeduplicated(recomputeAllHealthJob, { organizationId: org.id }, org.id);
    }
  },
});
