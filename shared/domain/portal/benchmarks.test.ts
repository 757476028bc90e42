import { describe, expect, it } from 'vitest';
import { compareWithBenchmark, SEED_INDUSTRY_BENCHMARK } from './benchmarks.ts';
import { makeDay } from './test-fixtures.ts';

const month = (days: ReturnType<typeof makeDay>[]) => [{ month: '2025-10', days }];

describe('compareWithBenchmark', () => {
  it('seed (dashboard §2B): 2,8 % vs 1,9 %, R$ 12 vs R$ 18, 42 % vs 55 % — three ✅', () => {
    // 280 conversions of 10.000 sessions; R$ 600 of ads for 50 leads; 42 % bounce.
    const days = [
      makeDay('2025-10-01', {
        sessions: 4_000,
        conversions: 112,
        adSpendCents: 24_000,
        leads: 20,
        bounceRate: 40,
      }),
      makeDay('2025-10-02', {
        sessions: 6_000,
        conversions: 168,
        adSpendCents: 36_000,
        leads: 30,
        bounceRate: 43 + 1 / 3,
      }),
    ];
    const r = compareWithBenchmark({
      metrics: month(days),
      asOf: '2025-10-02',
      benchmark: SEED_INDUSTRY_BENCHMARK,
    });
    expect(r.month).toBe('2025-10');
    expect(r.better).toBe(3);
    expect(r.rows.map((row) => [row.measure, row.youDisplay, row.industryDisplay, row.verdict])).toEqual([
      ['conversionRate', 2.8, 1.9, 'better'],
      ['costPerLead', 1_200, 1_800, 'better'],
      ['bounceRate', 42, 55, 'better'],
    ]);
  });

  it('TechCorp month to date (292 of 10.442 sessions, R$ 8.500 for 38 leads): 2,79… % truncates to 2,7 %', () => {
    const days = [
      makeDay('2025-10-01', {
        sessions: 10_442,
        conversions: 292,
        adSpendCents: 850_000,
        leads: 38,
        bounceRate: 42,
      }),
    ];
    const r = compareWithBenchmark({
      metrics: month(days),
      asOf: '2025-10-06',
      benchmark: SEED_INDUSTRY_BENCHMARK,
    });
    const [rate, cpl, bounce] = r.rows;
    expect(rate?.you).toBeCloseTo(2.7964, 4);
    expect(rate).toMatchObject({ youDisplay: 2.7, verdict: 'better' });
    // R$ 8.500 ÷ 38 = R$ 223,68: the spec's R$ 12 does not follow from the seed's own spend and leads.
    expect(cpl).toMatchObject({ you: 22_368, youDisplay: 22_368, verdict: 'worse' });
    expect(bounce).toMatchObject({ you: 42, verdict: 'better' });
    expect(r.better).toBe(2);
  });

  it.each([
    ['no sessions', { sessions: 0, conversions: 0 }, 'conversionRate'],
    ['no leads', { leads: 0, adSpendCents: 10_000 }, 'costPerLead'],
    ['no ad spend', { leads: 10, adSpendCents: 0 }, 'costPerLead'],
    ['no bounce rate', { sessions: 100, bounceRate: null }, 'bounceRate'],
  ] as const)('%s → no data (never 0, never a win)', (_, over, measure) => {
    const r = compareWithBenchmark({
      metrics: month([makeDay('2025-10-01', over)]),
      asOf: '2025-10-01',
      benchmark: SEED_INDUSTRY_BENCHMARK,
    });
    expect(r.rows.find((row) => row.measure === measure)).toMatchObject({
      you: null,
      youDisplay: null,
      verdict: 'no_data',
    });
  });

  it('equal is not a win; worse is worse; only the month to date counts', () => {
    const days = [
      makeDay('2025-09-30', { sessions: 100, conversions: 50 }), // last month: ignored
      makeDay('2025-10-01', { sessions: 1_000, conversions: 19, bounceRate: 60 }),
      makeDay('2025-10-09', { sessions: 1_000, conversions: 900 }), // after asOf: ignored
    ];
    const r = compareWithBenchmark({
      metrics: [
        { month: '2025-09', days: [days[0]!] },
        { month: '2025-10', days: days.slice(1) },
      ],
      asOf: '2025-10-08',
      benchmark: SEED_INDUSTRY_BENCHMARK,
    });
    expect(r.rows[0]).toMatchObject({ youDisplay: 1.9, verdict: 'equal' });
    expect(r.rows[2]).toMatchObject({ you: 60, verdict: 'worse' });
    expect(r.better).toBe(0);
  });

  it('refuses a benchmark out of range', () => {
    expect(() =>
      compareWithBenchmark({
        metrics: [],
        asOf: '2025-10-01',
        benchmark: { ...SEED_INDUSTRY_BENCHMARK, conversionRate: 0 },
      }),
    ).toThrow();
  });
});
