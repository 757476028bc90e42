import type { Campaign, CampaignDay } from '../../entities/portal.ts';
import { dateFromDayNumber, dayNumber } from './time.ts';
import { truncateTowardZero } from './numbers.ts';

/**
 * A campaign's figures (dashboard §4A "[Google Ads] Serviços Premium • Budget: R$5,000 | Gasto: R$3,240 •
 * CTR: 3.2% | CPC: R$1.80 • Conversões: 18 (↑6 vs ontem) • Status: ✅ Performance Excelente").
 *
 * From the campaign's daily rows (all of them: a campaign's budget is for its whole flight):
 *
 *   spend = Σ spend, CTR = Σ clicks ÷ Σ impressions, CPC = spend ÷ Σ clicks,
 *   ROAS = Σ revenue ÷ spend, CPL = spend ÷ leads attributed to the campaign (`lead.campaignId`),
 *   budget used = spend ÷ budget, conversions today / yesterday from the rows of those calendar dates.
 *
 * Display values follow the portal's policy (docs/domain-client.md): ratios truncated toward zero (CTR to one
 * decimal of a percent, ROAS to two decimals), money per unit truncated to whole cents. A ratio whose
 * denominator is zero is null ("—"), never 0 or ∞.
 *
 * Status of an active campaign: "needs optimisation" when any of these holds, else "performing well":
 * - `budget_nearly_spent`: ≥ 90 % of the budget spent (configurable);
 * - `conversions_falling`: fewer conversions today than yesterday;
 * - `low_ctr`: CTR below 1 % (configurable) with at least 1.000 impressions;
 * - `no_conversions`: money spent and no conversion at all.
 * Paused and completed campaigns are `inactive`. Seed: Serviços Premium (64,8 % spent, 18 vs 12) performs
 * well; Retargeting (94,5 % spent, 12 vs 14) needs optimisation.
 */
export interface CampaignTotals {
  impressions: number;
  clicks: number;
  spendCents: number;
  conversions: number;
  revenueCents: number;
}

export function campaignTotals(days: readonly CampaignDay[]): CampaignTotals {
  const totals: CampaignTotals = {
    impressions: 0,
    clicks: 0,
    spendCents: 0,
    conversions: 0,
    revenueCents: 0,
  };
  for (const d of days) {
    totals.impressions += d.impressions;
    totals.clicks += d.clicks;
    totals.spendCents += d.spendCents;
    totals.conversions += d.conversions;
    totals.revenueCents += d.revenueCents;
  }
  return totals;
}

export type CampaignIssue = 'budget_nearly_spent' | 'conversions_falling' | 'low_ctr' | 'no_conversions';
export type CampaignStatus =
  | { kind: 'performing_well' }
  | { kind: 'needs_optimization'; reasons: CampaignIssue[] }
  | { kind: 'inactive' };

export interface CampaignThresholds {
  /** Share of the budget spent from which the campaign needs attention (0.9 = 90 %). */
  budgetWarning: number;
  /** CTR under which the campaign needs attention (0.01 = 1 %). */
  minCtr: number;
  /** Impressions needed before the CTR is judged. */
  minImpressionsForCtr: number;
}

export const DEFAULT_CAMPAIGN_THRESHOLDS: CampaignThresholds = {
  budgetWarning: 0.9,
  minCtr: 0.01,
  minImpressionsForCtr: 1000,
};

export interface CampaignPerformance {
  totals: CampaignTotals;
  budgetCents: number;
  /** spend ÷ budget; null without a budget. */
  budgetUsed: number | null;
  ctr: number | null;
  /** CTR in percent truncated to one decimal (3.2). */
  ctrPercentDisplay: number | null;
  /** spend ÷ clicks truncated to whole cents (180 = R$ 1,80). */
  cpcCents: number | null;
  /** Null when the campaign has no row for that date. */
  conversionsToday: number | null;
  conversionsYesterday: number | null;
  /** today − yesterday; null unless both are known. */
  conversionsChange: number | null;
  leads: number;
  /** spend ÷ attributed leads truncated to whole cents. */
  cplCents: number | null;
  roas: number | null;
  /** ROAS truncated to two decimals (4.56). */
  roasDisplay: number | null;
  status: CampaignStatus;
}

export interface CampaignPerformanceInput {
  campaign: Pick<Campaign, 'budgetCents' | 'status' | 'daily'>;
  /** Today's calendar date in the reader's time zone (`YYYY-MM-DD`). */
  today: string;
  /** Leads attributed to the campaign. */
  leads: number;
  thresholds?: CampaignThresholds;
}

const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

export function campaignPerformance(input: CampaignPerformanceInput): CampaignPerformance {
  const { campaign, today, leads } = input;
  const thresholds = input.thresholds ?? DEFAULT_CAMPAIGN_THRESHOLDS;
  const totals = campaignTotals(campaign.daily);
  const yesterday = dateFromDayNumber(dayNumber(today) - 1);
  const conversionsOn = (date: string) => campaign.daily.find((d) => d.date === date)?.conversions ?? null;
  const conversionsToday = conversionsOn(today);
  const conversionsYesterday = conversionsOn(yesterday);
  const conversionsChange =
    conversionsToday === null || conversionsYesterday === null
      ? null
      : conversionsToday - conversionsYesterday;

  const ctr = ratio(totals.clicks, totals.impressions);
  const cpc = ratio(totals.spendCents, totals.clicks);
  const cpl = ratio(totals.spendCents, leads);
  const roas = ratio(totals.revenueCents, totals.spendCents);
  const budgetUsed = ratio(totals.spendCents, campaign.budgetCents);

  let status: CampaignStatus;
  if (campaign.status !== 'active') status = { kind: 'inactive' };
  else {
    const reasons: CampaignIssue[] = [];
    if (budgetUsed !== null && budgetUsed >= thresholds.budgetWarning) reasons.push('budget_nearly_spent');
    if (conversionsChange !== null && conversionsChange < 0) reasons.push('conversions_falling');
    if (ctr !== null && totals.impressions >= thresholds.minImpressionsForCtr && ctr < thresholds.minCtr)
      reasons.push('low_ctr');
    if (totals.spendCents > 0 && totals.conversions === 0) reasons.push('no_conversions');
    status = reasons.length === 0 ? { kind: 'performing_well' } : { kind: 'needs_optimization', reasons };
  }

  return {
    totals,
    budgetCents: campaign.budgetCents,
    budgetUsed,
    ctr,
    ctrPercentDisplay: ctr === null ? null : truncateTowardZero(ctr * 100, 1),
    cpcCents: cpc === null ? null : truncateTowardZero(cpc, 0),
    conversionsToday,
    conversionsYesterday,
    conversionsChange,
    leads,
    cplCents: cpl === null ? null : truncateTowardZero(cpl, 0),
    roas,
    roasDisplay: roas === null ? null : truncateTowardZero(roas, 2),
    status,
  };
}

/**
 * Visitors an A/B test still needs for a winner, assuming the observed rates hold: the smallest per-variant
 * sample n with the two-proportion z ≥ the critical value of `requiredConfidence` (two-sided), minus the
 * larger variant's visitors today. Null when the rates are equal (no sample is ever enough).
 *
 *   n = z² · 2·p̄(1−p̄) / (pB − pA)²,  p̄ = (pA + pB) / 2   (equal allocation)
 *
 * Seed (29/1.240 vs 37/1.198, 95 %): n = 3.608 per variant, so 2.368 more visitors per variant (beyond the larger 1.240).
 */
export function visitorsStillNeeded(
  a: { visitors: number; conversions: number },
  b: { visitors: number; conversions: number },
  zCritical = 1.959964,
): number | null {
  if (a.visitors === 0 || b.visitors === 0) return null;
  const pA = a.conversions / a.visitors;
  const pB = b.conversions / b.visitors;
  if (pA === pB) return null;
  const pBar = (pA + pB) / 2;
  const n = Math.ceil((zCritical ** 2 * 2 * pBar * (1 - pBar)) / (pB - pA) ** 2);
  return Math.max(0, n - Math.max(a.visitors, b.visitors));
}
