import { z } from 'zod';
import { isoDate } from '../../entities/common.ts';
import type { DomainTextOf } from '../../entities/domain-text.ts';
import { metricsSchema } from '../../entities/portal.ts';
import { daysOfMonth } from './performance.ts';
import { projectMetric, type ProjectionResult } from './projection.ts';
import { computeRoi, type RoiResult } from './roi.ts';
import { monthOf } from './time.ts';

/**
 * The month-end outlook (dashboard §2C "Projeções Inteligentes"): "Se manter ritmo atual: ~140 leads até fim
 * do mês, ~R$ 67K revenue estimado, ROI projetado: 340 %. 💡 Recomendação: aumentar budget em 20 % para
 * maximizar momentum."
 *
 * - Leads, revenue and ad spend of asOf's month (days up to asOf) are each projected to the month's last day by
 *   the least-squares line of projection.ts.
 * - Projected ROI = computeRoi(projected revenue, projected ad spend) (roi.ts): the seed's 340 % is that
 *   formula on projected figures.
 * - The recommendation is a domain-text code (rendered per language by shared/domain-text/), chosen by the
 *   projected ROI:
 *
 *   | projected ROI                 | code                          | seed sentence                               |
 *   | ----------------------------- | ----------------------------- | ------------------------------------------- |
 *   | ≥ 300 %                       | `outlook.increaseBudget` (20) | "Aumentar o budget em 20% para maximizar…"  |
 *   | 100 % … < 300 %               | `outlook.keepBudget`          | keep it and move spend to the best campaign |
 *   | < 100 %                       | `outlook.reviewCampaigns`     | review campaigns before investing more      |
 *   | no ad spend (ROI undefined)   | `outlook.noInvestment`        | talk to the account manager about campaigns |
 *
 *   300 % is where the seed recommends more budget (340 %); 100 % is break-even twice over (every R$ 1 brings
 *   R$ 2) — below it more spend mostly buys more cost. Thresholds are parameters with these defaults.
 * - No day of the month stored → `no_data` (the screen says so), never a projection of zeros.
 */
export const OUTLOOK_DEFAULTS = {
  /** Projected ROI (ratio) from which more budget is recommended: 3 = 300 %. */
  increaseFromRoi: 3,
  /** Projected ROI below which campaigns should be reviewed: 1 = 100 %. */
  reviewBelowRoi: 1,
  /** The budget increase recommended (percent), as in the seed. */
  increasePercent: 20,
} as const;

export const outlookInputSchema = z.strictObject({
  metrics: z.array(metricsSchema.pick({ month: true, days: true })).max(240),
  asOf: isoDate,
  increaseFromRoi: z.number().positive().max(100).default(OUTLOOK_DEFAULTS.increaseFromRoi),
  reviewBelowRoi: z.number().min(0).max(100).default(OUTLOOK_DEFAULTS.reviewBelowRoi),
  increasePercent: z.number().int().min(1).max(100).default(OUTLOOK_DEFAULTS.increasePercent),
});
export type OutlookInput = z.input<typeof outlookInputSchema>;

export type OutlookRecommendation =
  | DomainTextOf<'outlook.increaseBudget'>
  | DomainTextOf<'outlook.keepBudget'>
  | DomainTextOf<'outlook.reviewCampaigns'>
  | DomainTextOf<'outlook.noInvestment'>;

export type MonthEndOutlook =
  | { kind: 'no_data'; month: string }
  | {
      kind: 'projected';
      month: string;
      /** Last day of the month with data and the month's length ("day 6 of 31"). */
      lastDataDay: number;
      daysInMonth: number;
      leads: Extract<ProjectionResult, { kind: 'projected' }>;
      revenue: Extract<ProjectionResult, { kind: 'projected' }>;
      adSpend: Extract<ProjectionResult, { kind: 'projected' }>;
      roi: RoiResult;
      recommendation: OutlookRecommendation;
    };

export function monthEndOutlook(input: OutlookInput): MonthEndOutlook {
  const { metrics, asOf, increaseFromRoi, reviewBelowRoi, increasePercent } = outlookInputSchema.parse(input);
  const month = monthOf(asOf);
  const days = daysOfMonth(metrics, month, asOf);
  const doc = { month, days };
  const leads = projectMetric(doc, 'leads');
  const revenue = projectMetric(doc, 'revenueCents');
  const adSpend = projectMetric(doc, 'adSpendCents');
  if (leads.kind === 'no_data' || revenue.kind === 'no_data' || adSpend.kind === 'no_data')
    return { kind: 'no_data', month };

  const roi = computeRoi({ revenueCents: revenue.projected, investmentCents: adSpend.projected });
  let recommendation: OutlookRecommendation;
  if (roi.kind === 'not_computable') recommendation = { code: 'outlook.noInvestment', params: {} };
  else {
    const roiPercent = roi.roiPercentDisplay;
    if (roi.roi >= increaseFromRoi)
      recommendation = { code: 'outlook.increaseBudget', params: { percent: increasePercent, roiPercent } };
    else if (roi.roi >= reviewBelowRoi)
      recommendation = { code: 'outlook.keepBudget', params: { roiPercent } };
    else recommendation = { code: 'outlook.reviewCampaigns', params: { roiPercent } };
  }
  return {
    kind: 'projected',
    month,
    lastDataDay: leads.lastDataDay,
    daysInMonth: leads.daysInMonth,
    leads,
    revenue,
    adSpend,
    roi,
    recommendation,
  };
}
