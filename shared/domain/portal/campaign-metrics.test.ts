import { describe, expect, it } from 'vitest';
import type { CampaignDay } from '../../entities/portal.ts';
import { evaluateAbTest } from './ab-test.ts';
import { campaignPerformance, campaignTotals, visitorsStillNeeded } from './campaign-metrics.ts';
import { makeCampaign } from './test-fixtures.ts';

const day = (date: string, over: Partial<CampaignDay> = {}): CampaignDay => ({
  date,
  impressions: 0,
  clicks: 0,
  spendCents: 0,
  conversions: 0,
  revenueCents: 0,
  ...over,
});

/**
 * The seed's campaigns (dashboard §4A) as two days each: the totals of the flight land on the day before
 * yesterday; yesterday's and today's rows carry the conversions the card compares.
 */
const seedCampaign = (t: {
  budgetCents: number;
  spendCents: number;
  clicks: number;
  impressions: number;
  today: number;
  yesterday: number;
}) =>
  makeCampaign(1, {
    budgetCents: t.budgetCents,
    daily: [
      day('2025-10-02', {
        spendCents: t.spendCents,
        clicks: t.clicks,
        impressions: t.impressions,
        revenueCents: 1_480_000,
      }),
      day('2025-10-03', { conversions: t.yesterday }),
      day('2025-10-04', { conversions: t.today }),
    ],
  });

const google = seedCampaign({
  budgetCents: 500_000,
  spendCents: 324_000,
  clicks: 1_800,
  impressions: 56_250,
  today: 18,
  yesterday: 12,
});
const meta = seedCampaign({
  budgetCents: 200_000,
  spendCents: 189_000,
  clicks: 1_989,
  impressions: 110_500,
  today: 12,
  yesterday: 14,
});

describe('campaignPerformance', () => {
  it('seed: Serviços Premium — R$ 3.240 of R$ 5.000, CTR 3,2 %, CPC R$ 1,80, 18 conversions (+6), performing well', () => {
    const p = campaignPerformance({ campaign: google, today: '2025-10-04', leads: 9 });
    expect(p).toMatchObject({
      budgetCents: 500_000,
      budgetUsed: 0.648,
      ctrPercentDisplay: 3.2,
      cpcCents: 180,
      conversionsToday: 18,
      conversionsYesterday: 12,
      conversionsChange: 6,
      cplCents: 36_000,
      status: { kind: 'performing_well' },
    });
    expect(p.totals.spendCents).toBe(324_000);
    expect(p.roasDisplay).toBe(4.56); // 14.800 ÷ 3.240 = 4.567… truncated
  });

  it('seed: Retargeting — R$ 1.890 of R$ 2.000, CTR 1,8 %, CPC R$ 0,95, 12 conversions (−2), needs optimisation', () => {
    const p = campaignPerformance({ campaign: meta, today: '2025-10-04', leads: 0 });
    expect(p).toMatchObject({
      ctrPercentDisplay: 1.8,
      cpcCents: 95,
      conversionsToday: 12,
      conversionsChange: -2,
      cplCents: null,
      status: { kind: 'needs_optimization', reasons: ['budget_nearly_spent', 'conversions_falling'] },
    });
  });

  it.each([
    {
      name: 'no impressions or clicks: CTR and CPC unknown, not 0',
      campaign: makeCampaign(2, { daily: [day('2025-10-04')] }),
      expected: { ctr: null, cpcCents: null, roas: null, status: { kind: 'performing_well' } },
    },
    {
      name: 'no row for today: the change is unknown',
      campaign: makeCampaign(3, { daily: [day('2025-10-03', { conversions: 4 })] }),
      expected: { conversionsToday: null, conversionsYesterday: 4, conversionsChange: null },
    },
    {
      name: 'low CTR on enough impressions',
      campaign: makeCampaign(4, {
        daily: [day('2025-10-04', { impressions: 10_000, clicks: 50, spendCents: 1000, conversions: 1 })],
      }),
      expected: { status: { kind: 'needs_optimization', reasons: ['low_ctr'] } },
    },
    {
      name: 'spend without any conversion',
      campaign: makeCampaign(5, {
        daily: [day('2025-10-04', { impressions: 500, clicks: 30, spendCents: 900 })],
      }),
      expected: { status: { kind: 'needs_optimization', reasons: ['no_conversions'] } },
    },
    {
      name: 'a paused campaign is inactive whatever its figures',
      campaign: makeCampaign(6, { status: 'paused', daily: [day('2025-10-04', { spendCents: 900 })] }),
      expected: { status: { kind: 'inactive' } },
    },
  ])('$name', ({ campaign, expected }) => {
    expect(campaignPerformance({ campaign, today: '2025-10-04', leads: 0 })).toMatchObject(expected);
  });

  it('sums every daily row', () => {
    expect(campaignTotals(google.daily)).toEqual({
      impressions: 56_250,
      clicks: 1_800,
      spendCents: 324_000,
      conversions: 30,
      revenueCents: 1_480_000,
    });
  });
});

describe('visitorsStillNeeded', () => {
  const a = { name: 'A', visitors: 1_240, conversions: 29 };
  const b = { name: 'B', visitors: 1_198, conversions: 37 };

  it('seed: the inconclusive test needs 2.368 more visitors per variant at 95 %', () => {
    expect(evaluateAbTest({ variantA: a, variantB: b }).verdict).toEqual({
      kind: 'inconclusive',
      reason: 'not_significant',
    });
    expect(visitorsStillNeeded(a, b)).toBe(2_368);
  });

  it('at that sample size the same rates would be significant', () => {
    const n = 1_240 + 2_368;
    const scaled = (v: typeof a) => ({
      name: v.name,
      visitors: n,
      conversions: Math.round((v.conversions / v.visitors) * n),
    });
    expect(evaluateAbTest({ variantA: scaled(a), variantB: scaled(b) }).verdict.kind).toBe('winner');
  });

  it.each([
    { name: 'equal rates never separate', b: { visitors: 1_240, conversions: 29 }, expected: null },
    { name: 'no visitors yet', b: { visitors: 0, conversions: 0 }, expected: null },
    { name: 'already enough', b: { visitors: 20_000, conversions: 2_000 }, expected: 0 },
  ])('$name', ({ b: other, expected }) => {
    expect(visitorsStillNeeded(a, other)).toBe(expected);
  });
});
