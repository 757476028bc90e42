import { z } from 'zod';
import { count, isoDateTime } from '../../entities/common.ts';
import { metricsSchema } from '../../entities/portal.ts';
import { truncateTowardZero } from './numbers.ts';
import { daysOfMonth } from './performance.ts';
import { addMonths, localDateOf, monthOf, timeZoneSchema } from './time.ts';

/**
 * The "ao vivo" panel (dashboard §2A "LIVE NOW": "47 visitantes ativos · 3 conversões nas últimas 2h · Taxa de
 * conversão: 2.8% (↑0.4%)"), computed by the server on every live tick and kept by the device as the last
 * known values (shown offline with "atualizado às HH:MM").
 *
 *   visitors now        = visits in progress at `now` (started ≤ now < ended)
 *   conversions in 2 h  = conversions at instants in (now − 2 h, now]
 *   conversion rate     = Σ conversions ÷ Σ sessions of the month to date (the stored daily metrics), in %
 *   change              = that rate − last calendar month's rate, in percentage points
 *
 * Invariants:
 * - Pure: `now` and the user's time zone (which decides "this month") are inputs; the activity (visits and
 *   conversions as instants) comes from the server's live source, which may have none (`activity: null` →
 *   visitors and conversions null: "no live source", never 0).
 * - Rates and the change are truncated toward zero to one decimal (numbers.ts): the panel never overstates.
 *   A month without sessions has no rate; no rate last month → no change.
 * - The snapshot carries `computedAt` (the server's `now`): the device shows it as "atualizado às …".
 */
export const LIVE_CONVERSION_WINDOW_MS = 2 * 3_600_000;

const instant = isoDateTime;

export const liveActivitySchema = z.strictObject({
  visits: z.array(z.strictObject({ startedAt: instant, endedAt: instant })).max(100_000),
  conversions: z.array(instant).max(100_000),
});
export type LiveActivity = z.infer<typeof liveActivitySchema>;

export const liveInputSchema = z.strictObject({
  now: instant,
  timeZone: timeZoneSchema,
  metrics: z.array(metricsSchema.pick({ month: true, days: true })).max(240),
  activity: liveActivitySchema.nullable(),
});
export type LiveInput = z.input<typeof liveInputSchema>;

/** What the server streams and the device keeps (lenient reader: a newer server may add fields). */
export const liveSnapshotSchema = z.object({
  computedAt: instant,
  visitorsNow: count.nullable(),
  conversionsLast2h: count.nullable(),
  /** Month-to-date conversion rate in percent, truncated to 1 decimal (2.7964 → 2.7). */
  conversionRate: z.number().min(0).nullable(),
  /** This month's rate − last month's, in percentage points, truncated to 1 decimal; null without both. */
  rateChangePoints: z.number().nullable(),
});
export type LiveSnapshot = z.infer<typeof liveSnapshotSchema>;

function rateOf(days: readonly { sessions: number; conversions: number }[]): number | null {
  let sessions = 0;
  let conversions = 0;
  for (const d of days) {
    sessions += d.sessions;
    conversions += d.conversions;
  }
  return sessions > 0 ? (conversions / sessions) * 100 : null;
}

export function liveSnapshot(input: LiveInput): LiveSnapshot {
  const { now, timeZone, metrics, activity } = liveInputSchema.parse(input);
  const nowMs = Date.parse(now);
  const today = localDateOf(nowMs, timeZone);
  const month = monthOf(today);
  const rate = rateOf(daysOfMonth(metrics, month, today));
  const previous = rateOf(daysOfMonth(metrics, monthOf(addMonths(today, -1))));

  let visitorsNow: number | null = null;
  let conversionsLast2h: number | null = null;
  if (activity) {
    visitorsNow = activity.visits.filter(
      (v) => Date.parse(v.startedAt) <= nowMs && nowMs < Date.parse(v.endedAt),
    ).length;
    const since = nowMs - LIVE_CONVERSION_WINDOW_MS;
    conversionsLast2h = activity.conversions.filter((c) => {
      const at = Date.parse(c);
      return at > since && at <= nowMs;
    }).length;
  }

  return {
    computedAt: new Date(nowMs).toISOString(),
    visitorsNow,
    conversionsLast2h,
    conversionRate: rate === null ? null : truncateTowardZero(rate, 1),
    rateChangePoints: rate === null || previous === null ? null : truncateTowardZero(rate - previous, 1),
  };
}
