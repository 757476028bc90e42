import { TZDate } from '@date-fns/tz';
import { z } from 'zod';

/**
 * Calendar helpers for the portal rules. Two kinds of time, never mixed:
 * - **instants** (`isoDateTime` strings / epoch ms): when something happened, time-zone free;
 * - **local calendar dates** (`YYYY-MM-DD`): a day *in one user's IANA time zone*.
 *
 * Day arithmetic is done on calendar dates (via UTC noon-free date math), never by adding 24 h to an instant,
 * so a 23 h or 25 h DST day is still exactly one day. Only `Intl` and `@date-fns/tz` are used (ECMAScript,
 * no DOM, no Node).
 */

/** An IANA time zone the runtime's Intl database knows (e.g. America/Sao_Paulo). */
export const timeZoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine(isKnownTimeZone, { message: 'unknown IANA time zone' });

export const DEFAULT_TIME_ZONE = 'America/Sao_Paulo';

export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseIsoDate(date: string): { year: number; month: number; day: number } {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`expected YYYY-MM-DD, got "${date}"`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Days since 1970-01-01 of a calendar date (no time zone involved: a date is a date). */
export function dayNumber(date: string): number {
  const { year, month, day } = parseIsoDate(date);
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

export function dateFromDayNumber(n: number): string {
  const d = new Date(n * MS_PER_DAY);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export const addDays = (date: string, days: number): string => dateFromDayNumber(dayNumber(date) + days);

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => dayNumber(to) - dayNumber(from);

/** `YYYY-MM` → number of days in that month (28–31). */
export function daysInMonth(month: string): number {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Adds calendar months, clamping the day (2024-02-29 + 12 months → 2025-02-28). */
export function addMonths(date: string, months: number): string {
  const { year, month, day } = parseIsoDate(date);
  const total = year * 12 + (month - 1) + months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  const last = daysInMonth(`${pad(y, 4)}-${pad(m)}`);
  return `${pad(y, 4)}-${pad(m)}-${pad(Math.min(day, last))}`;
}

/**
 * Returns a function mapping an instant to its local calendar date in `timeZone`. Build it once per rule call
 * and reuse it in loops (constructing an Intl formatter is the expensive part).
 */
export function localDateFormatter(timeZone: string): (instant: string | number) => string {
  const fmt = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hourCycle: 'h23',
  });
  return (instant) => {
    const ms = typeof instant === 'number' ? instant : Date.parse(instant);
    if (Number.isNaN(ms)) throw new RangeError(`invalid instant "${String(instant)}"`);
    const parts = fmt.formatToParts(ms);
    const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
    return `${get('year').padStart(4, '0')}-${get('month')}-${get('day')}`;
  };
}

export const localDateOf = (instant: string | number, timeZone: string): string =>
  localDateFormatter(timeZone)(instant);

/**
 * The instant (epoch ms) of a local wall-clock time in `timeZone`. A time inside a DST gap moves forward
 * (02:30 on a spring-forward night → 03:30); an ambiguous time (fall-back) takes the first occurrence.
 */
export function zonedTimeToEpochMs(date: string, minutesOfDay: number, timeZone: string): number {
  const { year, month, day } = parseIsoDate(date);
  const hours = Math.floor(minutesOfDay / 60);
  const minutes = minutesOfDay % 60;
  return new TZDate(year, month - 1, day, hours, minutes, timeZone).getTime();
}

/** Start of a local calendar day (00:00 in `timeZone`) as epoch ms. */
export const startOfLocalDayMs = (date: string, timeZone: string): number =>
  zonedTimeToEpochMs(date, 0, timeZone);

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const { year, month, day } = parseIsoDate(date);
  const d = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return d === 0 ? 7 : d;
}

/** `YYYY-MM` of a calendar date. */
export const monthOf = (date: string): string => date.slice(0, 7);
