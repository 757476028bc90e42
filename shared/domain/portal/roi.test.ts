import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { computeRoi } from './roi.ts';

describe('computeRoi', () => {
  it('reproduces the seed: R$ 43.200 on R$ 8.500 → ROI 408%, R$ 5,08 per R$ 1, profit R$ 34.700', () => {
    const r = computeRoi({ revenueCents: 4_320_000, investmentCents: 850_000 });
    expect(r.kind).toBe('computed');
    if (r.kind !== 'computed') return;
    expect(r.roi).toBeCloseTo(34_700 / 8_500, 12); // 4.0823529…
    expect(r.roiPercentDisplay).toBe(408);
    expect(r.returnPerReal).toBeCloseTo(43_200 / 8_500, 12); // 5.0823529…
    expect(r.returnPerRealDisplay).toBe(5.08);
    expect(r.netProfitCents).toBe(3_470_000);
    expect(r.roiLabel).toBe('408%');
    expect(r.returnLabel).toBe('Cada R$ 1 investido retornou R$ 5,08');
  });

  it.each([
    // revenue, investment, roi% display, per-R$1 display, net profit
    { revenue: 100_000, investment: 100_000, pct: 0, per: 1, net: 0 },
    { revenue: 0, investment: 50_000, pct: -100, per: 0, net: -50_000 },
    { revenue: 87_345, investment: 100_000, pct: -12, per: 0.87, net: -12_655 }, // -12.655% truncates toward 0
    { revenue: 300_000, investment: 100_000, pct: 200, per: 3, net: 200_000 },
    { revenue: 1, investment: 3, pct: -66, per: 0.33, net: -2 },
    // The seed's projection box: "ROI projetado: 340%" is R$ 44 per R$ 10 of investment.
    { revenue: 4_400_000, investment: 1_000_000, pct: 340, per: 4.4, net: 3_400_000 },
  ])('revenue $revenue / investment $investment → $pct%', ({ revenue, investment, pct, per, net }) => {
    const r = computeRoi({ revenueCents: revenue, investmentCents: investment });
    if (r.kind !== 'computed') throw new Error('expected computed');
    expect(r.roiPercentDisplay).toBe(pct);
    expect(r.returnPerRealDisplay).toBe(per);
    expect(r.netProfitCents).toBe(net);
  });

  it('returns a typed not_computable result for zero investment, never Infinity or NaN', () => {
    const r = computeRoi({ revenueCents: 4_320_000, investmentCents: 0 });
    expect(r).toMatchObject({ kind: 'not_computable', reason: 'zero_investment', netProfitCents: 4_320_000 });
    expect(JSON.stringify(r)).not.toMatch(/Infinity|NaN|null/);
    expect(computeRoi({ revenueCents: 0, investmentCents: 0 }).kind).toBe('not_computable');
  });

  it.each([
    { revenueCents: -1, investmentCents: 100 },
    { revenueCents: 100, investmentCents: -5 },
    { revenueCents: 10.5, investmentCents: 100 }, // cents are integers
    { revenueCents: Number.NaN, investmentCents: 100 },
  ])('rejects invalid input %j with a ZodError', (input) => {
    expect(() => computeRoi(input)).toThrow(ZodError);
  });

  it('property: display never overstates, and ROI rises with revenue', () => {
    const money = fc.integer({ min: 0, max: 10_000_000_000 });
    fc.assert(
      fc.property(money, money, fc.integer({ min: 1, max: 10_000_000_000 }), (a, b, inv) => {
        const lo = computeRoi({ revenueCents: Math.min(a, b), investmentCents: inv });
        const hi = computeRoi({ revenueCents: Math.max(a, b), investmentCents: inv });
        if (lo.kind !== 'computed' || hi.kind !== 'computed') return false;
        return (
          Math.abs(lo.roiPercentDisplay) <= Math.abs(lo.roi * 100) + 1e-9 &&
          lo.returnPerRealDisplay <= lo.returnPerReal + 1e-9 &&
          lo.roi <= hi.roi &&
          lo.roiPercentDisplay <= hi.roiPercentDisplay &&
          Number.isFinite(hi.roi)
        );
      }),
    );
  });
});
