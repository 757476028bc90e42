import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { uuid } from './test-fixtures.ts';
import { makeEngagement } from './test-fixtures.ts';
import { computeXp, LEVELS, levelFor, type XpInput } from './xp.ts';

const empty: XpInput['engagement'] = {
  visitDays: [],
  quickWins: [],
  reading: [],
  eventRegistrations: [],
  badges: [],
};
const at = '2025-10-01T12:00:00Z';

describe('computeXp', () => {
  it('scores each action from the documented table', () => {
    const r = computeXp({
      engagement: {
        visitDays: ['2025-10-01', '2025-10-02', '2025-10-02'], // 2 distinct days
        quickWins: [
          { actionId: uuid(1), completedAt: at },
          { actionId: uuid(1), completedAt: at }, // replayed offline: counts once
          { actionId: uuid(2), completedAt: at },
        ],
        reading: [
          { contentId: uuid(10), progress: 100, completedAt: at },
          { contentId: uuid(11), progress: 60, completedAt: null },
        ],
        eventRegistrations: [
          { contentId: uuid(20), status: 'registered', registeredAt: at },
          { contentId: uuid(21), status: 'attended', registeredAt: at },
          { contentId: uuid(22), status: 'cancelled', registeredAt: at },
        ],
        badges: [{ id: 'streak_7', earnedAt: at }],
      },
    });
    expect(r.breakdown).toEqual({
      visitDay: { count: 2, xp: 20 },
      quickWin: { count: 2, xp: 50 },
      contentCompleted: { count: 1, xp: 20 },
      eventRegistered: { count: 1, xp: 10 },
      eventAttended: { count: 1, xp: 50 },
      badge: { count: 1, xp: 100 },
    });
    expect(r.total).toBe(250);
    expect(r.level).toMatchObject({
      level: 2,
      name: 'Explorador',
      xpIntoLevel: 150,
      xpToNext: 50,
      progress: 0.75,
    });
  });

  it('an empty history is level 1 with 0 XP', () => {
    expect(computeXp({ engagement: empty })).toMatchObject({
      total: 0,
      level: { level: 1, name: 'Iniciante' },
    });
  });

  it.each([
    [0, 1, 'Iniciante'],
    [99, 1, 'Iniciante'],
    [100, 2, 'Explorador'],
    [299, 2, 'Explorador'],
    [300, 3, 'Engajado'],
    [700, 4, 'Estrategista'],
    [1500, 5, 'Especialista'],
    [3000, 6, 'Mestre'],
    [6000, 7, 'Lenda'],
    [1_000_000, 7, 'Lenda'],
  ])('levelFor(%i) → %i %s', (xp, level, name) => {
    expect(levelFor(xp)).toMatchObject({ level, name });
  });

  it('the top level has no next level', () => {
    expect(levelFor(6000)).toMatchObject({ nextLevelXp: null, xpToNext: null, progress: 1 });
  });

  it('rejects negative or fractional XP and malformed engagement with a ZodError', () => {
    expect(() => levelFor(-1)).toThrow(ZodError);
    expect(() => levelFor(1.5)).toThrow(ZodError);
    expect(() => computeXp({ engagement: { ...empty, visitDays: ['yesterday'] } })).toThrow(ZodError);
  });

  it('property: level is monotone in XP and progress stays in [0, 1]', () => {
    fc.assert(
      fc.property(fc.nat(20_000), fc.nat(20_000), (a, b) => {
        const [lo, hi] = [levelFor(Math.min(a, b)), levelFor(Math.max(a, b))];
        return lo.level <= hi.level && lo.progress >= 0 && lo.progress <= 1 && LEVELS.length === 7;
      }),
    );
  });

  it('property: appending to any list never lowers XP', () => {
    fc.assert(
      fc.property(fc.nat(50), fc.nat(50), fc.nat(50), (days, wins, reads) => {
        const e = (k: number) => ({
          ...empty,
          visitDays: Array.from(
            { length: days + k },
            (_, i) => `2025-01-${String((i % 28) + 1).padStart(2, '0')}`,
          ),
          quickWins: Array.from({ length: wins + k }, (_, i) => ({ actionId: uuid(i), completedAt: at })),
          reading: Array.from({ length: reads + k }, (_, i) => ({
            contentId: uuid(i),
            progress: 100,
            completedAt: at,
          })),
        });
        return computeXp({ engagement: e(1) }).total >= computeXp({ engagement: e(0) }).total;
      }),
    );
  });

  describe('whole entities', () => {
    it('accepts a stored Engagement document as is', () => {
      expect(computeXp({ engagement: makeEngagement({ visitDays: ['2025-10-01'] }) }).total).toBe(10);
    });
  });
});
