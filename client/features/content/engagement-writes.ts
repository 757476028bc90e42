import { withReading, withRegistration } from '../../../shared/domain/portal/content-hub.ts';
import { engagementSchema, type Engagement } from '../../../shared/entities/portal.ts';
import { writeAllowed, type PortalUser } from '../../platform/local-writes.ts';

/**
 * The content hub's offline writes to the user's own engagement record (reading progress, event
 * registrations): the change to store, computed by the shared content-hub rules (progress only grows, a
 * completion is stamped once, a registration keeps its first date) and authorized by the shared permission
 * rules — the engagement collection's invariants, which the sync push checks again. `null` = nothing to write
 * (or not allowed). Pure: the clock is a parameter.
 */

/** A first engagement record for a user who has none on the device yet (XP and badges are the server's). */
export function newEngagement(
  user: PortalUser,
  ctx: { id: string; timeZone: string; now: Date },
): Engagement | null {
  if (user.customerId === null) return null;
  const stamp = ctx.now.toISOString();
  const parsed = engagementSchema.safeParse({
    id: ctx.id,
    updatedAt: stamp,
    serverSeq: 0,
    clientUpdatedAt: stamp,
    userId: user.id,
    customerId: user.customerId,
    timeZone: ctx.timeZone,
    visitDays: [],
    reading: [],
    eventRegistrations: [],
    quickWins: [],
    xp: 0,
    badges: [],
  });
  if (!parsed.success) return null;
  return writeAllowed(user, 'engagement', {
    organizationId: user.organizationId,
    before: null,
    after: parsed.data,
  })
    ? parsed.data
    : null;
}

function allowedUpdate<K extends keyof Engagement>(
  user: PortalUser,
  before: Engagement,
  change: Pick<Engagement, K>,
): Pick<Engagement, K> | null {
  const after = engagementSchema.safeParse({ ...before, ...change });
  if (!after.success) return null;
  return writeAllowed(user, 'engagement', { organizationId: user.organizationId, before, after: after.data })
    ? change
    : null;
}

export function buildReading(
  engagement: Engagement,
  contentId: string,
  progress: number,
  user: PortalUser,
  now: Date,
): Pick<Engagement, 'reading'> | null {
  const reading = withReading(engagement.reading, contentId, progress, now);
  return reading === engagement.reading ? null : allowedUpdate(user, engagement, { reading });
}

export function buildRegistration(
  engagement: Engagement,
  contentId: string,
  status: 'registered' | 'waitlisted' | 'cancelled',
  user: PortalUser,
  now: Date,
): Pick<Engagement, 'eventRegistrations'> | null {
  const eventRegistrations = withRegistration(engagement.eventRegistrations, contentId, status, now);
  return eventRegistrations === engagement.eventRegistrations
    ? null
    : allowedUpdate(user, engagement, { eventRegistrations });
}
