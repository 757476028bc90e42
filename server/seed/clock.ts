/**
 * Calendar arithmetic for the demo data, anchored on the injected `now` (never `Date.now()`).
 *
 * Days are integers ("day numbers", days since 1970-01-01 in São Paulo local time) so the generator can do
 * millions of date computations cheaply. America/Sao_Paulo has had no daylight-saving time since 2019, so
 * local time is UTC−03:00 for every date the demo produces (at most ~5 years back); that fixed offset is
 * what lets us skip `Intl` in the hot loops.
 */
export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
const OFFSET_MS = -3 * HOUR_MS;

/** Zero-padded numbers, precomputed: instants are formatted millions of times. */
const PAD2 = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));
const PAD3 = Array.from({ length: 1000 }, (_, n) => String(n).padStart(3, '0'));
const pad2 = (n: number) => PAD2[n] ?? String(n);
/** "Thh:mm:" for each minute of the day. */
const HOUR_MINUTE = Array.from(
  { length: 1440 },
  (_, m) => `T${PAD2[Math.floor(m / 60)] as string}:${PAD2[m % 60] as string}:`,
);

export interface YearMonth {
  year: number;
  /** 1–12 */
  month: number;
}

/** Local calendar helpers bound to one `now`. Each generation builds its own (caches are per instance). */
export interface Calendar {
  readonly nowMs: number;
  /** Today's day number in São Paulo. */
  readonly today: number;
  readonly nowIso: string;
  /** `YYYY-MM-DD` of a day number (cached: the same few hundred dates repeat across thousands of customers). */
  date(day: number): string;
  /** Day number of a `YYYY-MM-DD` string. */
  dayOf(date: string): number;
  /** Day number of an instant. */
  dayOfInstant(ms: number): number;
  /** Instant of a local wall-clock time on a day. */
  at(day: number, hour: number, minute?: number): number;
  iso(ms: number): string;
  /** Year and month of a day. */
  monthOf(day: number): YearMonth;
  /** Day number of the `dayOfMonth` (clamped to the month's length) of the month `offset` months from `base`. */
  dayInMonth(base: YearMonth, offset: number, dayOfMonth: number): number;
  /** `YYYY-MM` of the month `offset` months from `base`. */
  monthKey(base: YearMonth, offset: number): string;
  daysInMonth(ym: YearMonth): number;
  /** Same day-of-month `months` later (clamped), as a day number. */
  addMonths(day: number, months: number): number;
  /** Current local month. */
  readonly thisMonth: YearMonth;
}

/** Gregorian calendar date of a day number without allocating a Date (H. Hinnant's civil_from_days). */
export function civilFromDays(day: number): { year: number; month: number; dayOfMonth: number } {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return {
    year: yoe + era * 400 + (month <= 2 ? 1 : 0),
    month,
    dayOfMonth: doy - Math.floor((153 * mp + 2) / 5) + 1,
  };
}

function shiftMonth({ year, month }: YearMonth, offset: number): YearMonth {
  const total = year * 12 + (month - 1) + offset;
  return { year: Math.floor(total / 12), month: (((total % 12) + 12) % 12) + 1 };
}

const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysIn = ({ year, month }: YearMonth) =>
  month === 2 && isLeap(year) ? 29 : (MONTH_LENGTHS[month - 1] as number);

/** Day number of a calendar date (H. Hinnant's days_from_civil), the inverse of `civilFromDays`. */
function daysFromCivil(year: number, month: number, dayOfMonth: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + dayOfMonth - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

export function createCalendar(nowMs: number): Calendar {
  const dates = new Map<number, string>();
  const dayOfInstant = (ms: number) => Math.floor((ms + OFFSET_MS) / DAY_MS);
  const monthOf = (day: number): YearMonth => {
    const { year, month } = civilFromDays(day);
    return { year, month };
  };
  const dayInMonth = (base: YearMonth, offset: number, dayOfMonth: number) => {
    const ym = shiftMonth(base, offset);
    return daysFromCivil(ym.year, ym.month, Math.min(Math.max(1, dayOfMonth), daysIn(ym)));
  };
  const today = dayOfInstant(nowMs);
  const thisMonth = monthOf(today);
  // Strings are built with Array#join: a template literal leaves a rope of concatenation nodes (≈ 340 bytes for
  // one ISO instant instead of ≈ 48), and the generator keeps millions of them.
  const seconds = new Map<number, string>();
  const secondsPart = (msInMinute: number) => {
    let s = seconds.get(msInMinute);
    if (s === undefined) {
      const sec = Math.floor(msInMinute / 1000);
      s = [PAD2[sec], '.', PAD3[msInMinute - sec * 1000], 'Z'].join('');
      seconds.set(msInMinute, s);
    }
    return s;
  };
  const date = (day: number) => {
    let s = dates.get(day);
    if (s === undefined) {
      const c = civilFromDays(day);
      s = [String(c.year), pad2(c.month), pad2(c.dayOfMonth)].join('-');
      dates.set(day, s);
    }
    return s;
  };
  return {
    nowMs,
    today,
    nowIso: new Date(nowMs).toISOString(),
    thisMonth,
    date,
    dayOf: (date) => Math.round(Date.parse(`${date.slice(0, 10)}T00:00:00Z`) / DAY_MS),
    dayOfInstant,
    at: (day, hour, minute = 0) => day * DAY_MS + hour * HOUR_MS + minute * MINUTE_MS - OFFSET_MS,
    // Same string as Date#toISOString (UTC, milliseconds, "Z"), assembled from cached pieces — the date, "Thh:mm:"
    // and "ss.mmmZ" — so each instant costs two small concatenation nodes over shared strings (toISOString
    // costs ≈ 3 µs here, and the generator formats millions of instants).
    iso: (ms) => {
      const day = Math.floor(ms / DAY_MS);
      const rest = ms - day * DAY_MS;
      const minuteOfDay = Math.floor(rest / MINUTE_MS);
      return date(day) + (HOUR_MINUTE[minuteOfDay] as string) + secondsPart(rest - minuteOfDay * MINUTE_MS);
    },
    monthOf,
    dayInMonth,
    monthKey: (base, offset) => {
      const ym = shiftMonth(base, offset);
      return [String(ym.year), pad2(ym.month)].join('-');
    },
    daysInMonth: daysIn,
    addMonths: (day, months) => {
      const c = civilFromDays(day);
      return dayInMonth(c, months, c.dayOfMonth);
    },
  };
}
