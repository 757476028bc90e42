import { z } from 'zod';
import { isoDate } from '../../entities/common.ts';
import { actionSchema, campaignSchema, goalSchema, metricsSchema } from '../../entities/portal.ts';
import { goalPacing } from './goals.ts';
import { clamp } from './numbers.ts';
import { addDays, DEFAULT_TIME_ZONE, localDateFormatter, timeZoneSchema } from './time.ts';

/**
 * Score ARCO, 0–100 (dashboard §1A "💎 Seu Score ARCO: 87/100 (+5 este mês)"): how well the partnership is
 * going for one customer, from the four inputs the seed names. Each sub-score is 0–100 over a trailing window
 * of 28 days ending `asOf` (four whole weeks, so weekdays weigh the same every time):
 *
 * | part       | default weight | sub-score                                                                   |
 * |------------|----------------|-----------------------------------------------------------------------------|
 * | platform   | 20             | 70% visit days ÷ 12 (seed KPI "> 3×/semana" × 4 weeks, capped) + 30% share  |
 * |            |                | of the window's action cards completed (visits alone when there are none)   |
 * | campaigns  | 30             | ROAS (revenue ÷ ad spend of the campaigns' daily rows) ÷ target ROAS 4,     |
 * |            |                | capped: ROAS 4 or more → 100                                                |
 * | conversion | 25             | 50 × (conversions ÷ sessions) ÷ industry rate, capped: at the benchmark 50, |
 * |            |                | twice the benchmark or more 100 (seed 2.8% vs 1.9% → 73.7)                  |
 * | goals      | 25             | mean over goals running in the window of current ÷ expected-by-now (goal     |
 * |            |                | pacing), capped at 1: on pace = 100, so a new month does not sink the score |
 *
 * A part with no data (no visits recorded and no actions, no ad spend, no sessions or no benchmark, no goals)
 * is left out and the remaining weights are renormalised; the breakdown says which and with what effective
 * weight. With no data at all the score is null. The score is the weighted mean rounded to an integer
 * (it is an index, not a measured ratio). Trend = score − the last score of the previous month ("+5 este mês").
 */
export const SCORE_PARTS = ['platform', 'campaigns', 'conversion', 'goals'] as const;
export type ScorePart = (typeof SCORE_PARTS)[number];

export const SCORE_PART_LABELS: Readonly<Record<ScorePart, string>> = {
  platform: 'Engajamento com a plataforma',
  campaigns: 'Performance das campanhas',
  conversion: 'Taxa de conversão vs indústria',
  goals: 'Cumprimento de metas',
};

export const DEFAULT_SCORE_WEIGHTS: Readonly<Record<ScorePart, number>> = {
  platform: 20,
  campaigns: 30,
  conversion: 25,
  goals: 25,
};

export const SCORE_WINDOW_DAYS = 28;
/** Visit days in the window that count as full platform engagement (3 per week × 4). */
export const TARGET_VISIT_DAYS = 12;
export const DEFAULT_TARGET_ROAS = 4;

const weight = z.number().int().min(0).max(100);
export const scoreWeightsSchema = z
  .strictObject({ platform: weight, campaigns: weight, conversion: weight, goals: weight })
  .refine((w) => SCORE_PARTS.reduce((s, k) => s + w[k], 0) === 100, { message: 'weights must sum to 100' });

const subScore = z.number().min(0).max(100).nullable();

// ---------------------------------------------------------------------------------- combining sub-scores
export const engagementScoreInputSchema = z.strictObject({
  /** Sub-scores 0–100; null = no data for that part. */
  parts: z.strictObject({ platform: subScore, campaigns: subScore, conversion: subScore, goals: subScore }),
  weights: scoreWeightsSchema.default({ ...DEFAULT_SCORE_WEIGHTS }),
  /** Last score of the previous month, for the trend; null when there is none. */
  previousScore: z.number().int().min(0).max(100).nullable().default(null),
});
export type EngagementScoreInput = z.input<typeof engagementScoreInputSchema>;

export interface ScoreBreakdownLine {
  part: ScorePart;
  label: string;
  /** Configured weight (0–100). */
  weight: number;
  /** Weight after renormalising over the parts with data (0–100, sums to 100 over included parts). */
  effectiveWeight: number;
  score: number | null;
  included: boolean;
  /** score × effectiveWeight / 100: the points this part adds to the total. */
  contribution: number;
}

export interface EngagementScore {
  /** 0–100, null when no part has data. */
  score: number | null;
  breakdown: ScoreBreakdownLine[];
  /** Parts left out for lack of data. */
  missing: ScorePart[];
  trend: { previous: number; delta: number; label: string } | null;
}

export function computeEngagementScore(input: EngagementScoreInput): EngagementScore {
  const { parts, weights, previousScore } = engagementScoreInputSchema.parse(input);
  const included = SCORE_PARTS.filter((k) => parts[k] !== null && weights[k] > 0);
  const totalWeight = included.reduce((s, k) => s + weights[k], 0);

  const breakdown = SCORE_PARTS.map((part): ScoreBreakdownLine => {
    const isIn = included.includes(part);
    const effectiveWeight = isIn ? (weights[part] / totalWeight) * 100 : 0;
    const score = parts[part];
    return {
      part,
      label: SCORE_PART_LABELS[part],
      weight: weights[part],
      effectiveWeight,
      score,
      included: isIn,
      contribution: isIn ? ((score ?? 0) * effectiveWeight) / 100 : 0,
    };
  });
  const score =
    totalWeight === 0 ? null : clamp(Math.round(breakdown.reduce((s, l) => s + l.contribution, 0)), 0, 100);
  const trend =
    score === null || previousScore === null
      ? null
      : { previous: previousScore, delta: score - previousScore, label: trendLabel(score - previousScore) };
  return { score, breakdown, missing: SCORE_PARTS.filter((k) => parts[k] === null), trend };
}

/** "+5 este mês", "-3 este mês", "estável este mês". */
export function trendLabel(delta: number): string {
  if (delta > 0) return `+${delta} este mês`;
  if (delta < 0) return `-${Math.abs(delta)} este mês`;
  return 'estável este mês';
}

// ---------------------------------------------------------------------------- sub-scores from the entities
export const scoreFactsInputSchema = z.strictObject({
  /** Today in the customer's time zone; the window is the 28 days ending here. */
  asOf: isoDate,
  /** The customer's time zone, to place action cards (instants) on local days. */
  timeZone: timeZoneSchema.default(DEFAULT_TIME_ZONE),
  /** Local visit days of the customer's users (union of their engagement.visitDays). */
  visitDays: z.array(isoDate).max(100_000),
  actions: z.array(actionSchema.pick({ status: true, createdAt: true }).strip()),
  campaigns: z.array(campaignSchema.pick({ daily: true }).strip()),
  metrics: z.array(metricsSchema.pick({ days: true }).strip()),
  goals: z.array(
    goalSchema
      .pick({ targetValue: true, currentValue: true, startDate: true, endDate: true, unit: true })
      .strip(),
  ),
  /** Industry conversion rate as a fraction (1.9% → 0.019); null when unknown. */
  industryConversionRate: z.number().gt(0).max(1).nullable(),
  targetRoas: z.number().positive().max(1000).default(DEFAULT_TARGET_ROAS),
});
export type ScoreFactsInput = z.input<typeof scoreFactsInputSchema>;

export interface ScoreFacts {
  parts: Record<ScorePart, number | null>;
  /** The raw figures behind each part, so "why is my score 87" is answerable. */
  facts: {
    windowStart: string;
    windowEnd: string;
    visitDays: number;
    actions: { total: number; completed: number };
    adSpendCents: number;
    campaignRevenueCents: number;
    roas: number | null;
    sessions: number;
    conversions: number;
    conversionRate: number | null;
    goalsConsidered: number;
  };
}

/** Derives the four sub-scores from the customer's documents (pure: `asOf` is given, nothing is read). */
export function scoreFacts(input: ScoreFactsInput): ScoreFacts {
  const p = scoreFactsInputSchema.parse(input);
  const end = p.asOf;
  const start = addDays(end, -(SCORE_WINDOW_DAYS - 1));
  const inWindow = (date: string) => date >= start && date <= end;

  // platform
  const visitDays = new Set(p.visitDays.filter(inWindow)).size;
  const toLocal = localDateFormatter(p.timeZone);
  const windowActions = p.actions.filter((a) => inWindow(toLocal(a.createdAt)));
  const completed = windowActions.filter((a) => a.status === 'completed').length;
  const visitPart = Math.min(1, visitDays / TARGET_VISIT_DAYS);
  const platform =
    visitDays === 0 && windowActions.length === 0
      ? null
      : 100 *
        (windowActions.length === 0 ? visitPart : 0.7 * visitPart + 0.3 * (completed / windowActions.length));

  // campaigns
  let spend = 0;
  let revenue = 0;
  for (const c of p.campaigns)
    for (const d of c.daily)
      if (inWindow(d.date)) {
        spend += d.spendCents;
        revenue += d.revenueCents;
      }
  const roas = spend > 0 ? revenue / spend : null;
  const campaigns = roas === null ? null : Math.min(100, (100 * roas) / p.targetRoas);

  // conversion vs benchmark
  let sessions = 0;
  let conversions = 0;
  for (const m of p.metrics)
    for (const d of m.days)
      if (inWindow(d.date)) {
        sessions += d.sessions;
        conversions += d.conversions;
      }
  const conversionRate = sessions > 0 ? conversions / sessions : null;
  const conversion =
    conversionRate === null || p.industryConversionRate === null
      ? null
      : Math.min(100, (50 * conversionRate) / p.industryConversionRate);

  // goals: running in the window, measured against their own pace
  const running = p.goals.filter((g) => g.startDate <= end && g.endDate >= start);
  const ratios = running.map((g) => {
    const { expectedValue } = goalPacing({ goal: g, asOf: end });
    return expectedValue <= 0 ? 1 : Math.min(1, g.currentValue / expectedValue);
  });
  const goals = ratios.length === 0 ? null : (100 * ratios.reduce((s, r) => s + r, 0)) / ratios.length;

  return {
    parts: { platform, campaigns, conversion, goals },
    facts: {
      windowStart: start,
      windowEnd: end,
      visitDays,
      actions: { total: windowActions.length, completed },
      adSpendCents: spend,
      campaignRevenueCents: revenue,
      roas,
      sessions,
      conversions,
      conversionRate,
      goalsConsidered: ratios.length,
    },
  };
}

/** Previous month's last recorded Score ARCO from the daily metrics (`days[].score`), for the trend. */
export function lastScoreOfMonth(
  metrics: { month: string; days: { date: string; score: number | null }[] }[],
  month: string,
): number | null {
  const doc = metrics.find((m) => m.month === month);
  const scored = (doc?.days ?? []).filter((d) => d.score !== null).sort((a, b) => (a.date < b.date ? -1 : 1));
  return scored.length === 0 ? null : scored[scored.length - 1]!.score;
}

export const scoreArcoInputSchema = scoreFactsInputSchema.extend({
  weights: engagementScoreInputSchema.shape.weights,
  previousScore: engagementScoreInputSchema.shape.previousScore,
});
export type ScoreArcoInput = z.input<typeof scoreArcoInputSchema>;

/** Score ARCO straight from the customer's documents: `scoreFacts` then `computeEngagementScore`. */
export function scoreArco(input: ScoreArcoInput): EngagementScore & { facts: ScoreFacts['facts'] } {
  const { weights, previousScore, ...factsInput } = scoreArcoInputSchema.parse(input);
  const { parts, facts } = scoreFacts(factsInput);
  return { ...computeEngagementScore({ parts, weights, previousScore }), facts };
}
