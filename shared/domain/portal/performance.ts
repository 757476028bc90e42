import { z } from 'zod';
import { isoDate } from '../../entities/common.ts';
import { metricsSchema, type DailyMetric } from '../../entities/portal.ts';
import { truncateTowardZero } from './numbers.ts';
import { addDays, addMonths, monthOf } from './time.ts';

/**
 * Performance over time (dashboard §2, "Performance Analytics"): sessions, conversions, revenue and leads of
 * one customer over the last 30 days, the last 90 days or the last 12 months, from the synced `metrics`
 * documents (one per customer-month, `days[]` inside).
 *
 * Invariants:
 * - Windows are local calendar days ending `asOf` (included): 30 d = asOf − 29 … asOf; 12 m = the 12
 *   calendar months ending asOf's month (the current month is month-to-date).
 * - Points are per day (30 d, 90 d) or per month (12 m), oldest first; a day or month without a stored row is
 *   absent, never a made-up zero (the chart's table shows only what exists).
 * - Totals are exact sums (revenue in integer cents). The previous window is the one of the same length just
 *   before; `previous` is null when it holds no data at all (a new customer is "no comparison", not "+∞ %").
 * - Rows dated after `asOf` (a device clock behind the server) are ignored; duplicate dates across documents
 *   count once (the later document in the list wins), so a re-sent month can never double a total.
 */
export const PERFORMANCE_RANGES = ['30d', '90d', '12m'] as const;
export type PerformanceRange = (typeof PERFORMANCE_RANGES)[number];

export const PERFORMANCE_MEASURES = ['sessions', 'conversions', 'revenueCents', 'leads'] as const;
export type PerformanceMeasure = (typeof PERFORMANCE_MEASURES)[number];

export type PerformanceTotals = Record<PerformanceMeasure, number>;

export interface PerformancePoint extends PerformanceTotals {
  /** `YYYY-MM-DD` (daily ranges) or `YYYY-MM` (12 months). */
  readonly key: string;
}

export interface PerformanceSeries {
  readonly range: PerformanceRange;
  readonly granularity: 'day' | 'month';
  /** First and last calendar day of the window. */
  readonly from: string;
  readonly to: string;
  readonly points: readonly PerformancePoint[];
  /** Sums over the window; null when the window has no data. */
  readonly totals: PerformanceTotals | null;
  /** Sums over the window of the same length before it; null when it has no data. */
  readonly previous: PerformanceTotals | null;
}

export const performanceInputSchema = z.strictObject({
  metrics: z.array(metricsSchema.pick({ month: true, days: true })).max(240),
  range: z.enum(PERFORMANCE_RANGES),
  asOf: isoDate,
});
export type PerformanceInput = z.input<typeof performanceInputSchema>;

const DAYS_OF: Record<Exclude<PerformanceRange, '12m'>, number> = { '30d': 30, '90d': 90 };

/** The window [from, to] of a range ending `asOf`, and the one just before it. */
export function performanceWindow(
  range: PerformanceRange,
  asOf: string,
): { from: string; to: string; previousFrom: string; previousTo: string } {
  if (range === '12m') {
    const from = `${monthOf(addMonths(asOf, -11))}-01`;
    return {
      from,
      to: asOf,
      previousFrom: `${monthOf(addMonths(asOf, -23))}-01`,
      previousTo: addDays(from, -1),
    };
  }
  const days = DAYS_OF[range];
  const from = addDays(asOf, -(days - 1));
  return { from, to: asOf, previousFrom: addDays(from, -days), previousTo: addDays(from, -1) };
}

/** Every stored day once, by date (later documents win). */
function daysByDate(metrics: readonly { days: readonly DailyMetric[] }[]): Map<string, DailyMetric> {
  const out = new Map<string, DailyMetric>();
  for (const doc of metrics) for (const day of doc.days) out.set(day.date, day);
  return out;
}

const zero = (): PerformanceTotals => ({ sessions: 0, conversions: 0, revenueCents: 0, leads: 0 });

function add(into: PerformanceTotals, day: DailyMetric): void {
  for (const m of PERFORMANCE_MEASURES) into[m] += day[m];
}

function sumBetween(days: Map<string, DailyMetric>, from: string, to: string): PerformanceTotals | null {
  let found = false;
  const totals = zero();
  for (const [date, day] of days) {
    if (date < from || date > to) continue;
    found = true;
    add(totals, day);
  }
  return found ? totals : null;
}

export function performanceSeries(input: PerformanceInput): PerformanceSeries {
  const { metrics, range, asOf } = performanceInputSchema.parse(input);
  const days = daysByDate(metrics);
  const { from, to, previousFrom, previousTo } = performanceWindow(range, asOf);
  const granularity = range === '12m' ? 'month' : 'day';

  const buckets = new Map<string, PerformanceTotals>();
  for (const [date, day] of [...days].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (date < from || date > to) continue;
    const key = granularity === 'month' ? monthOf(date) : date;
    const bucket = buckets.get(key) ?? zero();
    add(bucket, day);
    buckets.set(key, bucket);
  }
  const points = [...buckets].map(([key, totals]) => ({ key, ...totals }));
  return {
    range,
    granularity,
    from,
    to,
    points,
    totals: sumBetween(days, from, to),
    previous: sumBetween(days, previousFrom, previousTo),
  };
}

/**
 * Relative change of a total against the previous window, truncated toward zero to one decimal (display
 * policy, numbers.ts): 4.600 → 10.442 sessions is +127 %. Null without a base (no previous data, or 0).
 */
export function changePercent(now: number, before: number | null | undefined): number | null {
  if (before === null || before === undefined || before === 0) return null;
  return truncateTowardZero(((now - before) / before) * 100, 1);
}

/** The days of a customer's metrics inside one calendar month, for rules that read month-to-date figures. */
export function daysOfMonth(
  metrics: readonly { month: string; days: readonly DailyMetric[] }[],
  month: string,
  asOf?: string,
): DailyMetric[] {
  const days = daysByDate(metrics.filter((m) => m.month === month));
  return [...days.values()]
    .filter((d) => monthOf(d.date) === month && (asOf === undefined || d.date <= asOf))
    .sort((a, b) => (a.date < b.date ? -1 : 1));
}
