import { z } from 'zod';
import { nonNegativeCents } from '../../entities/common.ts';
import { formatDecimalPtBr, truncateTowardZero } from './numbers.ts';

/**
 * Return on investment (dashboard §5B "ROI Calculator").
 *
 *   ROI            = (revenue − investment) / investment
 *   return per R$1 = revenue / investment            ("Cada R$ 1 investido retornou R$ X")
 *   net profit     = revenue − investment            (integer cents, exact)
 *
 * Seed: R$ 43.200 on R$ 8.500 → ROI 4.08235… = 408.235…% → shown "408%"; 5.08235… → "R$ 5,08";
 * net profit R$ 34.700. Display values are truncated toward zero (numbers.ts), so they never overstate.
 * Investment 0 has no ratio: the result is the typed `not_computable` variant, never Infinity/NaN.
 */
export const roiInputSchema = z.strictObject({
  revenueCents: nonNegativeCents,
  investmentCents: nonNegativeCents,
});
export type RoiInput = z.input<typeof roiInputSchema>;

export type RoiResult =
  | {
      kind: 'computed';
      revenueCents: number;
      investmentCents: number;
      netProfitCents: number;
      /** Exact ratio, e.g. 4.0823529… for the seed. */
      roi: number;
      /** ROI in percent truncated to an integer: 408 for the seed. */
      roiPercentDisplay: number;
      /** Revenue per R$ 1 invested, exact: 5.0823529… */
      returnPerReal: number;
      /** Truncated to centavos: 5.08. */
      returnPerRealDisplay: number;
      /** "408%" */
      roiLabel: string;
      /** "Cada R$ 1 investido retornou R$ 5,08" */
      returnLabel: string;
    }
  | {
      kind: 'not_computable';
      reason: 'zero_investment';
      revenueCents: number;
      investmentCents: 0;
      netProfitCents: number;
      message: string;
    };

export function computeRoi(input: RoiInput): RoiResult {
  const { revenueCents, investmentCents } = roiInputSchema.parse(input);
  const netProfitCents = revenueCents - investmentCents;
  if (investmentCents === 0) {
    return {
      kind: 'not_computable',
      reason: 'zero_investment',
      revenueCents,
      investmentCents: 0,
      netProfitCents,
      message: 'Sem investimento no período: ROI não se aplica.',
    };
  }
  const roi = netProfitCents / investmentCents;
  const returnPerReal = revenueCents / investmentCents;
  const roiPercentDisplay = truncateTowardZero(roi * 100, 0);
  const returnPerRealDisplay = truncateTowardZero(returnPerReal, 2);
  return {
    kind: 'computed',
    revenueCents,
    investmentCents,
    netProfitCents,
    roi,
    roiPercentDisplay,
    returnPerReal,
    returnPerRealDisplay,
    roiLabel: `${formatDecimalPtBr(roiPercentDisplay, 0)}%`,
    returnLabel: `Cada R$ 1 investido retornou R$ ${formatDecimalPtBr(returnPerRealDisplay, 2)}`,
  };
}
