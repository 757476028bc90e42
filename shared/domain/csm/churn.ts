import { z } from 'zod';
import type { contributingFactorSchema } from '../../entities/csm.ts';
import { addDays, calendarDate, daysBetween, DEFAULT_TIME_ZONE } from './dates.ts';
import type { LeafDomainText } from '../../entities/domain-text.ts';
import { fitLogisticRegression, sigmoid } from './logistic-regression.ts';

/**
 * Churn probability (customers spec §5.2; docs/domain.md): logistic regression on the organization's own labelled
 * history, with documented default coefficients when the history is too small.
 *
 * Features are winsorised to a range and standardised with FIXED reference centres and scales (not the
 * training sample's), so coefficients of the default and of any trained model are in the same units and a
 * contribution always reads "compared with a typical customer": contribution = β × (x − centre) ÷ scale.
 * Training is ridge regression shrunk towards the default coefficients (λ = CHURN_L2), so a small history
 * moves the model only as far as the data justifies.
 */

export const CHURN_FEATURES = [
  'healthScore',
  'usageTrend',
  'daysSinceLastLogin',
  'ticketsLast30',
  'npsScore',
  'tenureMonths',
  'latePaymentsLast12',
] as const;
export type ChurnFeature = (typeof CHURN_FEATURES)[number];

export const churnFeaturesSchema = z.strictObject({
  /** Current health score, 0–100. */
  healthScore: z.number().min(0).max(100),
  /** Relative change of usage, last 30 days vs the 30 before: −0.65 = fell 65 %. ≥ −1; clipped at +1. */
  usageTrend: z.number().min(-1).max(1_000),
  /** Days since the last login by anyone of the customer; null = never logged in (counted as 90). */
  daysSinceLastLogin: z.number().int().min(0).nullable(),
  ticketsLast30: z.number().int().min(0),
  /** Latest NPS answer, 0–10; null = never answered (counted as typical, no contribution). */
  npsScore: z.number().int().min(0).max(10).nullable(),
  /** Completed months as a customer. */
  tenureMonths: z.number().int().min(0),
  /** Invoices paid after their due date in the last 12 months. */
  latePaymentsLast12: z.number().int().min(0),
});
export type ChurnFeatures = z.infer<typeof churnFeaturesSchema>;

/** Reference centre ("typical customer"), scale (one unit of the coefficient) and winsorising range. */
export const CHURN_FEATURE_SCALING: Readonly<
  Record<ChurnFeature, { centre: number; scale: number; min: number; max: number }>
> = {
  healthScore: { centre: 70, scale: 15, min: 0, max: 100 },
  usageTrend: { centre: 0, scale: 0.3, min: -1, max: 1 },
  daysSinceLastLogin: { centre: 5, scale: 10, min: 0, max: 90 },
  ticketsLast30: { centre: 1, scale: 2, min: 0, max: 20 },
  npsScore: { centre: 7.5, scale: 2, min: 0, max: 10 },
  tenureMonths: { centre: 18, scale: 12, min: 0, max: 60 },
  latePaymentsLast12: { centre: 0, scale: 1, min: 0, max: 12 },
};

/**
 * Default model, set from customer-success practice (not fitted): a typical customer churns with ≈ 10 %
 * (intercept −2.2 = logit 0.10); per scale unit above the typical value the log-odds change by β.
 * Health is the strongest protector; days without login, falling usage and late payments the strongest signals.
 */
export const DEFAULT_CHURN_INTERCEPT = -2.2;
export const DEFAULT_CHURN_COEFFICIENTS: Readonly<Record<ChurnFeature, number>> = {
  healthScore: -1.0,
  usageTrend: -0.6,
  daysSinceLastLogin: 0.7,
  ticketsLast30: 0.3,
  npsScore: -0.5,
  tenureMonths: -0.3,
  latePaymentsLast12: 0.4,
};

/** Below this many labelled customers, or this many of either class, the default model is used. */
export const MIN_TRAINING_ROWS = 30;
export const MIN_ROWS_PER_CLASS = 5;
/** Ridge strength towards the default coefficients. */
export const CHURN_L2 = 1;
/** Below this probability no churn date is predicted. */
export const MIN_PROBABILITY_FOR_DATE = 30;

const coefficientsSchema = z.strictObject(
  Object.fromEntries(CHURN_FEATURES.map((f) => [f, z.number()])) as Record<ChurnFeature, z.ZodNumber>,
);

/** What the server stores in its churn-model table (per organization). */
export const churnModelSchema = z.strictObject({
  kind: z.enum(['trained', 'default']),
  /** Bumped when features or scaling change: a stored model of another version must be retrained. */
  featureVersion: z.literal(1),
  intercept: z.number(),
  coefficients: coefficientsSchema,
  trainedRows: z.number().int().min(0),
  churnedRows: z.number().int().min(0),
  /** Why the default model is used (null for a trained one). */
  fallbackReason: z.enum(['too_few_rows', 'single_class', 'too_few_per_class']).nullable(),
  iterations: z.number().int().min(0),
  converged: z.boolean(),
  /** Mean log-loss on the training rows (null for the default model). */
  trainingLogLoss: z.number().nullable(),
});
export type ChurnModel = z.infer<typeof churnModelSchema>;

export const churnTrainingRowSchema = z.strictObject({
  /** Features as they were before the outcome: for a churned customer, a snapshot taken before it churned. */
  features: churnFeaturesSchema,
  churned: z.boolean(),
});
export type ChurnTrainingRow = z.infer<typeof churnTrainingRowSchema>;

export const DEFAULT_CHURN_MODEL: ChurnModel = Object.freeze({
  kind: 'default',
  featureVersion: 1,
  intercept: DEFAULT_CHURN_INTERCEPT,
  coefficients: { ...DEFAULT_CHURN_COEFFICIENTS },
  trainedRows: 0,
  churnedRows: 0,
  fallbackReason: 'too_few_rows',
  iterations: 0,
  converged: true,
  trainingLogLoss: null,
}) as ChurnModel;

/** Winsorised, standardised feature values in `CHURN_FEATURES` order. */
export function standardizeChurnFeatures(features: ChurnFeatures): number[] {
  return CHURN_FEATURES.map((f) => {
    const { centre, scale, min, max } = CHURN_FEATURE_SCALING[f];
    const raw = features[f];
    // Documented imputations: never logged in counts as the 90-day cap; unknown NPS counts as typical.
    const value = raw === null ? (f === 'daysSinceLastLogin' ? max : centre) : raw;
    return (Math.min(max, Math.max(min, value)) - centre) / scale;
  });
}

/**
 * Trains an organization's churn model from labelled customers. Deterministic. Falls back to the default model
 * (with the reason) below MIN_TRAINING_ROWS rows, when a class is missing or has fewer than MIN_ROWS_PER_CLASS.
 */
export function trainChurnModel(
  rows: readonly ChurnTrainingRow[],
  options: { l2?: number } = {},
): ChurnModel {
  const parsed = z.array(churnTrainingRowSchema).parse(rows);
  const churned = parsed.filter((r) => r.churned).length;
  const retained = parsed.length - churned;
  const fallback = (reason: NonNullable<ChurnModel['fallbackReason']>): ChurnModel => ({
    ...DEFAULT_CHURN_MODEL,
    coefficients: { ...DEFAULT_CHURN_COEFFICIENTS },
    trainedRows: parsed.length,
    churnedRows: churned,
    fallbackReason: reason,
  });
  if (churned === 0 || retained === 0)
    return fallback(parsed.length < MIN_TRAINING_ROWS ? 'too_few_rows' : 'single_class');
  if (parsed.length < MIN_TRAINING_ROWS) return fallback('too_few_rows');
  if (churned < MIN_ROWS_PER_CLASS || retained < MIN_ROWS_PER_CLASS) return fallback('too_few_per_class');

  const fit = fitLogisticRegression(
    parsed.map((r) => standardizeChurnFeatures(r.features)),
    parsed.map((r) => (r.churned ? 1 : 0)),
    { l2: options.l2 ?? CHURN_L2, prior: CHURN_FEATURES.map((f) => DEFAULT_CHURN_COEFFICIENTS[f]) },
  );
  return churnModelSchema.parse({
    kind: 'trained',
    featureVersion: 1,
    intercept: fit.intercept,
    coefficients: Object.fromEntries(CHURN_FEATURES.map((f, j) => [f, fit.weights[j]])),
    trainedRows: parsed.length,
    churnedRows: churned,
    fallbackReason: null,
    iterations: fit.iterations,
    converged: fit.converged,
    trainingLogLoss: fit.logLoss,
  });
}

export type ContributingFactor = z.infer<typeof contributingFactorSchema>;

export interface ChurnPrediction {
  /** 0–100, integer. */
  probability: number;
  logOdds: number;
  /** `YYYY-MM-DD`, null below MIN_PROBABILITY_FOR_DATE. */
  predictedChurnDate: string | null;
  /** The features that move the log-odds most (either way), largest |contribution| first. */
  factors: ContributingFactor[];
  /** Every feature's contribution, in CHURN_FEATURES order. */
  contributions: ContributingFactor[];
}

export interface ChurnPredictionContext {
  /** The next renewal: a churn usually materialises there, so the predicted date never passes it. */
  renewalDate?: string | null;
  timeZone?: string;
  /** `YYYY-MM-DD` of `now` in `timeZone` when the caller already has it (must equal `calendarDate(now, timeZone)`). */
  today?: string;
  /** How many top factors to return (default 3). */
  topFactors?: number;
}

/**
 * One feature's contribution as a domain-text code, e.g. `churn.lastLogin {days: 14, direction: 'raises'}`
 * ("Último login há 14 dias (aumenta o risco)" in pt-BR).
 */
export function churnFactorLabel(f: ChurnFeature, v: ChurnFeatures, contribution: number): LeafDomainText {
  const direction = contribution > 0 ? 'raises' : contribution < 0 ? 'lowers' : 'neutral';
  switch (f) {
    case 'healthScore':
      return { code: 'churn.healthScore', params: { score: Math.round(v.healthScore), direction } };
    case 'usageTrend': {
      const percent = Math.round(Math.abs(v.usageTrend) * 100);
      if (percent === 0) return { code: 'churn.usageStable', params: { direction } };
      return {
        code: v.usageTrend < 0 ? 'churn.usageFell' : 'churn.usageRose',
        params: { percent, direction },
      };
    }
    case 'daysSinceLastLogin':
      return v.daysSinceLastLogin === null
        ? { code: 'churn.neverLoggedIn', params: { direction } }
        : v.daysSinceLastLogin === 0
          ? { code: 'churn.loggedInToday', params: { direction } }
          : { code: 'churn.lastLogin', params: { days: v.daysSinceLastLogin, direction } };
    case 'ticketsLast30':
      return { code: 'churn.tickets', params: { count: v.ticketsLast30, direction } };
    case 'npsScore':
      return v.npsScore === null
        ? { code: 'churn.npsUnanswered', params: { direction } }
        : { code: 'churn.nps', params: { score: v.npsScore, direction } };
    case 'tenureMonths':
      return { code: 'churn.tenure', params: { months: v.tenureMonths, direction } };
    case 'latePaymentsLast12':
      return { code: 'churn.latePayments', params: { count: v.latePaymentsLast12, direction } };
  }
}

/**
 * Predicted churn date (heuristic, documented): none below 30 %; otherwise
 * days = 15 + 165 × (1 − p), shortened by half the usage decline (usage −60 % → × 0.7), at least 7 days;
 * if the next renewal falls before that date, the renewal date (customers leave at renewal).
 */
export function predictedChurnDate(
  probability: number,
  usageTrend: number,
  today: string,
  renewalDate?: string | null,
): string | null {
  if (probability < MIN_PROBABILITY_FOR_DATE) return null;
  const p = probability / 100;
  const decline = Math.max(-1, Math.min(0, usageTrend));
  const days = Math.max(7, Math.round((15 + 165 * (1 - p)) * (1 + decline / 2)));
  const date = addDays(today, days);
  if (renewalDate && daysBetween(today, renewalDate) >= 0 && renewalDate < date) return renewalDate;
  return date;
}

/** Churn probability of one customer with `model` at instant `now`. Throws a `ZodError` on invalid input. */
export function predictChurn(
  model: ChurnModel,
  features: ChurnFeatures,
  now: Date,
  context: ChurnPredictionContext = {},
): ChurnPrediction {
  const m = churnModelSchema.parse(model);
  const v = churnFeaturesSchema.parse(features);
  const x = standardizeChurnFeatures(v);
  const contributions = CHURN_FEATURES.map((f, j) => {
    const contribution = m.coefficients[f] * x[j]! + 0; // + 0 turns −0 into 0
    return { feature: f, label: churnFactorLabel(f, v, contribution), contribution };
  });
  const logOdds = m.intercept + contributions.reduce((s, c) => s + c.contribution, 0);
  const probability = Math.round(sigmoid(logOdds) * 100);
  const today = context.today ?? calendarDate(now, context.timeZone ?? DEFAULT_TIME_ZONE);
  const factors = [...contributions]
    .filter((c) => Math.abs(c.contribution) > 1e-9)
    .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution))
    .slice(0, context.topFactors ?? 3);
  return {
    probability,
    logOdds,
    predictedChurnDate: predictedChurnDate(probability, v.usageTrend, today, context.renewalDate),
    factors,
    contributions,
  };
}
