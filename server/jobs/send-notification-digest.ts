import { z } from 'zod';
import { sendDigests } from '../notifications/digest.ts';
import { defineJob } from './define.ts';

/** Hourly: each recipient with queued e-mail notifications gets one digest (server/notifications/digest.ts). */
export const sendNotificationDigestJob = defineJob({
  name: 'send-notification-digest',
  payload: z.strictObject({}),
  schedule: { cron: '15 * * * *', payload: {} },
  retry: { limit: 2, delaySeconds: 300, backoff: true },
  timeoutSeconds: 10 * 60,
  async handler(_payload, ctx) {
    if (!ctx.mailer) return;
    const { rows } = await ctx.db.privileged((c) => c.query<{ id: string }>('SELECT id FROM organizations'));
    for (const { id } of rows) {
      const sent = await sendDigests(
        { db: ctx.db, mailer: ctx.mailer, logger: ctx.logger, publicOrigin: ctx.config.publicOrigin },
        id,
      );
      if (sent.mails > 0) ctx.logger.info({ jobId: ctx.jobId, organizationId: id, ...sent }, 'digests sent');
    }
  },
});
