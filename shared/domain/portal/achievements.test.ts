import { describe, expect, it } from 'vitest';
import { deriveAchievements } from './achievements.ts';

const id = (n: number) => `0190a8e4-0000-7000-8000-${String(n).padStart(12, '0')}`;
const NOW = '2026-02-02T15:00:00.000Z';
// Five quick wins on 02/02 (São Paulo), a 7-day streak ending 01/02, a badge the server already stored.
const base = {
  now: NOW,
  timeZone: 'America/Sao_Paulo',
  engagement: {
    visitDays: [
      '2026-01-26',
      '2026-01-27',
      '2026-01-28',
      '2026-01-29',
      '2026-01-30',
      '2026-01-31',
      '2026-02-01',
    ],
    reading: [],
    eventRegistrations: [],
    quickWins: [1, 2, 3, 4, 5].map((n) => ({ actionId: id(n), completedAt: `2026-02-02T1${n}:00:00.000Z` })),
    badges: [{ id: 'vip', earnedAt: '2025-01-15T03:00:00.000Z' }],
  },
  goals: [],
  metrics: [],
  industryConversionRate: 0.019,
  customerSince: '2024-01-15',
};
const cards = (completed: number[]) =>
  [1, 2, 3, 4, 5].map((n) => ({
    id: id(n),
    type: 'quick_win' as const,
    status: completed.includes(n) ? ('completed' as const) : ('pending' as const),
  }));

describe('deriveAchievements — badges and XP, the same on the device and the server', () => {
  it('earns 🔥 and ⚡ at once, keeps the stored 💎 with its date, and adds 100 XP per badge', () => {
    const result = deriveAchievements({ ...base, actions: cards([1, 2, 3, 4, 5]) });
    expect(result.newlyEarned.sort()).toEqual(['relampago', 'streak_7']);
    expect(result.badges[0]).toEqual({ id: 'vip', earnedAt: '2025-01-15T03:00:00.000Z' });
    expect(result.evaluated.find((b) => b.id === 'vip')).toMatchObject({ earned: true, stored: true });
    expect(result.evaluated.find((b) => b.id === 'streak_7')).toMatchObject({ earned: true, stored: false });
    // 7 visit days × 10 + 5 quick wins × 25 + 3 badges × 100.
    expect(result.xp.total).toBe(70 + 125 + 300);
  });

  it('counts a quick win only while its card is completed (an undone completion stays listed, earns nothing)', () => {
    const result = deriveAchievements({ ...base, actions: cards([1, 2, 3, 4]) });
    expect(result.newlyEarned).toEqual(['streak_7']);
    expect(result.evaluated.find((b) => b.id === 'relampago')?.progress).toEqual({ current: 4, target: 5 });
    expect(result.xp.total).toBe(70 + 100 + 200);
  });

  it('counts every listed quick win when the cards are not known', () => {
    expect(deriveAchievements({ ...base, actions: null }).newlyEarned).toContain('relampago');
  });
});
