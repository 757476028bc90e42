import { z } from 'zod';
import { isoDate, isoDateTime } from '../../entities/common.ts';
import { type Engagement, engagementSchema, goalSchema, metricsSchema } from '../../entities/portal.ts';
import { firstRunCompletedOn, streakFromDays } from './streak.ts';
import {
  addMonths,
  daysBetween,
  daysInMonth,
  localDateFormatter,
  startOfLocalDayMs,
  timeZoneSchema,
} from './time.ts';

/**
 * Badges of the seed (dashboard § Gamificação), evaluated from the user's engagement document and the
 * customer's goals/metrics. Badges are never revoked: once in `engagement.badges` they stay (see
 * `mergeBadges`).
 *
 * | id             | badge                | earned when                                                           |
 * |----------------|----------------------|-----------------------------------------------------------------------|
 * | streak_7       | 🔥 Streak de 7 dias  | 7 consecutive local visit days (first time)                           |
 * | meta_batida    | 📈 Meta Batida       | a monthly goal reached 100% of its target                             |
 * | precisao_total | 🎯 Precisão Total    | a complete month's conversion rate (conversions/sessions) > industry  |
 * | estudante      | 📚 Estudante         | 10 pieces of content read to the end (`reading[].completedAt`)       |
 * | relampago      | ⚡ Relâmpago         | 5 quick wins completed on one local day                               |
 * | vip            | 💎 VIP               | customer for 12 months (`customerSince` + 12 months)                  |
 *
 * Items dated after `now` (clock skew between devices) are ignored until their time comes.
 *
 * Earned dates: where the trigger is an instant (10th article, 5th quick win of the day) that instant is
 * `earnedAt`. Where the trigger is a calendar day (streak, goal progress point, month end, anniversary),
 * `earnedAt` is the start (00:00) of that day in the user's time zone — the UI shows the date.
 */
export const BADGE_IDS = [
  'streak_7',
  'meta_batida',
  'precisao_total',
  'estudante',
  'relampago',
  'vip',
] as const;
export type BadgeId = (typeof BADGE_IDS)[number];

export const BADGES: Readonly<
  Record<BadgeId, { icon: string; name: string; description: string; target: number }>
> = {
  streak_7: { icon: '🔥', name: 'Streak de 7 dias', description: '7 dias seguidos acessando', target: 7 },
  meta_batida: { icon: '📈', name: 'Meta Batida', description: 'Atingiu 100% da meta mensal', target: 100 },
  precisao_total: {
    icon: '🎯',
    name: 'Precisão Total',
    description: 'Taxa de conversão acima da indústria',
    target: 1,
  },
  estudante: { icon: '📚', name: 'Estudante', description: 'Leu 10 artigos', target: 10 },
  relampago: { icon: '⚡', name: 'Relâmpago', description: 'Completou 5 quick wins em 1 dia', target: 5 },
  vip: { icon: '💎', name: 'VIP', description: 'Cliente há 12 meses', target: 12 },
};

export const badgeInputSchema = z.strictObject({
  now: isoDateTime,
  timeZone: timeZoneSchema,
  engagement: engagementSchema.pick({ visitDays: true, reading: true, quickWins: true }).strip(),
  goals: z.array(
    goalSchema
      .pick({ period: true, targetValue: true, currentValue: true, progress: true, startDate: true })
      .strip(),
  ),
  metrics: z.array(metricsSchema.pick({ month: true, days: true }).strip()),
  /** Industry conversion rate as a fraction (1.9% → 0.019); null when no benchmark is known. */
  industryConversionRate: z.number().min(0).max(1).nullable(),
  /** The customer's start date; null when unknown. */
  customerSince: isoDate.nullable(),
});
export type BadgeInput = z.input<typeof badgeInputSchema>;

export interface BadgeEvaluation {
  id: BadgeId;
  icon: string;
  name: string;
  description: string;
  earned: boolean;
  earnedAt: string | null;
  /** Progress toward the badge in its own unit (days, %, articles, quick wins, months), capped at target. */
  progress: { current: number; target: number };
}

type Earned = { earnedAt: string | null; current: number };

export function evaluateBadges(input: BadgeInput): BadgeEvaluation[] {
  const p = badgeInputSchema.parse(input);
  const toLocal = localDateFormatter(p.timeZone);
  const nowMs = Date.parse(p.now);
  const today = toLocal(nowMs);
  const dayStart = (date: string) => new Date(startOfLocalDayMs(date, p.timeZone)).toISOString();

  const results: Record<BadgeId, Earned> = {
    streak_7: streak7(p.engagement.visitDays, today, dayStart),
    meta_batida: metaBatida(p.goals, today, dayStart),
    precisao_total: precisaoTotal(p.metrics, p.industryConversionRate, today, dayStart),
    estudante: estudante(p.engagement.reading, nowMs),
    relampago: relampago(p.engagement.quickWins, toLocal, nowMs),
    vip: vip(p.customerSince, today, dayStart),
  };
  return BADGE_IDS.map((id) => {
    const { earnedAt, current } = results[id];
    const def = BADGES[id];
    return {
      id,
      icon: def.icon,
      name: def.name,
      description: def.description,
      earned: earnedAt !== null,
      earnedAt,
      progress: {
        current: earnedAt !== null ? def.target : Math.min(current, def.target),
        target: def.target,
      },
    };
  });
}

/**
 * Adds newly earned badges to the stored list, keeping every badge already stored with its original date
 * (badges are never revoked, never re-dated). Returns the ids that are new, e.g. to notify and grant XP.
 */
export function mergeBadges(
  stored: Engagement['badges'],
  evaluated: readonly BadgeEvaluation[],
): { badges: Engagement['badges']; newlyEarned: BadgeId[] } {
  const have = new Set(stored.map((b) => b.id));
  const added = evaluated.filter((b) => b.earned && b.earnedAt !== null && !have.has(b.id));
  return {
    badges: [...stored, ...added.map((b) => ({ id: b.id, earnedAt: b.earnedAt! }))],
    newlyEarned: added.map((b) => b.id),
  };
}

// ------------------------------------------------------------------------------------------- one per badge

type DayStart = (date: string) => string;

function streak7(visitDays: string[], today: string, dayStart: DayStart): Earned {
  const on = firstRunCompletedOn(visitDays, 7, today);
  if (on) return { earnedAt: dayStart(on), current: 7 };
  // Progress shows the live streak ("3/7 dias"), which is what the user can act on today.
  return { earnedAt: null, current: streakFromDays({ visitDays, today }).current };
}

function metaBatida(
  goals: z.output<typeof badgeInputSchema>['goals'],
  today: string,
  dayStart: DayStart,
): Earned {
  let first: string | null = null;
  let bestPercent = 0;
  for (const g of goals) {
    if (g.period !== 'monthly') continue;
    bestPercent = Math.max(bestPercent, Math.floor((g.currentValue / g.targetValue) * 100));
    const hit = g.progress
      .filter((pt) => pt.value >= g.targetValue && pt.date <= today)
      .map((pt) => pt.date)
      .sort()[0];
    // Reached without a progress point for that day (e.g. progress not tracked yet): today is the date.
    const reachedOn = hit ?? (g.currentValue >= g.targetValue && g.startDate <= today ? today : null);
    if (reachedOn && (first === null || reachedOn < first)) first = reachedOn;
  }
  return first ? { earnedAt: dayStart(first), current: 100 } : { earnedAt: null, current: bestPercent };
}

function precisaoTotal(
  metrics: z.output<typeof badgeInputSchema>['metrics'],
  benchmark: number | null,
  today: string,
  dayStart: DayStart,
): Earned {
  if (benchmark === null) return { earnedAt: null, current: 0 };
  const currentMonth = today.slice(0, 7);
  // Only complete months count: a rate measured on a few days of the current month is too noisy to award.
  const months = metrics.filter((m) => m.month < currentMonth).sort((a, b) => (a.month < b.month ? -1 : 1));
  for (const m of months) {
    const sessions = m.days.reduce((s, d) => s + d.sessions, 0);
    const conversions = m.days.reduce((s, d) => s + d.conversions, 0);
    if (sessions > 0 && conversions / sessions > benchmark) {
      return {
        earnedAt: dayStart(`${m.month}-${String(daysInMonth(m.month)).padStart(2, '0')}`),
        current: 1,
      };
    }
  }
  return { earnedAt: null, current: 0 };
}

function estudante(reading: Engagement['reading'], nowMs: number): Earned {
  const done = uniqueBy(
    reading.filter((r) => r.completedAt !== null),
    (r) => r.contentId,
  )
    .map((r) => Date.parse(r.completedAt!))
    .filter((t) => t <= nowMs)
    .sort((a, b) => a - b);
  const tenth = done[9];
  return tenth === undefined
    ? { earnedAt: null, current: done.length }
    : { earnedAt: new Date(tenth).toISOString(), current: 10 };
}

function relampago(
  quickWins: Engagement['quickWins'],
  toLocal: (instant: string | number) => string,
  nowMs: number,
): Earned {
  const byDay = new Map<string, number[]>();
  for (const q of uniqueBy(quickWins, (q) => q.actionId)) {
    const t = Date.parse(q.completedAt);
    if (t > nowMs) continue;
    const day = toLocal(t);
    byDay.set(day, [...(byDay.get(day) ?? []), t]);
  }
  let earned: number | null = null;
  let best = 0;
  for (const times of byDay.values()) {
    best = Math.max(best, times.length);
    if (times.length < 5) continue;
    const fifth = times.sort((a, b) => a - b)[4]!;
    if (earned === null || fifth < earned) earned = fifth;
  }
  return earned === null
    ? { earnedAt: null, current: best }
    : { earnedAt: new Date(earned).toISOString(), current: 5 };
}

function vip(customerSince: string | null, today: string, dayStart: DayStart): Earned {
  if (customerSince === null) return { earnedAt: null, current: 0 };
  const anniversary = addMonths(customerSince, 12);
  if (daysBetween(anniversary, today) >= 0) return { earnedAt: dayStart(anniversary), current: 12 };
  let months = 0;
  while (months < 12 && daysBetween(addMonths(customerSince, months + 1), today) >= 0) months++;
  return { earnedAt: null, current: months };
}

function uniqueBy<T>(items: readonly T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const t of items) {
    if (seen.has(key(t))) continue;
    seen.add(key(t));
    out.push(t);
  }
  return out;
}
