import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { projectMetric, projectMonthEnd } from './projection.ts';

const series = (month: string, values: number[], firstDay = 1) =>
  values.map((value, i) => ({ date: `${month}-${String(firstDay + i).padStart(2, '0')}`, value }));

describe('projectMonthEnd', () => {
  it('seed: 23 leads in the first 5 days of October (5,4,5,4,5) → ~140 leads at month end', () => {
    const r = projectMonthEnd({ month: '2025-10', points: series('2025-10', [5, 4, 5, 4, 5]) });
    expect(r).toMatchObject({
      kind: 'projected',
      method: 'least_squares',
      actualToDate: 23,
      daysInMonth: 31,
    });
    if (r.kind !== 'projected') return;
    expect(r.perDay).toBeCloseTo(4.5, 10);
    expect(r.projected).toBe(140); // 4.5 × 31 + 0.3 = 139.8
    expect(r.remaining).toBe(117);
  });

  it('seed: R$ 43.200 after 20 days at R$ 2.160/day → R$ 66.960 (~R$ 67K) projected', () => {
    const r = projectMetric(
      {
        month: '2025-10',
        days: series('2025-10', Array(20).fill(216_000)).map(({ date, value }) => ({
          date,
          sessions: 0,
          pageviews: 0,
          bounceRate: null,
          avgSessionSeconds: null,
          conversions: 0,
          revenueCents: value,
          adSpendCents: 0,
          leads: 0,
          score: null,
        })),
      },
      'revenueCents',
    );
    expect(r).toMatchObject({ kind: 'projected', actualToDate: 4_320_000, projected: 6_696_000 });
  });

  it.each([
    { name: 'no data', month: '2025-02', points: [], expected: { kind: 'no_data', daysInMonth: 28 } },
    {
      name: 'one point → run rate',
      month: '2025-02',
      points: [{ date: '2025-02-07', value: 14 }],
      expected: { kind: 'projected', method: 'run_rate', projected: 56, perDay: 2 },
    },
    {
      name: 'one zero point → 0',
      month: '2024-02',
      points: [{ date: '2024-02-10', value: 0 }],
      expected: { kind: 'projected', projected: 0, daysInMonth: 29 },
    },
    {
      name: 'gaps keep the real day numbers',
      month: '2025-04',
      points: [
        { date: '2025-04-02', value: 20 },
        { date: '2025-04-10', value: 20 },
      ],
      // cumulative (2,20), (10,40): slope 2.5, at day 30 → 90
      expected: { kind: 'projected', projected: 90, lastDataDay: 10 },
    },
    {
      name: 'late stall never projects below what is achieved',
      month: '2025-04',
      points: series('2025-04', [100, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
      expected: { kind: 'projected', projected: 100, actualToDate: 100 },
    },
    {
      name: 'points may arrive unsorted',
      month: '2025-04',
      points: [
        { date: '2025-04-03', value: 3 },
        { date: '2025-04-01', value: 3 },
        { date: '2025-04-02', value: 3 },
      ],
      expected: { kind: 'projected', projected: 90 },
    },
  ])('$name', ({ month, points, expected }) => {
    expect(projectMonthEnd({ month, points })).toMatchObject(expected);
  });

  it.each([
    { name: 'negative value', input: { month: '2025-04', points: [{ date: '2025-04-01', value: -1 }] } },
    { name: 'date outside month', input: { month: '2025-04', points: [{ date: '2025-05-01', value: 1 }] } },
    {
      name: 'duplicate date',
      input: {
        month: '2025-04',
        points: [
          { date: '2025-04-01', value: 1 },
          { date: '2025-04-01', value: 2 },
        ],
      },
    },
    { name: 'bad month', input: { month: '2025-13', points: [] } },
  ])('rejects $name with a ZodError', ({ input }) => {
    expect(() => projectMonthEnd(input)).toThrow(ZodError);
  });

  const month = '2025-10';
  const dailyValues = fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 31 });

  it('property: projection ≥ achieved ≥ 0, and a constant daily rate c projects exactly c × days', () => {
    fc.assert(
      fc.property(dailyValues, (values) => {
        const r = projectMonthEnd({ month, points: series(month, values) });
        return r.kind === 'projected' && r.projected >= r.actualToDate && r.actualToDate >= 0;
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 31 }), (c, days) => {
        const r = projectMonthEnd({ month, points: series(month, Array<number>(days).fill(c)) });
        return r.kind === 'projected' && r.projected === c * 31;
      }),
    );
  });

  it('property (monotonicity): raising any day’s value never lowers the projection', () => {
    fc.assert(
      fc.property(dailyValues, fc.nat(), fc.integer({ min: 1, max: 5_000 }), (values, at, extra) => {
        const i = at % values.length;
        const more = values.map((x, j) => (j === i ? x + extra : x));
        const base = projectMonthEnd({ month, points: series(month, values), integer: false });
        const raised = projectMonthEnd({ month, points: series(month, more), integer: false });
        return (
          base.kind === 'projected' &&
          raised.kind === 'projected' &&
          raised.projected >= base.projected - 1e-6
        );
      }),
    );
  });
});
