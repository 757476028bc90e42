import { z } from 'zod';
import type { KeyValueStore } from '../../../sync/client/outbox.ts';

/**
 * The client portal's DAU/MAU on an admin's device. Staff devices do not sync `engagement`, so the figure comes
 * from `GET /api/portfolio/engagement` (the server runs the shared `portfolioKpis` rule; docs/api.md) and the
 * last answer is kept in the local document `portal-engagement`, so the dashboard shows it offline with the time
 * it was computed. Pure parsing and a best-effort refresh with injected fetch and store.
 */
export const PORTAL_ENGAGEMENT_DOC = 'portal-engagement';

export const portalEngagementSchema = z.object({
  computedAt: z.iso.datetime(),
  timeZone: z.string().min(1),
  from: z.iso.date(),
  to: z.iso.date(),
  averageDailyActiveUsers: z.number().min(0),
  monthlyActiveUsers: z.number().int().min(0),
  dauMauPercent: z.number().min(0).nullable(),
});
export type PortalEngagement = z.infer<typeof portalEngagementSchema>;

/** The stored value, or null when absent or written by an incompatible version. */
export function readPortalEngagement(value: unknown): PortalEngagement | null {
  const parsed = portalEngagementSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export type RefreshResult = 'refreshed' | 'offline' | 'failed';

/** Fetches the figures and stores them; offline or an error leaves the stored copy as it was. */
export async function refreshPortalEngagement(deps: {
  fetch: typeof fetch;
  kv: KeyValueStore;
}): Promise<RefreshResult> {
  let res: Response;
  try {
    res = await deps.fetch('/api/portfolio/engagement', { credentials: 'same-origin' });
  } catch {
    return 'offline';
  }
  if (!res.ok) return 'failed';
  const parsed = portalEngagementSchema.safeParse(await res.json().catch(() => null));
  if (!parsed.success) return 'failed';
  await deps.kv.set(PORTAL_ENGAGEMENT_DOC, parsed.data);
  return 'refreshed';
}
