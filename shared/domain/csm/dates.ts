import { dateTimeFormat } from '../../intl.ts';
/**
 * Calendar arithmetic for the CSM rules, independent of the machine's time zone.
 *
 * Invariant: every rule receives `now` as an instant and converts it to a calendar day in the organization's
 * time zone (default America/Sao_Paulo) with `Intl`, then counts days on UTC midnights, so the same inputs give
 * the same answer on a phone in Manaus, a CI box in UTC and the server.
 */
export const DEFAULT_TIME_ZONE = 'America/Sao_Paulo';
export const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` of the instant `now` as seen in `timeZone`. */
export function calendarDate(now: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  const parts = dateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

function dayNumber(isoDate: string): number {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

/** Calendar days from `from` to `to` (both `YYYY-MM-DD`); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** `date` (`YYYY-MM-DD`) plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  return new Date((dayNumber(date) + days) * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days elapsed between two instants (floored; 0 when `later` is not after `earlier`). */
export function elapsedDays(earlier: Date, later: Date): number {
  return Math.max(0, Math.floor((later.getTime() - earlier.getTime()) / DAY_MS));
}

/** Completed months from `from` to `to` (`YYYY-MM-DD`), e.g. 2025-01-15 → 2026-02-14 is 12, → 2026-02-15 is 13. */
export function fullMonthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  const months = (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
  return Math.max(0, months);
}
