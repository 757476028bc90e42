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
 *   — or, when the live source is Google Analytics 4's realtime report (`realtime`), its own figures under their
 *   own names, because they measure something else:
 *   active users in 30 min     = GA4 `activeUsers` over the last 30 minutes (distinct users with any event in
 *                                that window — not visits in progress at `now`)
 *   conversions in 30 min      = GA4 `keyEvents` over the same 30 minutes (GA4 realtime reaches back 30 minutes
 *                                on a standard property, so "the last 2 h" cannot be had from it)
 *   The panel labels them as what they are ("usuários ativos nos últimos 30 min"); no GA4 figure is ever put in
 *   `visitorsNow` or `conversionsLast2h`, and nothing is scaled from 30 minutes to 2 hours.
 *
 * Invariants:
 * - Pure: `now` and the user's time zone (which decides "this month") are inputs; the activity (visits and
 *   conversions as instants) comes from the server's live source, which may have none (`activity: null` →
 *   visitors and conversions null: "no live source", never 0). With `realtime` given, it is the live source:
 *   the activity is not read, visitors and 2-h conversions are null and the 30-minute figures are GA4's.
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

/** The window of GA4's realtime figures (`minuteRanges` 29 → 0 minutes ago: the last 30 minutes). */
export const LIVE_REALTIME_WINDOW_MINUTES = 30;

/** GA4 `runRealtimeReport`'s figures for the last 30 minutes (server/integrations/ga4-realtime.ts). */
export const liveRealtimeSchema = z.strictObject({
  activeUsersLast30m: count,
  conversionsLast30m: count,
});
export type LiveRealtime = z.infer<typeof liveRealtimeSchema>;

export const liveInputSchema = z.strictObject({
  now: instant,
  timeZone: timeZoneSchema,
  metrics: z.array(metricsSchema.pick({ month: true, days: true })).max(240),
  activity: liveActivitySchema.nullable(),
  realtime: liveRealtimeSchema.nullable().optional(),
});
export type LiveInput = z.input<typeof liveInputSchema>;

/** What the server streams and the device keeps (lenient reader: a newer server may add fields). */
export const liveSnapshotSchema = z.object({
  computedAt: instant,
  visitorsNow: count.nullable(),
  conversionsLast2h: count.nullable(),
  /** GA4 realtime's active users of the last 30 min; null without that source (absent from older servers). */
  activeUsersLast30m: count.nullable().default(null),
  /** GA4 realtime's key events (conversions) of the last 30 min; null without that source. */
  conversionsLast30m: count.nullable().default(null),
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
  const { now, timeZone, metrics, activity, realtime } = liveInputSchema.parse(input);
  const nowMs = Date.parse(now);
  const today = localDateOf(nowMs, timeZone);
  const month = monthOf(today);
  const rate = rateOf(daysOfMonth(metrics, month, today));
  const previous = rateOf(daysOfMonth(metrics, monthOf(addMonths(today, -1))));

  let visitorsNow: number | null = null;
  let conversionsLast2h: number | null = null;
  if (realtime) {
    // GA4 is the live source: its figures keep their own names (see the header), the activity is not read.
  } else if (activity) {
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
    activeUsersLast30m: realtime?.activeUsersLast30m ?? null,
    conversionsLast30m: realtime?.conversionsLast30m ?? null,
    conversionRate: rate === null ? null : truncateTowardZero(rate, 1),
    rateChangePoints: rate === null || previous === null ? null : truncateTowardZero(rate - previous, 1),
  };
}
