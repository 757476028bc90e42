import { z } from 'zod';
import { HEALTH_DIMENSIONS, healthDimensionSchema, type HealthStatus } from '../../entities/csm.ts';
import { HEALTH_FACTOR_KEYS } from './health-factors.ts';
import { HEALTH_INPUT_KEYS } from './health-input.ts';

/**
 * An organization's health-score configuration (customers spec §3 `HealthScoreConfig`, minus the storage
 * fields id/organizationId/timestamps, which belong to the server's `health_configs` table).
 */

/**
 * A rule may test a raw input (e.g. `npsScore`, `ticketsLast30`) or a factor's 0–100 value (e.g. `loginFrequency`).
 * Invariant (tested): input keys and factor keys never collide, so a metric name is never ambiguous.
 */
export const HEALTH_RULE_METRICS = [...HEALTH_INPUT_KEYS, ...HEALTH_FACTOR_KEYS] as const;
export type HealthRuleMetric = (typeof HEALTH_RULE_METRICS)[number];

export const healthRuleSchema = z.strictObject({
  id: z.string().min(1).max(60),
  /** The dimension whose score the points are added to (seed: `category: keyof HealthBreakdown`). */
  category: healthDimensionSchema,
  metric: z.string().refine((m) => (HEALTH_RULE_METRICS as readonly string[]).includes(m), {
    error: (issue) =>
      `unknown metric '${String(issue.input)}': use a health input field or a factor key (e.g. npsScore, loginFrequency)`,
  }),
  operator: z.enum(['greater_than', 'less_than', 'equals']),
  value: z.number(),
  /** Points added (positive) or removed (negative); the dimension stays within 0–100. */
  points: z.number().int().min(-100).max(100),
  description: z.string().max(500),
});
export type HealthRule = z.infer<typeof healthRuleSchema>;

const weight = z.number().int({ error: 'weights must be integers' }).min(0).max(100);

export const healthWeightsSchema = z
  .strictObject(
    Object.fromEntries(HEALTH_DIMENSIONS.map((d) => [d, weight])) as Record<
      (typeof HEALTH_DIMENSIONS)[number],
      typeof weight
    >,
  )
  .refine((w) => Object.values(w).reduce((s, x) => s + x, 0) === 100, {
    error: (issue) => {
      const w = issue.input as Record<string, number>;
      const sum = Object.values(w).reduce((s, x) => s + x, 0);
      return `weights must sum to 100 (got ${sum})`;
    },
  });
export type HealthWeights = z.infer<typeof healthWeightsSchema>;

export const healthThresholdsSchema = z
  .strictObject({
    /** Score at or above which a customer is healthy (seed: 80). */
    healthy: z.number().int().min(1).max(100),
    /** Score at or above which a customer is "at risk" rather than critical (seed: 50). */
    atRisk: z.number().int().min(0).max(99),
  })
  .refine((t) => t.healthy > t.atRisk, {
    error: 'thresholds.healthy must be greater than thresholds.atRisk',
    path: ['healthy'],
  });
export type HealthThresholds = z.infer<typeof healthThresholdsSchema>;

export const healthScoreConfigSchema = z.strictObject({
  weights: healthWeightsSchema,
  thresholds: healthThresholdsSchema,
  rules: z.array(healthRuleSchema).max(100),
});
export type HealthScoreConfig = z.infer<typeof healthScoreConfigSchema>;

/** The seed's model: 30/25/20/15/10, healthy ≥ 80, at risk ≥ 50, no extra rules. */
export const DEFAULT_HEALTH_CONFIG: HealthScoreConfig = Object.freeze({
  weights: Object.freeze({ productUsage: 30, engagement: 25, support: 20, payment: 15, growth: 10 }),
  thresholds: Object.freeze({ healthy: 80, atRisk: 50 }),
  rules: Object.freeze([]) as unknown as HealthRule[],
});

export function healthStatusFor(score: number, thresholds: HealthThresholds): HealthStatus {
  if (score >= thresholds.healthy) return 'healthy';
  if (score >= thresholds.atRisk) return 'at_risk';
  return 'critical';
}
