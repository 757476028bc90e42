import { z } from 'zod';
import { isoDate } from '../../entities/common.ts';
import { actionSchema, goalSchema, metricsSchema } from '../../entities/portal.ts';
import { goalPacing, goalStatus, type GoalPace, type GoalStatusDisplay } from './goals.ts';
import { truncateTowardZero } from './numbers.ts';
import { projectMonthEnd } from './projection.ts';
import { addDays, daysBetween, monthOf } from './time.ts';

/**
 * The rules of the client portal's executive summary (dashboard §1A–C) beyond Score ARCO
 * (engagement-score.ts): the "Impacto Real" lines, which three action cards to show, and each goal's outlook.
 * Pure; `asOf` is the customer's local date.
 */

// ------------------------------------------------------------------------------------------ §1A impact lines

export const monthImpactInputSchema = z.strictObject({
  metrics: z.array(metricsSchema.pick({ month: true, days: true }).strip()).max(240),
  asOf: isoDate,
});

export interface MonthImpact {
  month: string;
  sessions: number;
  previousSessions: number;
  /**
   * "+127% tráfego vs mês passado": this month to date against the whole previous month, as the seed's hero
   * line reads. Truncated whole percent; null without a previous month to compare with.
   */
  trafficChangePercent: number | null;
  /** "R$ 43.2K em conversões este mês": revenue of the conversions this month to date, cents. */
  conversionRevenueCents: number;
  conversions: number;
  /** "23 leads qualificados capturados": leads captured this month to date (the leads goal counts the same). */
  qualifiedLeads: number;
}

export function monthImpact(input: z.input<typeof monthImpactInputSchema>): MonthImpact {
  const { metrics, asOf } = monthImpactInputSchema.parse(input);
  const month = monthOf(asOf);
  const previous = monthOf(addDays(`${month}-01`, -1));
  const daysOf = (m: string) =>
    metrics.filter((doc) => doc.month === m).flatMap((doc) => doc.days.filter((d) => d.date <= asOf));
  const sum = (
    days: ReturnType<typeof daysOf>,
    field: 'sessions' | 'conversions' | 'revenueCents' | 'leads',
  ) => days.reduce((s, d) => s + d[field], 0);
  const current = daysOf(month);
  const before = daysOf(previous);
  const sessions = sum(current, 'sessions');
  const previousSessions = sum(before, 'sessions');
  return {
    month,
    sessions,
    previousSessions,
    trafficChangePercent:
      previousSessions > 0 ? truncateTowardZero((sessions / previousSessions - 1) * 100, 0) : null,
    conversionRevenueCents: sum(current, 'revenueCents'),
    conversions: sum(current, 'conversions'),
    qualifiedLeads: sum(current, 'leads'),
  };
}

// ----------------------------------------------------------------------------------------- §1B action cards

export const ACTION_TYPES = ['urgent', 'insight', 'quick_win'] as const;

const cardSchema = actionSchema
  .pick({ id: true, type: true, priority: true, status: true, createdAt: true })
  .strip();
export type ActionCardFacts = z.infer<typeof cardSchema>;

/**
 * "Sistema de priorização automática": the cards to show now, at most `limit` (3). Only pending cards count.
 * First the best card of each type, in the seed's order urgent (red) → insight (blue) → quick win (green), so
 * the three kinds show side by side; then, if a type has none, the next best remaining cards. "Best" =
 * higher priority, then newer, then id (a stable order on every device).
 */
export function pickActionCards<T extends ActionCardFacts>(actions: readonly T[], limit = 3): T[] {
  const pending = actions
    .filter((a) => cardSchema.parse(a).status === 'pending')
    .sort(
      (a, b) =>
        b.priority - a.priority ||
        (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0) ||
        (a.id < b.id ? -1 : 1),
    );
  const firstOfType = ACTION_TYPES.flatMap((type) => pending.filter((a) => a.type === type).slice(0, 1));
  const rest = pending.filter((a) => !firstOfType.includes(a));
  return [...firstOfType, ...rest].slice(0, limit);
}

// ------------------------------------------------------------------------------------------ §1C goal outlook

export const goalOutlookInputSchema = z.strictObject({
  goal: goalSchema
    .pick({
      targetValue: true,
      currentValue: true,
      startDate: true,
      endDate: true,
      unit: true,
      progress: true,
    })
    .strip(),
  asOf: isoDate,
});

export interface GoalOutlook {
  pace: GoalPace;
  status: GoalStatusDisplay;
  /**
   * The value expected at the goal's end at the current rhythm: for a goal spanning one calendar month with
   * daily progress, the least-squares month-end projection (projection.ts) of its daily increments; otherwise
   * the run rate (current ÷ elapsed days × total days). Never below the current value. Null before the start
   * and after the end (nothing left to project).
   */
  projectedEnd: number | null;
  /** The projection reaches the target (always true once reached). */
  onCourse: boolean;
}

export function goalOutlook(input: z.input<typeof goalOutlookInputSchema>): GoalOutlook {
  const { goal, asOf } = goalOutlookInputSchema.parse(input);
  const pacing = goalPacing({ goal, asOf });
  const status = goalStatus({ goal });
  if (pacing.pace === 'reached')
    return { pace: 'reached', status, projectedEnd: goal.currentValue, onCourse: true };
  if (pacing.pace === 'not_started' || pacing.pace === 'missed')
    return { pace: pacing.pace, status, projectedEnd: null, onCourse: false };

  // A rate (conversion %) does not accumulate: at the current rhythm it ends where it is.
  if (goal.unit === 'percent')
    return {
      pace: pacing.pace,
      status,
      projectedEnd: goal.currentValue,
      onCourse: goal.currentValue >= goal.targetValue,
    };
  const month = monthOf(goal.startDate);
  const wholeMonth =
    goal.startDate === `${month}-01` &&
    monthOf(addDays(goal.endDate, 1)) !== month &&
    monthOf(goal.endDate) === month;
  const points = goal.progress
    .filter((p) => p.date >= goal.startDate && p.date <= asOf)
    .sort((a, b) => (a.date < b.date ? -1 : 1));
  let projectedEnd: number;
  if (wholeMonth && points.length > 0) {
    // Progress points are cumulative; the projection accumulates daily values itself.
    const daily = points.map((p, i) => ({
      date: p.date,
      value: Math.max(0, p.value - (points[i - 1]?.value ?? 0)),
    }));
    const result = projectMonthEnd({ month, points: daily });
    projectedEnd = result.kind === 'projected' ? result.projected : goal.currentValue;
  } else {
    const total = daysBetween(goal.startDate, goal.endDate) + 1;
    projectedEnd = Math.round((goal.currentValue / Math.max(1, pacing.elapsedDays)) * total);
  }
  projectedEnd = Math.max(projectedEnd, goal.currentValue);
  return { pace: pacing.pace, status, projectedEnd, onCourse: projectedEnd >= goal.targetValue };
}
