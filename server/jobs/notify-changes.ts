import { z } from 'zod';
import { systemIdentity } from '../../shared/identity.ts';
import { idSchema } from '../../shared/entities/common.ts';
import { deliverEvents } from '../notifications/deliver.ts';
import { detectChangeEvents, TRIGGER_COLLECTIONS } from '../notifications/triggers.ts';
import { defineJob } from './define.ts';

/**
 * The change-driven notification triggers (server/notifications/triggers.ts): the change feed asks for this job
 * with the ids of a committed batch; it reads them fresh, detects the events with the shared detectors and
 * delivers them. Idempotent: delivery is keyed by event (a retry or a duplicate request sends nothing twice).
 */
export const notifyChangesJob = defineJob({
  name: 'notify-changes',
  payload: z.strictObject({
    organizationId: idSchema,
    collection: z.enum(TRIGGER_COLLECTIONS),
    ids: z.array(idSchema).min(1).max(1000),
  }),
  retry: { limit: 3, delaySeconds: 10, backoff: true },
  timeoutSeconds: 5 * 60,
  async handler({ organizationId, collection, ids }, ctx) {
    const now = ctx.clock();
    const events = await ctx.db.withIdentity(systemIdentity(organizationId), (client) =>
      detectChangeEvents(client, organizationId, collection, ids, now),
    );
    await deliverEvents(
      { db: ctx.db, writer: ctx.writer, clock: ctx.clock, push: ctx.push ?? null, logger: ctx.logger },
      organizationId,
      events,
    );
  },
});
