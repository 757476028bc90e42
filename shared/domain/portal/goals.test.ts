import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { type GoalPace, goalPacing, goalStatus } from './goals.ts';
import { makeGoal } from './test-fixtures.ts';

const october = { startDate: '2025-10-01', endDate: '2025-10-31' };
const visits = { ...october, unit: 'count' as const, targetValue: 10_000, currentValue: 10_412 };
const leads = { ...october, unit: 'count' as const, targetValue: 50, currentValue: 38 };
const revenue = { ...october, unit: 'cents' as const, targetValue: 2_000_000, currentValue: 1_200_000 };

describe('goalStatus — seed "Metas do Mês"', () => {
  it.each([
    {
      name: '✅ 10K visitas',
      goal: visits,
      expected: { state: 'reached', icon: '✅', percent: 100, label: '100%' },
    },
    {
      name: '⏳ 50 leads (38/50)',
      goal: leads,
      expected: { icon: '⏳', percent: 76, fraction: '38/50', label: '38/50' },
    },
    { name: '🔄 R$20K revenue (60%)', goal: revenue, expected: { icon: '🔄', percent: 60, label: '60%' } },
    {
      name: 'conversion-rate goal in percent',
      goal: { ...october, unit: 'percent' as const, targetValue: 3, currentValue: 2.8 },
      expected: { icon: '🔄', percent: 93, label: '93%' },
    },
    {
      name: '99.9% is not shown as 100%',
      goal: { ...leads, targetValue: 1000, currentValue: 999 },
      expected: { state: 'in_progress', percent: 99, fraction: '999/1.000' },
    },
    { name: 'nothing yet', goal: { ...leads, currentValue: 0 }, expected: { percent: 0, label: '0/50' } },
  ])('$name', ({ goal, expected }) => {
    expect(goalStatus({ goal })).toMatchObject(expected);
  });
});

describe('goalPacing', () => {
  it.each([
    // seed date 2025-10-04: 4/31 of 50 leads expected (6.45); 38 is far ahead
    { goal: leads, asOf: '2025-10-04', pace: 'ahead', expected: (50 * 4) / 31 },
    { goal: leads, asOf: '2025-10-20', pace: 'ahead', expected: (50 * 20) / 31 },
    { goal: revenue, asOf: '2025-10-20', pace: 'on_track', expected: (2_000_000 * 20) / 31 },
    { goal: revenue, asOf: '2025-10-25', pace: 'behind', expected: (2_000_000 * 25) / 31 },
    { goal: revenue, asOf: '2025-09-30', pace: 'not_started', expected: 0 },
    { goal: revenue, asOf: '2025-11-01', pace: 'missed', expected: 2_000_000 },
    { goal: visits, asOf: '2025-10-02', pace: 'reached', expected: (10_000 * 2) / 31 },
    { goal: visits, asOf: '2025-12-01', pace: 'reached', expected: 10_000 },
    // single-day goal: the whole target is due that day
    {
      goal: {
        startDate: '2025-10-05',
        endDate: '2025-10-05',
        unit: 'count' as const,
        targetValue: 10,
        currentValue: 9.5,
      },
      asOf: '2025-10-05',
      pace: 'on_track',
      expected: 10,
    },
  ])('$goal.targetValue by $asOf → $pace', ({ goal, asOf, pace, expected }) => {
    const r = goalPacing({ goal, asOf });
    expect(r.pace).toBe(pace);
    expect(r.expectedValue).toBeCloseTo(expected, 6);
  });

  it('says how much per day is still needed', () => {
    expect(goalPacing({ goal: leads, asOf: '2025-10-20' }).requiredPerDay).toBeCloseTo(12 / 11, 10);
    expect(goalPacing({ goal: leads, asOf: '2025-10-31' }).requiredPerDay).toBe(12);
    expect(goalPacing({ goal: visits, asOf: '2025-10-20' }).requiredPerDay).toBeNull();
  });

  it('a wider tolerance turns behind into on track', () => {
    expect(goalPacing({ goal: revenue, asOf: '2025-10-25', tolerance: 0.3 }).pace).toBe('on_track');
  });

  it.each([
    { goal: { ...leads, targetValue: 0 } },
    { goal: { ...leads, currentValue: -1 } },
    { goal: { ...leads, endDate: '2025-09-30' } },
    { goal: { ...leads, startDate: '2025-10-32' } },
  ])('rejects invalid goals with a ZodError (%#)', ({ goal }) => {
    expect(() => goalPacing({ goal, asOf: '2025-10-10' })).toThrow(ZodError);
    expect(() => goalStatus({ goal })).toThrow(ZodError);
  });

  const order: Record<GoalPace, number> = {
    behind: 0,
    on_track: 1,
    ahead: 2,
    reached: 3,
    not_started: -1,
    missed: -1,
  };

  it('property: more progress never gives a worse pace; percent is 0–100 and 100 only when reached', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 0, max: 200_000 }),
        fc.integer({ min: 0, max: 50_000 }),
        fc.integer({ min: 1, max: 31 }),
        (target, current, extra, day) => {
          const asOf = `2025-10-${String(day).padStart(2, '0')}`;
          const goal = { ...leads, targetValue: target, currentValue: current };
          const more = { ...goal, currentValue: current + extra };
          const a = goalPacing({ goal, asOf }).pace;
          const b = goalPacing({ goal: more, asOf }).pace;
          const s = goalStatus({ goal });
          return (
            order[b] >= order[a] &&
            s.percent >= 0 &&
            s.percent <= 100 &&
            (s.percent === 100) === current >= target
          );
        },
      ),
    );
  });

  describe('whole entities', () => {
    it('accepts a stored Goal document as is', () => {
      const goal = makeGoal();
      expect(goalStatus({ goal }).label).toBe('38/50');
      expect(goalPacing({ goal, asOf: '2025-10-20' }).pace).toBe('ahead');
    });
  });
});
