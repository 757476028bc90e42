import { describe, expect, it } from 'vitest';
import { monthEndOutlook } from './outlook.ts';
import { makeDay } from './test-fixtures.ts';

const october = (values: { leads: number; revenueCents: number; adSpendCents: number }[]) => ({
  month: '2025-10',
  days: values.map((v, i) => makeDay(`2025-10-${String(i + 1).padStart(2, '0')}`, v)),
});

/** Dashboard §2C: 5,4,5,4,5 leads, R$ 2.160 of revenue and R$ 490 of ad spend a day, October 1–5. */
const SEED_DAYS = [5, 4, 5, 4, 5].map((leads) => ({ leads, revenueCents: 216_000, adSpendCents: 49_000 }));

describe('monthEndOutlook', () => {
  it('seed: ~140 leads, ~R$ 67K, ROI projetado 340 % → aumentar o budget em 20 %', () => {
    const r = monthEndOutlook({ metrics: [october(SEED_DAYS)], asOf: '2025-10-05' });
    expect(r.kind).toBe('projected');
    if (r.kind !== 'projected') return;
    expect(r.leads.projected).toBe(140);
    expect(r.revenue.projected).toBe(6_696_000); // R$ 2.160 × 31
    expect(r.adSpend.projected).toBe(1_519_000); // R$ 490 × 31
    expect(r.roi).toMatchObject({ kind: 'computed', roiPercentDisplay: 340 }); // 5.177 ÷ 1.519 = 3,408
    expect(r).toMatchObject({ lastDataDay: 5, daysInMonth: 31 });
    expect(r.recommendation).toEqual({
      code: 'outlook.increaseBudget',
      params: { percent: 20, roiPercent: 340 },
    });
  });

  it.each([
    // revenue per day, ad spend per day → projected ROI → code
    { revenue: 40_000, spend: 10_000, code: 'outlook.increaseBudget', roi: 300 }, // exactly 300 % recommends more
    { revenue: 39_900, spend: 10_000, code: 'outlook.keepBudget', roi: 299 },
    { revenue: 20_000, spend: 10_000, code: 'outlook.keepBudget', roi: 100 }, // exactly 100 % keeps it
    { revenue: 19_900, spend: 10_000, code: 'outlook.reviewCampaigns', roi: 99 },
    { revenue: 0, spend: 10_000, code: 'outlook.reviewCampaigns', roi: -100 },
  ])('$revenue/$spend a day → ROI $roi % → $code', ({ revenue, spend, code, roi }) => {
    const days = Array.from({ length: 3 }, () => ({ leads: 1, revenueCents: revenue, adSpendCents: spend }));
    const r = monthEndOutlook({ metrics: [october(days)], asOf: '2025-10-03' });
    if (r.kind !== 'projected') throw new Error('expected a projection');
    expect(r.recommendation).toEqual({
      code,
      params: { roiPercent: roi, ...(code === 'outlook.increaseBudget' ? { percent: 20 } : {}) },
    });
  });

  it('no ad spend: no ROI, the recommendation says so', () => {
    const days = [{ leads: 2, revenueCents: 10_000, adSpendCents: 0 }];
    const r = monthEndOutlook({ metrics: [october(days)], asOf: '2025-10-01' });
    expect(r).toMatchObject({ kind: 'projected', roi: { kind: 'not_computable' } });
    if (r.kind === 'projected')
      expect(r.recommendation).toEqual({ code: 'outlook.noInvestment', params: {} });
  });

  it('thresholds are parameters', () => {
    const days = [{ leads: 1, revenueCents: 20_000, adSpendCents: 10_000 }];
    const r = monthEndOutlook({ metrics: [october(days)], asOf: '2025-10-01', increaseFromRoi: 0.5 });
    if (r.kind === 'projected') expect(r.recommendation.code).toBe('outlook.increaseBudget');
    else throw new Error('expected a projection');
  });

  it('only asOf’s month up to asOf counts; a month without days is no data', () => {
    const metrics = [october(SEED_DAYS), { month: '2025-09', days: [makeDay('2025-09-30', { leads: 99 })] }];
    expect(monthEndOutlook({ metrics, asOf: '2025-11-02' })).toEqual({ kind: 'no_data', month: '2025-11' });
    const early = monthEndOutlook({ metrics, asOf: '2025-10-02' });
    expect(early).toMatchObject({ kind: 'projected', lastDataDay: 2, leads: { actualToDate: 9 } });
  });

  it('refuses a malformed asOf', () => {
    expect(() => monthEndOutlook({ metrics: [], asOf: '2025-13-01' })).toThrow();
  });
});
