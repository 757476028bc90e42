import { errorFunction } from 'simple-statistics';
import { z } from 'zod';
import { abVariantSchema } from '../../entities/portal.ts';
import { formatSignedPercentPtBr, truncateTowardZero } from './numbers.ts';

/**
 * A/B test significance (dashboard §4B): two-proportion z-test with a pooled proportion.
 *
 *   p̂A = cA/nA, p̂B = cB/nB, p̂ = (cA+cB)/(nA+nB)
 *   z  = (p̂B − p̂A) / √( p̂(1−p̂)(1/nA + 1/nB) )
 *   p-value (two-sided) = 2·(1 − Φ(|z|)),  confidence = 1 − p-value
 *   lift = p̂B / p̂A − 1   (relative change of B over A)
 *
 * Φ is computed from simple-statistics' `errorFunction` (Φ(z) = ½(1 + erf(z/√2)), error < 1.2e-7), not its
 * `cumulativeStdNormalProbability`, which looks z up in a table rounded to 0.01.
 *
 * A winner is declared only at ≥ 95% confidence (configurable) **and** when the sample is large enough for the
 * normal approximation: every variant has ≥ `minVisitorsPerVariant` visitors (default 100) and at least 5
 * expected conversions and 5 expected non-conversions under the pooled rate (n·p̂ ≥ 5, n·(1−p̂) ≥ 5).
 * Anything else is "inconclusive" with the reason.
 *
 * Seed (2.3% of 1.240 vs 3.1% of 1.198): the stored data are counts, so the rates become 29/1240 and
 * 37/1198 (2.3% × 1240 = 28.52 → 29, 3.1% × 1198 = 37.14 → 37). Lift from those counts is +32.06%; the seed's
 * headline "+34.7%" is the lift of the rounded rates 3.1/2.3 − 1 = 34.78…%, truncated (see `relativeLift`).
 * The test itself is **not** significant (z ≈ 1.14, confidence ≈ 74.6%): the seed's "🏆 Vencedor" would be
 * shown as inconclusive here — by design, we never crown a winner below 95%.
 */
export const abVariantInputSchema = abVariantSchema.refine((v) => v.conversions <= v.visitors, {
  message: 'conversions cannot exceed visitors',
  path: ['conversions'],
});

export const abTestInputSchema = z.strictObject({
  variantA: abVariantInputSchema,
  variantB: abVariantInputSchema,
  /** Confidence required to declare a winner (0.95 = 95%). */
  requiredConfidence: z.number().min(0.5).max(0.9999).default(0.95),
  minVisitorsPerVariant: z.number().int().min(1).default(100),
});
export type AbTestInput = z.input<typeof abTestInputSchema>;

export type AbVerdict =
  | { kind: 'winner'; variant: 'A' | 'B' }
  | {
      kind: 'inconclusive';
      reason: 'insufficient_sample' | 'not_significant' | 'no_variation';
    };

export interface AbTestResult {
  rateA: number;
  rateB: number;
  /** p̂B/p̂A − 1; null when A has no conversions (relative change undefined). */
  lift: number | null;
  /** Lift in percent truncated to one decimal (e.g. 32.0), null as above. */
  liftPercentDisplay: number | null;
  /** "+32,0%" */
  liftLabel: string | null;
  /** z statistic; null when the pooled variance is 0 (no conversions at all, or everyone converted). */
  z: number | null;
  pValue: number;
  /** 1 − p-value, 0…1. */
  confidence: number;
  /** Confidence in percent truncated to one decimal (74.6). */
  confidencePercentDisplay: number;
  sampleSufficient: boolean;
  verdict: AbVerdict;
}

/** Standard normal CDF. */
export const normalCdf = (z: number): number => 0.5 * (1 + errorFunction(z / Math.SQRT2));

/**
 * Relative lift between two rates given as numbers (e.g. the seed's displayed 2.3 and 3.1 → 0.3478…).
 * Null when the base rate is 0.
 */
export function relativeLift(rateA: number, rateB: number): number | null {
  z.number().min(0).parse(rateA);
  z.number().min(0).parse(rateB);
  return rateA === 0 ? null : rateB / rateA - 1;
}

export function evaluateAbTest(input: AbTestInput): AbTestResult {
  const {
    variantA: a,
    variantB: b,
    requiredConfidence,
    minVisitorsPerVariant,
  } = abTestInputSchema.parse(input);

  const rateA = a.visitors === 0 ? 0 : a.conversions / a.visitors;
  const rateB = b.visitors === 0 ? 0 : b.conversions / b.visitors;
  const lift = a.conversions === 0 ? null : rateB / rateA - 1;
  const liftPercentDisplay = lift === null ? null : truncateTowardZero(lift * 100, 1);

  const n = a.visitors + b.visitors;
  const pooled = n === 0 ? 0 : (a.conversions + b.conversions) / n;
  const variance = pooled * (1 - pooled) * (a.visitors && b.visitors ? 1 / a.visitors + 1 / b.visitors : 0);
  const zStat = variance > 0 ? (rateB - rateA) / Math.sqrt(variance) : null;
  const pValue = zStat === null ? 1 : Math.min(1, Math.max(0, 2 * (1 - normalCdf(Math.abs(zStat)))));
  const confidence = 1 - pValue;

  const approxHolds = (visitors: number) => visitors * pooled >= 5 && visitors * (1 - pooled) >= 5;
  const sampleSufficient =
    a.visitors >= minVisitorsPerVariant &&
    b.visitors >= minVisitorsPerVariant &&
    approxHolds(a.visitors) &&
    approxHolds(b.visitors);

  let verdict: AbVerdict;
  if (!sampleSufficient) verdict = { kind: 'inconclusive', reason: 'insufficient_sample' };
  else if (zStat === null || zStat === 0) verdict = { kind: 'inconclusive', reason: 'no_variation' };
  else if (confidence < requiredConfidence) verdict = { kind: 'inconclusive', reason: 'not_significant' };
  else verdict = { kind: 'winner', variant: zStat > 0 ? 'B' : 'A' };

  return {
    rateA,
    rateB,
    lift,
    liftPercentDisplay,
    liftLabel: liftPercentDisplay === null ? null : formatSignedPercentPtBr(liftPercentDisplay, 1),
    z: zStat,
    pValue,
    confidence,
    confidencePercentDisplay: truncateTowardZero(confidence * 100, 1),
    sampleSufficient,
    verdict,
  };
}
