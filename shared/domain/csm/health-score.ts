import { z } from 'zod';
import {
  HEALTH_DIMENSIONS,
  healthBreakdownSchema,
  type HealthBreakdown,
  type HealthDimension,
  type HealthFactor,
  type HealthMetric,
  type HealthStatus,
} from '../../entities/csm.ts';
import {
  DEFAULT_HEALTH_CONFIG,
  healthScoreConfigSchema,
  healthStatusFor,
  type HealthRule,
  type HealthScoreConfig,
  type HealthThresholds,
} from './health-config.ts';
import { HEALTH_FACTOR_BY_KEY, HEALTH_FACTORS, roundScore, type HealthFactorKey } from './health-factors.ts';
import { healthInputSchema, type HealthInput, type ParsedHealthInput } from './health-input.ts';

/**
 * Customer health score (customers spec §1.3, §5.1; docs/domain.md).
 *
 *   factor        0–100 by its formula (health-factors.ts), integer
 *   dimension     round(mean of its factors with data + rule points), clamped to 0–100; null without factors
 *   effective w.  weight × 100 ÷ Σ weights of the dimensions with data (missing dimensions are renormalised away)
 *   total         round(Σ dimension score × effective weight ÷ 100)
 *
 * Invariants: every score is within 0–100; effective weights of the dimensions with data sum to 100; the whole
 * breakdown (factors with raw inputs, rule points, weights) is kept so any change can be explained.
 */

/** A change smaller than this many points (in either direction) is shown as "stable". */
export const TREND_STABLE_BAND = 2;

/**
 * The score of 30 days before (for trends): the stored total and, when kept, its breakdown.
 * Not strict, so a stored `health` document or a `HealthAssessment` can be passed as is.
 */
export const previousHealthSchema = z.object({
  score: z.number().min(0).max(100).nullable(),
  breakdown: healthBreakdownSchema.nullable().default(null),
});
export type PreviousHealth = z.input<typeof previousHealthSchema>;

export interface HealthAssessment {
  /** 0–100, or null when no dimension has data (nothing to score: show "sem dados"). */
  score: number | null;
  status: HealthStatus | null;
  breakdown: HealthBreakdown;
  missingDimensions: HealthDimension[];
  /** Score minus the score 30 days before; null without a previous score. */
  trend: number | null;
  trendDirection: 'up' | 'down' | 'stable' | null;
}

export function trendDirection(delta: number): 'up' | 'down' | 'stable' {
  if (delta >= TREND_STABLE_BAND) return 'up';
  if (delta <= -TREND_STABLE_BAND) return 'down';
  return 'stable';
}

function impactOf(value: number, thresholds: HealthThresholds): HealthFactor['impact'] {
  if (value >= thresholds.healthy) return 'positive';
  if (value < thresholds.atRisk) return 'negative';
  return 'neutral';
}

function metricValue(rule: HealthRule, input: ParsedHealthInput, factors: Map<string, HealthFactor>) {
  if (rule.metric in HEALTH_FACTOR_BY_KEY) return factors.get(rule.metric)?.value ?? null;
  return (input as Record<string, number | null>)[rule.metric] ?? null;
}

/** A rule fires when its metric has data and the comparison holds; unknown data never fires a rule. */
export function ruleFires(rule: HealthRule, value: number | null): boolean {
  if (value === null) return false;
  switch (rule.operator) {
    case 'greater_than':
      return value > rule.value;
    case 'less_than':
      return value < rule.value;
    case 'equals':
      return Math.abs(value - rule.value) < 1e-9;
  }
}

/** Scores every factor with data, as stored `HealthFactor`s. */
export function scoreFactors(input: ParsedHealthInput, thresholds: HealthThresholds): HealthFactor[] {
  const out: HealthFactor[] = [];
  for (const def of HEALTH_FACTORS) {
    const s = def.score(input);
    if (!s) continue;
    out.push({
      key: def.key,
      value: s.value,
      maxValue: 100,
      impact: impactOf(s.value, thresholds),
      description: s.description,
      raw: s.raw,
    });
  }
  return out;
}

/**
 * Computes the health score of one customer.
 * Throws a `ZodError` on invalid input or config (e.g. weights that do not sum to 100, a part above its whole).
 */
export function computeHealth(
  input: HealthInput,
  config: HealthScoreConfig = DEFAULT_HEALTH_CONFIG,
  previous?: PreviousHealth | null,
): HealthAssessment {
  const metrics = healthInputSchema.parse(input);
  const cfg = healthScoreConfigSchema.parse(config);
  const prev = previous ? previousHealthSchema.parse(previous) : null;

  const factors = scoreFactors(metrics, cfg.thresholds);
  const byKey = new Map(factors.map((f) => [f.key, f]));

  const scores = {} as Record<
    HealthDimension,
    { score: number | null; rulePoints: number; factors: HealthFactor[] }
  >;
  for (const dim of HEALTH_DIMENSIONS) {
    const own = factors.filter((f) => HEALTH_FACTOR_BY_KEY[f.key as HealthFactorKey].dimension === dim);
    if (own.length === 0) {
      // Rules cannot add points to a dimension without data: it stays missing.
      scores[dim] = { score: null, rulePoints: 0, factors: [] };
      continue;
    }
    const mean = own.reduce((s, f) => s + f.value, 0) / own.length;
    const rulePoints = cfg.rules
      .filter((r) => r.category === dim && ruleFires(r, metricValue(r, metrics, byKey)))
      .reduce((s, r) => s + r.points, 0);
    scores[dim] = {
      score: Math.min(100, Math.max(0, roundScore(mean + rulePoints))),
      rulePoints,
      factors: own,
    };
  }

  const withTrends = {} as Record<HealthDimension, DimensionScore>;
  for (const dim of HEALTH_DIMENSIONS) {
    const { score } = scores[dim];
    const before = prev?.breakdown?.[dim].score ?? null;
    withTrends[dim] = { ...scores[dim], trendValue: score !== null && before !== null ? score - before : 0 };
  }
  const { score, breakdown, missingDimensions } = combineDimensions(withTrends, cfg.weights);
  const trend = score !== null && prev?.score != null ? score - Math.round(prev.score) : null;
  return {
    score,
    status: score === null ? null : healthStatusFor(score, cfg.thresholds),
    breakdown,
    missingDimensions,
    trend,
    trendDirection: trend === null ? null : trendDirection(trend),
  };
}

/** One dimension's result before weighting. */
interface DimensionScore {
  score: number | null;
  rulePoints: number;
  factors: HealthFactor[];
  /** Change of this dimension's score against 30 days before (0 without history). */
  trendValue: number;
}

/**
 * Weights dimension scores into the total: dimensions without data are renormalised away; null when no
 * weighted dimension has data. Shared by `computeHealth` and `reweighHealth` so both weigh alike.
 */
function combineDimensions(
  scores: Record<HealthDimension, DimensionScore>,
  weights: HealthScoreConfig['weights'],
): { score: number | null; breakdown: HealthBreakdown; missingDimensions: HealthDimension[] } {
  const present = HEALTH_DIMENSIONS.filter((d) => scores[d].score !== null);
  const availableWeight = present.reduce((s, d) => s + weights[d], 0);
  const breakdown = {} as HealthBreakdown;
  let total = 0;
  for (const dim of HEALTH_DIMENSIONS) {
    const { score, rulePoints, factors, trendValue } = scores[dim];
    const effectiveWeight =
      score === null || availableWeight === 0 ? 0 : (weights[dim] * 100) / availableWeight;
    const weightedScore = score === null ? 0 : (score * effectiveWeight) / 100;
    total += weightedScore;
    const metric: HealthMetric = {
      score,
      weight: weights[dim],
      effectiveWeight,
      weightedScore,
      factors,
      trend: trendDirection(trendValue),
      trendValue,
      rulePoints,
    };
    breakdown[dim] = metric;
  }
  // Without any weighted dimension there is nothing to score (all data missing, or only 0-weight dimensions).
  return {
    score: availableWeight === 0 ? null : Math.min(100, Math.max(0, roundScore(total))),
    breakdown,
    missingDimensions: HEALTH_DIMENSIONS.filter((d) => scores[d].score === null),
  };
}

/** The parts of a stored health document that a new configuration changes. */
export interface ReweighableHealth {
  score: number;
  status: HealthStatus;
  breakdown: HealthBreakdown;
  /** Score minus the score 30 days before (null without history). */
  trend: number | null;
}

/**
 * Applies a new configuration's weights and thresholds to an already computed health result, without its raw
 * inputs: dimension scores (rule points included) are kept, effective weights, the total and the status are
 * recomputed, and factor impacts follow the new thresholds. The 30-day trend moves by the same amount as the
 * score. Changed *rules* need the raw inputs, so they take effect at the next full computation.
 *
 * A result with no weighted dimension keeps its score and status (there is nothing to reweigh).
 */
export function reweighHealth<H extends ReweighableHealth>(health: H, config: HealthScoreConfig): H {
  const cfg = healthScoreConfigSchema.parse(config);
  const scores = {} as Record<HealthDimension, DimensionScore>;
  for (const dim of HEALTH_DIMENSIONS) {
    const metric = health.breakdown[dim];
    scores[dim] = {
      score: metric.score,
      rulePoints: metric.rulePoints,
      factors: metric.factors.map((f) => ({ ...f, impact: impactOf(f.value, cfg.thresholds) })),
      trendValue: metric.trendValue,
    };
  }
  const combined = combineDimensions(scores, cfg.weights);
  const score = combined.score ?? health.score;
  return {
    ...health,
    score,
    status: combined.score === null ? health.status : healthStatusFor(score, cfg.thresholds),
    breakdown: combined.breakdown,
    trend: health.trend === null ? null : health.trend + (score - health.score),
  };
}
