import { SEED_INDUSTRY_BENCHMARK } from '../../../shared/domain/portal/benchmarks.ts';
import {
  lastScoreOfMonth,
  scoreArco,
  type EngagementScore,
} from '../../../shared/domain/portal/engagement-score.ts';
import {
  goalOutlook,
  monthImpact,
  pickActionCards,
  type GoalOutlook,
  type MonthImpact,
} from '../../../shared/domain/portal/home-summary.ts';
import { streakFromDays, type Streak } from '../../../shared/domain/portal/streak.ts';
import { addDays, monthOf } from '../../../shared/domain/portal/time.ts';
import type { Action, Campaign, Engagement, Goal, Metrics } from '../../../shared/entities/portal.ts';

/**
 * The executive summary (dashboard §1A–C) from the client's synced documents: only the shared rules
 * (shared/domain/portal/) applied to what the device holds, so the figures are the ones the server would
 * compute from the same rows — provisional until the last changes reach it. Pure: `today` (the customer's
 * local date) and the time zone are parameters.
 */
export interface HomeDocuments {
  readonly metrics: readonly Metrics[];
  readonly campaigns: readonly Campaign[];
  readonly goals: readonly Goal[];
  readonly actions: readonly Action[];
  readonly engagement: Engagement | null;
}

export interface HomeSummary {
  readonly score: EngagementScore & { facts: unknown };
  readonly impact: MonthImpact;
  readonly cards: readonly Action[];
  /** This month's goals (running today), with their outlook, in a stable order (type, then title). */
  readonly goals: readonly { goal: Goal; outlook: GoalOutlook }[];
  readonly streak: Streak;
}

const GOAL_ORDER: Record<Goal['type'], number> = {
  traffic: 0,
  leads: 1,
  revenue: 2,
  conversion_rate: 3,
  custom: 4,
};

/** Goals running on `today`, ordered for display. */
export function goalsRunningOn(goals: readonly Goal[], today: string): Goal[] {
  return goals
    .filter((g) => g.startDate <= today && g.endDate >= today)
    .sort((a, b) => GOAL_ORDER[a.type] - GOAL_ORDER[b.type] || a.title.localeCompare(b.title));
}

export function buildHomeSummary(docs: HomeDocuments, today: string, timeZone: string): HomeSummary {
  const visitDays = docs.engagement?.visitDays ?? [];
  const previousMonth = monthOf(addDays(`${monthOf(today)}-01`, -1));
  const score = scoreArco({
    asOf: today,
    timeZone,
    visitDays,
    actions: [...docs.actions],
    campaigns: [...docs.campaigns],
    metrics: [...docs.metrics],
    goals: [...docs.goals],
    industryConversionRate: SEED_INDUSTRY_BENCHMARK.conversionRate,
    previousScore: lastScoreOfMonth([...docs.metrics], previousMonth),
  });
  return {
    score,
    impact: monthImpact({ metrics: [...docs.metrics], asOf: today }),
    cards: pickActionCards(docs.actions),
    goals: goalsRunningOn(docs.goals, today).map((goal) => ({
      goal,
      outlook: goalOutlook({ goal, asOf: today }),
    })),
    streak: streakFromDays({ visitDays, today }),
  };
}
