import { z } from 'zod';
import { engagementSchema } from '../../entities/portal.ts';

/**
 * Experience points and levels (dashboard § Gamificação "Sistema de XP/Levels").
 *
 * XP is **derived**, never accumulated: the server recomputes `engagement.xp` from the engagement lists
 * (server-owned field), so replays, merges and offline duplicates cannot inflate it. Each item counts once
 * (visit days as a set, quick wins by action, content by id, events by id).
 *
 * | action                                   | XP  |
 * |------------------------------------------|-----|
 * | visit day (one per local day)            | 10  |
 * | quick win completed                      | 25  |
 * | content read to the end                  | 20  |
 * | event registration (still registered)    | 10  |
 * | event attended                           | 50  |
 * | badge earned                             | 100 |
 *
 * | level | name          | from XP |
 * |-------|---------------|---------|
 * | 1     | Iniciante     | 0       |
 * | 2     | Explorador    | 100     |
 * | 3     | Engajado      | 300     |
 * | 4     | Estrategista  | 700     |
 * | 5     | Especialista  | 1.500   |
 * | 6     | Mestre        | 3.000   |
 * | 7     | Lenda         | 6.000   |
 */
export const XP_PER_ACTION = {
  visitDay: 10,
  quickWin: 25,
  contentCompleted: 20,
  eventRegistered: 10,
  eventAttended: 50,
  badge: 100,
} as const;

export const LEVELS = [
  { level: 1, name: 'Iniciante', minXp: 0 },
  { level: 2, name: 'Explorador', minXp: 100 },
  { level: 3, name: 'Engajado', minXp: 300 },
  { level: 4, name: 'Estrategista', minXp: 700 },
  { level: 5, name: 'Especialista', minXp: 1500 },
  { level: 6, name: 'Mestre', minXp: 3000 },
  { level: 7, name: 'Lenda', minXp: 6000 },
] as const;

export const xpInputSchema = z.strictObject({
  engagement: engagementSchema
    .pick({
      visitDays: true,
      quickWins: true,
      reading: true,
      eventRegistrations: true,
      badges: true,
    })
    .strip(),
});
export type XpInput = z.input<typeof xpInputSchema>;

export interface XpBreakdownLine {
  count: number;
  xp: number;
}

export interface LevelInfo {
  level: number;
  name: string;
  minXp: number;
  /** XP where the next level starts; null at the top level. */
  nextLevelXp: number | null;
  xpIntoLevel: number;
  xpToNext: number | null;
  /** 0…1 progress inside the level (1 at the top level). */
  progress: number;
}

export interface XpResult {
  total: number;
  breakdown: Record<keyof typeof XP_PER_ACTION, XpBreakdownLine>;
  level: LevelInfo;
}

export function computeXp(input: XpInput): XpResult {
  const { engagement: e } = xpInputSchema.parse(input);
  const distinct = <T>(items: readonly T[], key: (t: T) => string) => new Set(items.map(key)).size;
  const events = new Map(e.eventRegistrations.map((r) => [r.contentId, r.status]));
  const statuses = [...events.values()];

  const counts: Record<keyof typeof XP_PER_ACTION, number> = {
    visitDay: new Set(e.visitDays).size,
    quickWin: distinct(e.quickWins, (q) => q.actionId),
    contentCompleted: distinct(
      e.reading.filter((r) => r.completedAt !== null),
      (r) => r.contentId,
    ),
    eventRegistered: statuses.filter((s) => s === 'registered').length,
    eventAttended: statuses.filter((s) => s === 'attended').length,
    badge: distinct(e.badges, (b) => b.id),
  };
  const breakdown = Object.fromEntries(
    (Object.keys(XP_PER_ACTION) as (keyof typeof XP_PER_ACTION)[]).map((k) => [
      k,
      { count: counts[k], xp: counts[k] * XP_PER_ACTION[k] },
    ]),
  ) as XpResult['breakdown'];
  const total = Object.values(breakdown).reduce((s, l) => s + l.xp, 0);
  return { total, breakdown, level: levelFor(total) };
}

export function levelFor(xp: number): LevelInfo {
  const total = z.number().int().min(0).parse(xp);
  let index = 0;
  for (let i = 0; i < LEVELS.length; i++) if (total >= LEVELS[i]!.minXp) index = i;
  const current = LEVELS[index]!;
  const next = LEVELS[index + 1];
  const xpIntoLevel = total - current.minXp;
  return {
    level: current.level,
    name: current.name,
    minXp: current.minXp,
    nextLevelXp: next?.minXp ?? null,
    xpIntoLevel,
    xpToNext: next ? next.minXp - total : null,
    progress: next ? xpIntoLevel / (next.minXp - current.minXp) : 1,
  };
}
