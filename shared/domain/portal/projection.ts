import { linearRegression } from 'simple-statistics';
import { z } from 'zod';
import { isoDate, monthSchema } from '../../entities/common.ts';
import type { DailyMetric, Metrics } from '../../entities/portal.ts';
import { dayNumber, daysInMonth, monthOf } from './time.ts';

/**
 * Month-end projection (dashboard §2C "Se manter ritmo atual: ~140 leads até fim do mês").
 *
 * The daily values of the month are accumulated into a series (day-of-month x, cumulative total y) and a
 * least-squares line y = m·x + b is fitted (simple-statistics `linearRegression`); the projection is that
 * line at the month's last day. Days without a data point are simply absent (x keeps the real day), so a gap
 * does not distort the slope.
 *
 * Guards (documented, tested):
 * - 0 points → `no_data`.
 * - 1 point → run rate: cumulative ÷ day × days in month (the regression line through the origin — the
 *   month starts at 0).
 * - Never negative, and never below what is already achieved (a cumulative total cannot go down): the
 *   result is max(actualToDate, line(lastDay)).
 * - All points with the same day cannot happen (dates are unique); values must be ≥ 0.
 */
const pointSchema = z.strictObject({ date: isoDate, value: z.number().min(0).max(1e13) });

export const projectionInputSchema = z
  .strictObject({
    month: monthSchema,
    points: z.array(pointSchema).max(31),
    /** Round the projection to an integer (counts, cents). Default true. */
    integer: z.boolean().default(true),
  })
  .superRefine((input, ctx) => {
    const seen = new Set<string>();
    input.points.forEach((p, i) => {
      if (monthOf(p.date) !== input.month)
        ctx.addIssue({
          code: 'custom',
          message: `date ${p.date} is outside ${input.month}`,
          path: ['points', i],
        });
      if (seen.has(p.date))
        ctx.addIssue({ code: 'custom', message: `duplicate date ${p.date}`, path: ['points', i, 'date'] });
      seen.add(p.date);
    });
  });
export type ProjectionInput = z.input<typeof projectionInputSchema>;

export type ProjectionResult =
  | { kind: 'no_data'; month: string; daysInMonth: number }
  | {
      kind: 'projected';
      month: string;
      method: 'run_rate' | 'least_squares';
      daysInMonth: number;
      /** Last day of the month with data (1…31). */
      lastDataDay: number;
      actualToDate: number;
      /** Fitted growth per day (slope of the cumulative line). */
      perDay: number;
      projected: number;
      /** projected − actualToDate: what the rest of the month is expected to add. */
      remaining: number;
    };

export function projectMonthEnd(input: ProjectionInput): ProjectionResult {
  const { month, points, integer } = projectionInputSchema.parse(input);
  const total = daysInMonth(month);
  if (points.length === 0) return { kind: 'no_data', month, daysInMonth: total };

  const firstOfMonth = dayNumber(`${month}-01`);
  const sorted = points
    .map((p) => ({ day: dayNumber(p.date) - firstOfMonth + 1, value: p.value }))
    .sort((a, b) => a.day - b.day);

  let running = 0;
  const cumulative = sorted.map((p) => [p.day, (running += p.value)] as [number, number]);
  const [lastDay, actualToDate] = cumulative[cumulative.length - 1]!;

  let method: 'run_rate' | 'least_squares';
  let perDay: number;
  let atMonthEnd: number;
  if (cumulative.length === 1) {
    method = 'run_rate';
    perDay = actualToDate / lastDay;
    atMonthEnd = perDay * total;
  } else {
    method = 'least_squares';
    const { m, b } = linearRegression(cumulative);
    perDay = m;
    atMonthEnd = m * total + b;
  }

  const raw = Math.max(0, actualToDate, atMonthEnd);
  const projected = integer ? Math.round(raw) : raw;
  return {
    kind: 'projected',
    month,
    method,
    daysInMonth: total,
    lastDataDay: lastDay,
    actualToDate,
    perDay,
    projected,
    remaining: projected - actualToDate,
  };
}

/** The numeric fields of a day of `metrics` that can be projected. */
export type ProjectableMetric =
  'sessions' | 'pageviews' | 'conversions' | 'revenueCents' | 'adSpendCents' | 'leads';

/** Projects one field of a customer-month of metrics (e.g. `leads`, `revenueCents`) to the month's end. */
export function projectMetric(
  metrics: Pick<Metrics, 'month' | 'days'>,
  field: ProjectableMetric,
): ProjectionResult {
  return projectMonthEnd({
    month: metrics.month,
    points: metrics.days.map((d: DailyMetric) => ({ date: d.date, value: d[field] })),
  });
}
