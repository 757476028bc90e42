import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { monthlySummary, type MonthlySummaryInput } from './monthly-summary.ts';

const day = (
  date: string,
  v: {
    sessions?: number;
    revenueCents?: number;
    adSpendCents?: number;
    leads?: number;
    score?: number | null;
  },
) => ({
  date,
  sessions: v.sessions ?? 0,
  revenueCents: v.revenueCents ?? 0,
  adSpendCents: v.adSpendCents ?? 0,
  leads: v.leads ?? 0,
  conversions: 1,
  score: v.score ?? null,
});

const goal = (
  type: 'traffic' | 'leads' | 'revenue',
  unit: 'count' | 'cents',
  target: number,
  current: number,
  start = '2026-02-01',
  end = '2026-02-28',
) => ({
  id: `00000000-0000-4000-8000-00000000000${type.length}`,
  type,
  title: type,
  unit,
  targetValue: target,
  currentValue: current,
  startDate: start,
  endDate: end,
});

/** TechCorp's February as the seed shows it (dashboard §1A, §1C, §5B). */
const TECHCORP: MonthlySummaryInput = {
  month: '2026-02',
  metrics: [
    {
      month: '2026-01',
      days: [
        day('2026-01-15', { sessions: 2_300, score: 80 }),
        day('2026-01-31', { sessions: 2_300, score: 82 }),
      ],
    },
    {
      month: '2026-02',
      days: [
        day('2026-02-01', {
          sessions: 5_000,
          revenueCents: 2_000_000,
          adSpendCents: 400_000,
          leads: 20,
          score: 85,
        }),
        day('2026-02-20', {
          sessions: 5_442,
          revenueCents: 2_320_000,
          adSpendCents: 450_000,
          leads: 18,
          score: 87,
        }),
      ],
    },
  ],
  goals: [
    goal('revenue', 'cents', 2_000_000, 1_200_000),
    goal('leads', 'count', 50, 38),
    goal('traffic', 'count', 10_000, 10_442),
    goal('traffic', 'count', 10_000, 9_000, '2026-01-01', '2026-01-31'),
  ],
};

describe('monthlySummary', () => {
  it("reproduces the seed's month: score 87 (+5), +127% traffic, R$ 43.200, 38 leads, goals, ROI 408%", () => {
    const s = monthlySummary(TECHCORP);
    expect(s.score).toEqual({ value: 87, change: 5 });
    expect(s.impact).toMatchObject({
      sessions: 10_442,
      sessionsChangePercent: 127,
      revenueCents: 4_320_000,
      leads: 38,
    });
    expect(s.goals.map((g) => [g.type, g.status.state, g.status.label])).toEqual([
      ['traffic', 'reached', '100%'],
      ['leads', 'in_progress', '38/50'],
      ['revenue', 'in_progress', '60%'],
    ]);
    expect(s.roi).toMatchObject({ kind: 'computed', roiPercentDisplay: 408, returnPerRealDisplay: 5.08 });
    expect(s.hasData).toBe(true);
  });

  it('has no score change, traffic change or data when the months are missing', () => {
    const s = monthlySummary({ ...TECHCORP, month: '2026-03' });
    expect(s).toMatchObject({ score: null, hasData: false, goals: [] });
    expect(s.impact.sessionsChangePercent).toBeNull();
    const first = monthlySummary({ ...TECHCORP, month: '2026-01' });
    expect(first.score).toEqual({ value: 82, change: null });
    expect(first.impact.sessionsChangePercent).toBeNull();
  });

  it('refuses a malformed month', () => {
    expect(() => monthlySummary({ ...TECHCORP, month: '2026-2' })).toThrow(ZodError);
  });
});
