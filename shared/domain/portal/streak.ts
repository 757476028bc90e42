import { z } from 'zod';
import { isoDate, isoDateTime } from '../../entities/common.ts';
import { dateFromDayNumber, dayNumber, localDateFormatter, timeZoneSchema } from './time.ts';

/**
 * Visit streaks (dashboard § Gamificação "🔥 Streak de 7 dias seguidos acessando").
 *
 * A visit belongs to the **local calendar day of the user's IANA time zone** (engagement.timeZone, default
 * America/Sao_Paulo). The device appends that day to `engagement.visitDays` (`visitDayFor`), so streaks are
 * counted on calendar dates, never on 24 h intervals: a 23 h or 25 h DST day is one day, and two visits 23 h
 * apart on consecutive local days are a 2-day streak.
 *
 * - `current`: consecutive visit days ending today — or ending yesterday, because the streak is still alive
 *   until today is over (`atRisk` says "visit today to keep it").
 * - `longest`: the longest run ever, with the day it ended.
 * Days after `today` (clock skew, a later time-zone change) are ignored; duplicates count once.
 */
export const streakFromDaysInputSchema = z.strictObject({
  visitDays: z.array(isoDate).max(20_000),
  today: isoDate,
});

export const streakFromVisitsInputSchema = z.strictObject({
  visits: z.array(isoDateTime).max(100_000),
  timeZone: timeZoneSchema,
  now: isoDateTime,
});

export interface Streak {
  current: number;
  longest: number;
  /** Last day of the longest run (the most recent one on ties); null with no visits. */
  longestEndedOn: string | null;
  visitedToday: boolean;
  /** Alive only thanks to yesterday: a visit today keeps it, otherwise it resets tomorrow. */
  atRisk: boolean;
  lastVisitDay: string | null;
}

/** The local day to record for a visit at `now` in the user's time zone. */
export function visitDayFor(input: { now: string; timeZone: string }): string {
  const { now, timeZone } = z.strictObject({ now: isoDateTime, timeZone: timeZoneSchema }).parse(input);
  return localDateFormatter(timeZone)(now);
}

export function streakFromDays(input: z.input<typeof streakFromDaysInputSchema>): Streak {
  const { visitDays, today } = streakFromDaysInputSchema.parse(input);
  return computeStreak(visitDays.map(dayNumber), dayNumber(today));
}

export function streakFromVisits(input: z.input<typeof streakFromVisitsInputSchema>): Streak {
  const { visits, timeZone, now } = streakFromVisitsInputSchema.parse(input);
  const toLocal = localDateFormatter(timeZone);
  return computeStreak(
    visits.map((v) => dayNumber(toLocal(v))),
    dayNumber(toLocal(now)),
  );
}

/**
 * The first day on which a run of `length` consecutive visit days was completed (for streak badges), or null.
 */
export function firstRunCompletedOn(
  visitDays: readonly string[],
  length: number,
  today: string,
): string | null {
  const days = uniqueSortedDays(visitDays.map(dayNumber), dayNumber(today));
  let run = 0;
  for (let i = 0; i < days.length; i++) {
    run = i > 0 && days[i] === days[i - 1]! + 1 ? run + 1 : 1;
    if (run >= length) return dateFromDayNumber(days[i]!);
  }
  return null;
}

function uniqueSortedDays(days: number[], todayN: number): number[] {
  return [...new Set(days.filter((d) => d <= todayN))].sort((a, b) => a - b);
}

function computeStreak(rawDays: number[], todayN: number): Streak {
  const days = uniqueSortedDays(rawDays, todayN);
  if (days.length === 0) {
    return {
      current: 0,
      longest: 0,
      longestEndedOn: null,
      visitedToday: false,
      atRisk: false,
      lastVisitDay: null,
    };
  }
  let longest = 0;
  let longestEnd = days[0]!;
  let run = 0;
  for (let i = 0; i < days.length; i++) {
    run = i > 0 && days[i] === days[i - 1]! + 1 ? run + 1 : 1;
    if (run >= longest) {
      longest = run;
      longestEnd = days[i]!;
    }
  }
  const last = days[days.length - 1]!;
  // `run` is now the run ending at the last visit day.
  const alive = last === todayN || last === todayN - 1;
  return {
    current: alive ? run : 0,
    longest,
    longestEndedOn: dateFromDayNumber(longestEnd),
    visitedToday: last === todayN,
    atRisk: alive && last === todayN - 1,
    lastVisitDay: dateFromDayNumber(last),
  };
}
