import { z } from 'zod';
import { isoDate } from '../../entities/common.ts';
import { goalSchema } from '../../entities/portal.ts';
import { clamp, formatDecimalPtBr, truncateTowardZero } from './numbers.ts';
import { daysBetween } from './time.ts';

/**
 * Goal pacing and status (dashboard §1C "Metas do Mês").
 *
 * Pacing: a goal runs from `startDate` to `endDate` inclusive (local calendar dates of the customer). On day
 * `asOf` the expected value is target × elapsed/total, where elapsed counts `asOf` itself (on the first day
 * 1/N of the target is expected, on the last day all of it). Status:
 * - `reached`     current ≥ target (at any time, wins over everything else);
 * - `not_started` asOf before startDate;
 * - `missed`      asOf after endDate and not reached;
 * - `ahead`       current ≥ expected × (1 + tolerance);
 * - `behind`      current < expected × (1 − tolerance);
 * - `on_track`    otherwise. Tolerance defaults to 10%.
 *
 * Display (seed "✅ 10K visitas / ⏳ 50 leads (38/50) / 🔄 R$20K revenue (60%)"):
 * - reached → ✅;
 * - count goals in progress → ⏳ with "current/target" ("38/50");
 * - money and rate goals in progress → 🔄 with the percentage ("60%").
 * The percentage is truncated, so 100% appears only when the goal is really reached.
 */
export const goalFactsSchema = goalSchema
  .pick({ targetValue: true, currentValue: true, startDate: true, endDate: true, unit: true })
  .strip()
  .refine((g) => g.endDate >= g.startDate, {
    message: 'endDate must not be before startDate',
    path: ['endDate'],
  });

export const goalRuleInputSchema = z.strictObject({
  goal: goalFactsSchema,
  asOf: isoDate,
  tolerance: z.number().min(0).max(1).default(0.1),
});
export type GoalRuleInput = z.input<typeof goalRuleInputSchema>;

export type GoalPace = 'reached' | 'not_started' | 'missed' | 'ahead' | 'on_track' | 'behind';

export interface GoalPacing {
  pace: GoalPace;
  /** Value expected by `asOf` at a steady pace (0 before the start, the target after the end). */
  expectedValue: number;
  /** current − expected (negative when behind). */
  gap: number;
  elapsedDays: number;
  totalDays: number;
  /** Daily pace still needed to reach the target by the end (null once reached or ended). */
  requiredPerDay: number | null;
}

export interface GoalStatusDisplay {
  state: 'reached' | 'in_progress';
  icon: '✅' | '⏳' | '🔄';
  /** Truncated percent of the target, 0–100 (100 only when reached). */
  percent: number;
  /** "38/50" for count goals in progress, null otherwise. */
  fraction: string | null;
  /** "38/50", "60%" or "100%". */
  label: string;
}

export function goalPacing(input: GoalRuleInput): GoalPacing {
  const { goal, asOf, tolerance } = goalRuleInputSchema.parse(input);
  const totalDays = daysBetween(goal.startDate, goal.endDate) + 1;
  const elapsedDays = clamp(daysBetween(goal.startDate, asOf) + 1, 0, totalDays);
  const expectedValue = (goal.targetValue * elapsedDays) / totalDays;
  const gap = goal.currentValue - expectedValue;
  const remainingDays = totalDays - elapsedDays;
  const reached = goal.currentValue >= goal.targetValue;

  let pace: GoalPace;
  if (reached) pace = 'reached';
  else if (daysBetween(goal.startDate, asOf) < 0) pace = 'not_started';
  else if (daysBetween(goal.endDate, asOf) > 0) pace = 'missed';
  else if (goal.currentValue >= expectedValue * (1 + tolerance)) pace = 'ahead';
  else if (goal.currentValue < expectedValue * (1 - tolerance)) pace = 'behind';
  else pace = 'on_track';

  const requiredPerDay =
    reached || pace === 'missed'
      ? null
      : (goal.targetValue - goal.currentValue) /
        (pace === 'not_started' ? totalDays : Math.max(1, remainingDays));
  return { pace, expectedValue, gap, elapsedDays, totalDays, requiredPerDay };
}

export function goalStatus(input: Pick<GoalRuleInput, 'goal'>): GoalStatusDisplay {
  const goal = goalFactsSchema.parse(input.goal);
  const reached = goal.currentValue >= goal.targetValue;
  const percent = reached
    ? 100
    : Math.min(99, truncateTowardZero((goal.currentValue / goal.targetValue) * 100, 0));
  if (reached) return { state: 'reached', icon: '✅', percent, fraction: null, label: '100%' };
  if (goal.unit === 'count') {
    const fraction = `${formatDecimalPtBr(goal.currentValue, 0)}/${formatDecimalPtBr(goal.targetValue, 0)}`;
    return { state: 'in_progress', icon: '⏳', percent, fraction, label: fraction };
  }
  return { state: 'in_progress', icon: '🔄', percent, fraction: null, label: `${percent}%` };
}
