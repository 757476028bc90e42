import { describe, expect, it } from 'vitest';
import {
  daysAtRisk,
  nextAtRiskSince,
  summarizePortfolioRisk,
  type PortfolioRiskRow,
} from './risk-portfolio.ts';
import { SEED_NOW } from './seed-fixtures.ts';

describe('portfolio risk summary (§2.4 "At-Risk Summary")', () => {
  // The wireframe lists 12 customers at risk with R$ 18.400 of MRR; it shows three of them (StartupXYZ
  // R$ 1.500, AgênciaDigital R$ 2.100, ConsultoriaDEF R$ 1.800). The other nine add up to R$ 13.000.
  const shown: PortfolioRiskRow[] = [
    { mrrCents: 150_000, riskLevel: 'critical', atRiskSince: '2026-01-22' },
    { mrrCents: 210_000, riskLevel: 'warning', atRiskSince: '2026-01-26' },
    { mrrCents: 180_000, riskLevel: 'warning', atRiskSince: '2026-01-29' },
  ];
  const others: PortfolioRiskRow[] = [
    120_000, 130_000, 140_000, 150_000, 160_000, 150_000, 140_000, 160_000, 150_000,
  ].map((mrrCents) => ({ mrrCents, riskLevel: 'warning', atRiskSince: '2026-01-26' }));
  const healthy: PortfolioRiskRow[] = [
    { mrrCents: 450_000, riskLevel: 'none', atRiskSince: null },
    { mrrCents: 320_000, riskLevel: 'none', atRiskSince: null },
  ];

  it('totals R$ 18.400 of MRR at risk over the 12 at-risk customers, ignoring healthy ones', () => {
    const s = summarizePortfolioRisk([...shown, ...others, ...healthy], SEED_NOW);
    expect(s).toMatchObject({
      customers: 14,
      customersAtRisk: 12,
      critical: 1,
      warning: 11,
      mrrAtRiskCents: 1_840_000,
    });
    expect(s.mrrAtRiskCents).toBe(1_840_000); // R$ 18.400
    expect(s.totalMrrCents).toBe(2_610_000);
    expect(s.mrrAtRiskPercent).toBe(70.5);
    // (7 + 3 + 0 + 9 × 3) / 12 = 3.08…
    expect(s.averageDaysAtRisk).toBe(3.1);
  });

  it('is empty-safe', () => {
    expect(summarizePortfolioRisk([], SEED_NOW)).toEqual({
      customers: 0,
      customersAtRisk: 0,
      critical: 0,
      warning: 0,
      totalMrrCents: 0,
      mrrAtRiskCents: 0,
      mrrAtRiskPercent: null,
      averageDaysAtRisk: null,
    });
  });
});

describe('days at risk', () => {
  it.each([
    [null, null],
    ['2026-01-29', 0],
    ['2026-01-22', 7],
    ['2025-12-30', 30],
    ['2026-02-10', 0],
  ] as const)('since %s → %s days on 29/01/2026', (since, days) => {
    expect(daysAtRisk(since, SEED_NOW)).toBe(days);
  });

  it.each([
    [null, 'warning', '2026-01-29'],
    ['2026-01-10', 'critical', '2026-01-10'],
    ['2026-01-10', 'warning', '2026-01-10'],
    ['2026-01-10', 'none', null],
    [null, 'none', null],
  ] as const)('atRiskSince %s at level %s → %s', (prev, level, next) => {
    expect(nextAtRiskSince(prev, level, SEED_NOW)).toBe(next);
  });
});
