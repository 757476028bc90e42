import { describe, expect, it } from 'vitest';
import { changePercent, performanceSeries, performanceWindow } from './performance.ts';
import { makeDay } from './test-fixtures.ts';

/** A day every day from `from` for `n` days, sessions = 10, one conversion, R$ 100, one lead. */
function run(from: string, n: number) {
  const byMonth = new Map<string, ReturnType<typeof makeDay>[]>();
  const start = Date.parse(`${from}T12:00:00Z`);
  for (let i = 0; i < n; i++) {
    const date = new Date(start + i * 86_400_000).toISOString().slice(0, 10);
    const list = byMonth.get(date.slice(0, 7)) ?? [];
    list.push(makeDay(date, { sessions: 10, conversions: 1, revenueCents: 10_000, leads: 1 }));
    byMonth.set(date.slice(0, 7), list);
  }
  return [...byMonth].map(([month, days]) => ({ month, days }));
}

describe('performanceWindow', () => {
  it.each([
    ['30d', '2026-12-06', '2026-11-07', '2026-10-08', '2026-11-06'],
    ['90d', '2026-12-06', '2026-09-08', '2026-06-10', '2026-09-07'],
    ['12m', '2026-12-06', '2026-01-01', '2025-01-01', '2025-12-31'],
    ['12m', '2024-02-29', '2023-03-01', '2022-03-01', '2023-02-28'],
  ] as const)('%s ending %s: %s … asOf, previous %s … %s', (range, asOf, from, previousFrom, previousTo) => {
    expect(performanceWindow(range, asOf)).toEqual({ from, to: asOf, previousFrom, previousTo });
  });
});

describe('performanceSeries', () => {
  const metrics = run('2025-12-01', 371); // 2025-12-01 … 2026-12-06

  it('30 days: one point per day, totals and the 30 days before', () => {
    const s = performanceSeries({ metrics, range: '30d', asOf: '2026-12-06' });
    expect(s.granularity).toBe('day');
    expect(s.points).toHaveLength(30);
    expect(s.points[0]).toEqual({
      key: '2026-11-07',
      sessions: 10,
      conversions: 1,
      revenueCents: 10_000,
      leads: 1,
    });
    expect(s.points.at(-1)?.key).toBe('2026-12-06');
    expect(s.totals).toEqual({ sessions: 300, conversions: 30, revenueCents: 300_000, leads: 30 });
    expect(s.previous).toEqual(s.totals);
  });

  it('90 days', () => {
    const s = performanceSeries({ metrics, range: '90d', asOf: '2026-12-06' });
    expect(s.points).toHaveLength(90);
    expect(s.totals?.sessions).toBe(900);
  });

  it('12 months: one point per month, the current month to date; the year before is partly there', () => {
    const s = performanceSeries({ metrics, range: '12m', asOf: '2026-12-06' });
    expect(s.granularity).toBe('month');
    expect(s.points.map((p) => p.key)).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
    ]);
    expect(s.points[1]?.sessions).toBe(280); // 28 days of February
    expect(s.points.at(-1)?.sessions).toBe(60); // 6 days of December
    expect(s.previous?.sessions).toBe(310); // only December 2025 is stored before the window
  });

  it('a gap is absent, not zero; later rows and duplicates count once; no previous data → null', () => {
    const s = performanceSeries({
      metrics: [
        {
          month: '2026-12',
          days: [makeDay('2026-12-01', { sessions: 5 }), makeDay('2026-12-09', { sessions: 7 })],
        },
        {
          month: '2026-12',
          days: [makeDay('2026-12-01', { sessions: 8 }), makeDay('2026-12-03', { sessions: 1 })],
        },
      ],
      range: '30d',
      asOf: '2026-12-06',
    });
    expect(s.points.map((p) => [p.key, p.sessions])).toEqual([
      ['2026-12-01', 8],
      ['2026-12-03', 1],
    ]);
    expect(s.totals?.sessions).toBe(9);
    expect(s.previous).toBeNull();
  });

  it('no data at all → no points, null totals', () => {
    const s = performanceSeries({ metrics: [], range: '90d', asOf: '2026-12-06' });
    expect(s).toMatchObject({ points: [], totals: null, previous: null });
  });
});

describe('changePercent', () => {
  it.each([
    [10_442, 4_600, 127],
    [4_320_000, 3_510_000, 23],
    [90, 100, -10],
    [1, 3, -66.6],
    [100, 100, 0],
    [5, 0, null],
    [5, null, null],
  ] as const)('%d vs %s → %s', (now, before, expected) => {
    expect(changePercent(now, before)).toBe(expected);
  });
});
