import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import type { DailyMetric } from '../../entities/portal.ts';
import { type BadgeInput, evaluateBadges, mergeBadges } from './badges.ts';
import { uuid } from './test-fixtures.ts';
import { makeEngagement, makeGoal, makeMetrics } from './test-fixtures.ts';
import { addDays } from './time.ts';

const run = (from: string, n: number) => Array.from({ length: n }, (_, i) => addDays(from, i));
const day = (date: string, sessions: number, conversions: number): DailyMetric => ({
  date,
  sessions,
  pageviews: sessions,
  bounceRate: null,
  avgSessionSeconds: null,
  conversions,
  revenueCents: 0,
  adSpendCents: 0,
  leads: 0,
  score: null,
});

/** A São Paulo client on the seed's date (2025-10-04) who earned all six badges. */
const seedUser: BadgeInput = {
  now: '2025-10-04T15:00:00Z',
  timeZone: 'America/Sao_Paulo',
  engagement: {
    visitDays: [...run('2025-09-10', 7), ...run('2025-10-01', 4)],
    reading: Array.from({ length: 12 }, (_, i) => ({
      contentId: uuid(100 + i),
      progress: 100,
      completedAt: `2025-09-${String(10 + i).padStart(2, '0')}T13:00:00Z`,
    })),
    // five quick wins on Oct 2 *local*: the last is 23:30 BRT = 02:30Z on Oct 3
    quickWins: [
      '2025-10-02T12:00:00Z',
      '2025-10-02T13:00:00Z',
      '2025-10-02T14:00:00Z',
      '2025-10-02T20:00:00Z',
      '2025-10-03T02:30:00Z',
    ].map((completedAt, i) => ({ actionId: uuid(200 + i), completedAt })),
  },
  goals: [
    {
      period: 'monthly',
      targetValue: 50,
      currentValue: 52,
      startDate: '2025-09-01',
      progress: [
        { date: '2025-09-26', value: 49 },
        { date: '2025-09-27', value: 50 },
        { date: '2025-09-30', value: 52 },
      ],
    },
  ],
  metrics: [
    { month: '2025-09', days: [day('2025-09-01', 5_000, 140), day('2025-09-02', 5_000, 140)] }, // 2.8%
    { month: '2025-10', days: [day('2025-10-01', 100, 10)] },
  ],
  industryConversionRate: 0.019, // 1.9% (seed "2.8% vs 1.9%")
  customerSince: '2024-10-04',
};

const byId = (input: BadgeInput) => Object.fromEntries(evaluateBadges(input).map((b) => [b.id, b]));

describe('evaluateBadges', () => {
  it('awards the seed’s six badges with their earned dates', () => {
    const b = byId(seedUser);
    expect(b.streak_7).toMatchObject({ icon: '🔥', earned: true, earnedAt: '2025-09-16T03:00:00.000Z' });
    expect(b.meta_batida).toMatchObject({ icon: '📈', earned: true, earnedAt: '2025-09-27T03:00:00.000Z' });
    expect(b.precisao_total).toMatchObject({
      icon: '🎯',
      earned: true,
      earnedAt: '2025-09-30T03:00:00.000Z',
    });
    expect(b.estudante).toMatchObject({ icon: '📚', earned: true, earnedAt: '2025-09-19T13:00:00.000Z' });
    expect(b.relampago).toMatchObject({ icon: '⚡', earned: true, earnedAt: '2025-10-03T02:30:00.000Z' });
    expect(b.vip).toMatchObject({ icon: '💎', earned: true, earnedAt: '2025-10-04T03:00:00.000Z' });
  });

  it.each([
    {
      name: '🔥 6 days only → progress is the live streak',
      over: { engagement: { ...seedUser.engagement, visitDays: run('2025-09-29', 6) } },
      id: 'streak_7',
      progress: 6,
    },
    {
      name: '📈 a weekly goal does not count; best monthly progress shown',
      over: {
        goals: [
          { ...seedUser.goals[0]!, period: 'weekly' as const },
          { ...seedUser.goals[0]!, currentValue: 38, progress: [] },
        ],
      },
      id: 'meta_batida',
      progress: 76,
    },
    {
      name: '🎯 at the benchmark is not above it',
      over: { industryConversionRate: 0.028 },
      id: 'precisao_total',
      progress: 0,
    },
    {
      name: '🎯 the current (incomplete) month does not count',
      over: { metrics: [seedUser.metrics[1]!] },
      id: 'precisao_total',
      progress: 0,
    },
    {
      name: '🎯 no benchmark known',
      over: { industryConversionRate: null },
      id: 'precisao_total',
      progress: 0,
    },
    {
      name: '📚 9 read (a 10th still in progress)',
      over: {
        engagement: {
          ...seedUser.engagement,
          reading: [
            ...seedUser.engagement.reading.slice(0, 9),
            { contentId: uuid(999), progress: 40, completedAt: null },
          ],
        },
      },
      id: 'estudante',
      progress: 9,
    },
    {
      name: '⚡ in UTC the 5th quick win falls on the next day',
      over: { timeZone: 'UTC' },
      id: 'relampago',
      progress: 4,
    },
    {
      name: '⚡ the same action completed twice counts once',
      over: {
        engagement: {
          ...seedUser.engagement,
          quickWins: seedUser.engagement.quickWins.map((q) => ({ ...q, actionId: uuid(200) })),
        },
      },
      id: 'relampago',
      progress: 1,
    },
    { name: '💎 one day short of 12 months', over: { customerSince: '2024-10-05' }, id: 'vip', progress: 11 },
    { name: '💎 unknown start', over: { customerSince: null }, id: 'vip', progress: 0 },
  ])('not earned: $name', ({ over, id, progress }) => {
    const b = byId({ ...seedUser, ...over })[id]!;
    expect(b.earned).toBe(false);
    expect(b.earnedAt).toBeNull();
    expect(b.progress.current).toBe(progress);
  });

  it('ignores items dated in the future', () => {
    const b = byId({ ...seedUser, now: '2025-09-18T12:00:00Z' });
    expect(b.estudante!.earned).toBe(false); // the 10th read is on Sep 19
    expect(b.relampago!.earned).toBe(false);
  });

  it('rejects invalid input with a ZodError', () => {
    expect(() => evaluateBadges({ ...seedUser, timeZone: 'Brasil/Sao_Paulo' })).toThrow(ZodError);
    expect(() => evaluateBadges({ ...seedUser, industryConversionRate: 1.9 })).toThrow(ZodError);
    expect(() => evaluateBadges({ ...seedUser, now: '2025-10-04' })).toThrow(ZodError);
  });

  it('mergeBadges keeps stored badges and dates, adds only the new ones', () => {
    const stored = [{ id: 'streak_7', earnedAt: '2025-09-16T10:00:00.000Z' }];
    const { badges, newlyEarned } = mergeBadges(stored, evaluateBadges(seedUser));
    expect(badges[0]).toEqual(stored[0]);
    expect(badges).toHaveLength(6);
    expect(newlyEarned).toEqual(['meta_batida', 'precisao_total', 'estudante', 'relampago', 'vip']);
    // a badge no longer earned by the data stays (never revoked)
    const later = mergeBadges(badges, evaluateBadges({ ...seedUser, customerSince: null }));
    expect(later.badges).toHaveLength(6);
    expect(later.newlyEarned).toEqual([]);
  });

  it('property: more activity never un-earns a badge, and progress stays within its target', () => {
    const instant = fc
      .integer({ min: Date.parse('2025-09-01T00:00:00Z'), max: Date.parse('2025-10-04T15:00:00Z') })
      .map((t) => new Date(t).toISOString());
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 33 }).map((n) => addDays('2025-09-01', n))),
        fc.array(instant, { maxLength: 20 }),
        fc.array(instant, { maxLength: 20 }),
        (visitDays, quickWinTimes, readTimes) => {
          const base: BadgeInput = {
            ...seedUser,
            engagement: { visitDays: [], quickWins: [], reading: [] },
            goals: [],
            customerSince: null,
          };
          const more: BadgeInput = {
            ...base,
            engagement: {
              visitDays,
              quickWins: quickWinTimes.map((completedAt, i) => ({ actionId: uuid(i), completedAt })),
              reading: readTimes.map((completedAt, i) => ({
                contentId: uuid(i),
                progress: 100,
                completedAt,
              })),
            },
          };
          const a = evaluateBadges(base);
          const b = evaluateBadges(more);
          return a.every(
            (x, i) =>
              (!x.earned || b[i]!.earned) &&
              b[i]!.progress.current <= b[i]!.progress.target &&
              b[i]!.progress.current >= 0,
          );
        },
      ),
    );
  });

  describe('whole entities', () => {
    it('accepts stored Engagement, Goal and Metrics documents as they are', () => {
      const b = evaluateBadges({
        ...seedUser,
        engagement: makeEngagement({ visitDays: seedUser.engagement.visitDays }),
        goals: [makeGoal({ currentValue: 50, startDate: '2025-10-01' })],
        metrics: [makeMetrics({ month: '2025-09', days: seedUser.metrics[0]!.days })],
      });
      expect(b.filter((x) => x.earned).map((x) => x.id)).toEqual([
        'streak_7',
        'meta_batida',
        'precisao_total',
        'vip',
      ]);
    });
  });
});
