import { z } from 'zod';
import { isoDateTime } from '../../entities/common.ts';
import { actionSchema, engagementSchema } from '../../entities/portal.ts';
import {
  badgeInputSchema,
  evaluateBadges,
  mergeBadges,
  type BadgeEvaluation,
  type BadgeId,
} from './badges.ts';
import { computeXp, type XpResult } from './xp.ts';

/**
 * A user's achievements from their engagement record (dashboard § Gamificação): the badges earned so far and
 * the XP they add up to, one function for both sides. The device runs it the moment something changes
 * (provisional: a badge shows at once, offline too); the server runs it on every accepted push of the record
 * and stores `badges` and `xp` (server-owned fields), so what the device sent for them never counts.
 *
 * Invariants:
 * - Stored badges are never revoked or re-dated (`mergeBadges`); new ones are added with their earned date.
 * - XP is derived from the lists, never accumulated (`computeXp`): replays and duplicates add nothing.
 * - A quick win counts only while its action card is completed, when the cards are known (`actions`): an undone
 *   completion stays in the append-only list but earns nothing. Without cards every listed quick win counts.
 */
export const achievementsInputSchema = badgeInputSchema.extend({
  engagement: engagementSchema
    .pick({ visitDays: true, reading: true, quickWins: true, eventRegistrations: true, badges: true })
    .strip(),
  /** The customer's action cards, to count only quick wins still completed; null when not known. */
  actions: z
    .array(actionSchema.pick({ id: true, type: true, status: true }).strip())
    .max(20_000)
    .nullable(),
  now: isoDateTime,
});
export type AchievementsInput = z.input<typeof achievementsInputSchema>;

export interface Achievements {
  /** Every badge of the seed, with progress; `earned` includes the stored ones. */
  evaluated: (BadgeEvaluation & { stored: boolean })[];
  /** The record's badges after this evaluation (stored ones first, then the newly earned). */
  badges: { id: string; earnedAt: string }[];
  newlyEarned: BadgeId[];
  xp: XpResult;
}

export function deriveAchievements(input: AchievementsInput): Achievements {
  const p = achievementsInputSchema.parse(input);
  const completed = p.actions
    ? new Set(p.actions.filter((a) => a.type === 'quick_win' && a.status === 'completed').map((a) => a.id))
    : null;
  const quickWins = completed
    ? p.engagement.quickWins.filter((q) => completed.has(q.actionId))
    : p.engagement.quickWins;
  const engagement = { ...p.engagement, quickWins };
  const evaluated = evaluateBadges({
    now: p.now,
    timeZone: p.timeZone,
    engagement,
    goals: p.goals,
    metrics: p.metrics,
    industryConversionRate: p.industryConversionRate,
    customerSince: p.customerSince,
  });
  const { badges, newlyEarned } = mergeBadges(p.engagement.badges, evaluated);
  const stored = new Map(p.engagement.badges.map((b) => [b.id, b.earnedAt]));
  return {
    evaluated: evaluated.map((b) => {
      const at = stored.get(b.id);
      return at === undefined
        ? { ...b, stored: false }
        : {
            ...b,
            earned: true,
            earnedAt: at,
            progress: { ...b.progress, current: b.progress.target },
            stored: true,
          };
    }),
    badges,
    newlyEarned,
    xp: computeXp({ engagement: { ...engagement, badges } }),
  };
}
