import { z } from 'zod';
import { dailyMetricSchema, goalSchema, goalTypeSchema } from '../../entities/portal.ts';
import { monthSchema } from '../../entities/common.ts';
import { lastScoreOfMonth } from './engagement-score.ts';
import { goalStatus, type GoalStatusDisplay } from './goals.ts';
import { monthRoi, previousMonth } from './money.ts';
import { truncateTowardZero } from './numbers.ts';
import type { RoiResult } from './roi.ts';

/**
 * The monthly summary (client portal, "Resumo do mês"): one month's Score ARCO with its change, the impact
 * lines, the goals and the ROI — each from the rule that owns it, so the printed page says exactly what the
 * screens say.
 *
 * - Score: the last daily score of the month and its change against the last of the previous month
 *   (`lastScoreOfMonth`, as the home's "+5 este mês").
 * - Impact: sessions with their change vs the previous month (truncated toward zero, like every ratio shown to
 *   a client: seed 10.442 vs 4.600 → "+127%"), revenue from conversions, qualified leads.
 * - Goals: those whose period overlaps the month, with the shared `goalStatus`.
 * - ROI: `monthRoi` on the month's revenue and investment.
 */

const dayInput = z.object({
  date: dailyMetricSchema.shape.date,
  sessions: dailyMetricSchema.shape.sessions,
  revenueCents: dailyMetricSchema.shape.revenueCents,
  adSpendCents: dailyMetricSchema.shape.adSpendCents,
  leads: dailyMetricSchema.shape.leads,
  conversions: dailyMetricSchema.shape.conversions,
  score: dailyMetricSchema.shape.score,
});
const metricsInput = z.object({ month: monthSchema, days: z.array(dayInput) });
const goalInput = z.object({
  id: goalSchema.shape.id,
  type: goalSchema.shape.type,
  title: goalSchema.shape.title,
  unit: goalSchema.shape.unit,
  targetValue: goalSchema.shape.targetValue,
  currentValue: goalSchema.shape.currentValue,
  startDate: goalSchema.shape.startDate,
  endDate: goalSchema.shape.endDate,
});

const GOAL_ORDER: readonly string[] = goalTypeSchema.options;

export const monthlySummaryInputSchema = z.strictObject({
  month: monthSchema,
  metrics: z.array(metricsInput),
  goals: z.array(goalInput),
});
export type MonthlySummaryInput = z.input<typeof monthlySummaryInputSchema>;

export interface MonthlySummary {
  month: string;
  score: { value: number; change: number | null } | null;
  impact: {
    sessions: number;
    /** Sessions vs the previous month in percent, truncated; null without a previous month with sessions. */
    sessionsChangePercent: number | null;
    revenueCents: number;
    conversions: number;
    leads: number;
  };
  goals: {
    id: string;
    type: string;
    title: string;
    unit: string;
    targetValue: number;
    currentValue: number;
    status: GoalStatusDisplay;
  }[];
  roi: RoiResult;
  /** False when the device has no metrics for the month (the page shows an empty state). */
  hasData: boolean;
}

export function monthlySummary(input: MonthlySummaryInput): MonthlySummary {
  const { month, metrics, goals } = monthlySummaryInputSchema.parse(input);
  const days = metrics.find((m) => m.month === month)?.days ?? [];
  const previousDays = metrics.find((m) => m.month === previousMonth(month))?.days ?? [];
  const sum = (
    list: typeof days,
    field: 'sessions' | 'revenueCents' | 'adSpendCents' | 'leads' | 'conversions',
  ) => list.reduce((s, d) => s + d[field], 0);

  const scoreNow = lastScoreOfMonth(metrics, month);
  const scoreBefore = lastScoreOfMonth(metrics, previousMonth(month));
  const sessions = sum(days, 'sessions');
  const previousSessions = sum(previousDays, 'sessions');
  const revenueCents = sum(days, 'revenueCents');
  const first = `${month}-01`;
  const last = `${month}-31`;

  return {
    month,
    score:
      scoreNow === null
        ? null
        : { value: scoreNow, change: scoreBefore === null ? null : scoreNow - scoreBefore },
    impact: {
      sessions,
      sessionsChangePercent:
        days.length > 0 && previousSessions > 0
          ? truncateTowardZero((sessions / previousSessions - 1) * 100, 0)
          : null,
      revenueCents,
      conversions: sum(days, 'conversions'),
      leads: sum(days, 'leads'),
    },
    goals: goals
      .filter((g) => g.startDate <= last && g.endDate >= first)
      // The seed's order (visits, leads, revenue …): the enum's order.
      .sort(
        (a, b) =>
          GOAL_ORDER.indexOf(a.type) - GOAL_ORDER.indexOf(b.type) || a.startDate.localeCompare(b.startDate),
      )
      .map((g) => ({
        id: g.id,
        type: g.type,
        title: g.title,
        unit: g.unit,
        targetValue: g.targetValue,
        currentValue: g.currentValue,
        status: goalStatus({ goal: g }),
      })),
    roi: monthRoi({ revenueCents, investmentCents: sum(days, 'adSpendCents') }),
    hasData: days.length > 0,
  };
}
