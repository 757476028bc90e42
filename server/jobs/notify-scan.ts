import { z } from 'zod';
import { systemIdentity } from '../../shared/identity.ts';
import { deliverEvents } from '../notifications/deliver.ts';
import { detectScheduledEvents } from '../notifications/triggers.ts';
import { defineJob } from './define.ts';

/**
 * The time-driven notification triggers, every 5 minutes across every organization: meetings starting within
 * the hour, invoices due in 3 days and contracts renewing in 60 days (the organization's calendar), tickets about
 * to breach or breaching their SLA. A window is wider than the interval, so a late or skipped run still fires;
 * the event keys make a second sighting a no-op.
 */
export const notifyScanJob = defineJob({
  name: 'notify-scan',
  payload: z.strictObject({}),
  schedule: { cron: '*/5 * * * *', payload: {} },
  retry: { limit: 1, delaySeconds: 60, backoff: false },
  timeoutSeconds: 4 * 60,
  async handler(_payload, ctx) {
    const now = ctx.clock();
    const { rows } = await ctx.db.privileged((c) =>
      c.query<{ id: string }>('SELECT id FROM organizations ORDER BY id'),
    );
    for (const { id } of rows) {
      const events = await ctx.db.withIdentity(systemIdentity(id), (client) =>
        detectScheduledEvents(client, id, now),
      );
      await deliverEvents(
        { db: ctx.db, writer: ctx.writer, clock: ctx.clock, push: ctx.push ?? null, logger: ctx.logger },
        id,
        events,
      );
    }
  },
});
