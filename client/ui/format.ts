import { dateTimeFormat, numberFormat, relativeTimeFormat } from '../../shared/intl.ts';
/**
 * Locale-aware formatters built on `Intl` (docs/architecture.md §1: BRL, `dd/mm/aaaa`, America/Sao_Paulo by default).
 *
 * Invariants:
 * - Money comes in as integer cents and is never converted through floats beyond the final display division.
 * - Calendar dates (`YYYY-MM-DD`) are shown as written, never shifted by a time zone; instants (ISO with offset)
 *   are shown in the given time zone (the user's, default America/Sao_Paulo).
 * - Intl separates the currency symbol with a no-break space (U+00A0), so "R$ 4.500,00" never wraps.
 */
export type AppLanguage = 'pt-BR' | 'en';

export const DEFAULT_TIME_ZONE = 'America/Sao_Paulo';

/** The `Intl` locale behind each UI language (English numbers and dates in US style). */
const INTL_LOCALE: Record<AppLanguage, string> = { 'pt-BR': 'pt-BR', en: 'en-US' };

export interface FormatOptions {
  readonly language: AppLanguage;
  readonly timeZone?: string;
}

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function formatMoney(cents: number, { language }: FormatOptions): string {
  return numberFormat(INTL_LOCALE[language], { style: 'currency', currency: 'BRL' }).format(cents / 100);
}

/** Whole reais, truncated (a hero figure never overstates): "R$ 43.200". */
export function formatMoneyWhole(cents: number, { language }: FormatOptions): string {
  return numberFormat(INTL_LOCALE[language], {
    style: 'currency',
    currency: 'BRL',
    minimumFractionDigits: 0,
    maximumFractionDigits: 0,
    roundingMode: 'trunc',
  }).format(cents / 100);
}

/** Short money for cards and charts: "R$ 43,2 mil", "R$ 1,3 mi". */
export function formatMoneyCompact(cents: number, { language }: FormatOptions): string {
  return numberFormat(INTL_LOCALE[language], {
    style: 'currency',
    currency: 'BRL',
    notation: 'compact',
    minimumFractionDigits: 0,
    maximumFractionDigits: 1,
  }).format(cents / 100);
}

export function formatNumber(value: number, { language }: FormatOptions): string {
  return numberFormat(INTL_LOCALE[language], { maximumFractionDigits: 2 }).format(value);
}

/** `ratio` is a fraction (0.347 → "34,7%"). */
export function formatPercent(ratio: number, { language }: FormatOptions): string {
  return numberFormat(INTL_LOCALE[language], { style: 'percent', maximumFractionDigits: 1 }).format(ratio);
}

const DATE_PARTS: Record<AppLanguage, Intl.DateTimeFormatOptions> = {
  'pt-BR': { day: '2-digit', month: '2-digit', year: 'numeric' },
  en: { month: 'short', day: 'numeric', year: 'numeric' },
};

/** A calendar date or an instant as a date: "21/11/2026" in pt-BR. */
export function formatDate(
  value: string | Date,
  { language, timeZone = DEFAULT_TIME_ZONE }: FormatOptions,
): string {
  const calendar = typeof value === 'string' ? CALENDAR_DATE.exec(value) : null;
  if (calendar) {
    // A calendar date has no time zone: format its own Y-M-D at UTC so no offset can move it a day.
    const [, y, m, d] = calendar.map(Number) as [number, number, number, number];
    return dateTimeFormat(INTL_LOCALE[language], {
      ...DATE_PARTS[language],
      timeZone: 'UTC',
    }).format(new Date(Date.UTC(y, m - 1, d)));
  }
  return dateTimeFormat(INTL_LOCALE[language], { ...DATE_PARTS[language], timeZone }).format(toDate(value));
}

/** An instant with its time: "21/11/2026 09:30" in pt-BR. */
/** The clock time of an instant in the user's zone: "14:05" (pt-BR), "2:05 PM" (en). */
export function formatTime(
  value: string | Date,
  { language, timeZone = DEFAULT_TIME_ZONE }: FormatOptions,
): string {
  return dateTimeFormat(INTL_LOCALE[language], {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: language === 'pt-BR' ? 'h23' : 'h12',
    timeZone,
  }).format(toDate(value));
}

export function formatDateTime(
  value: string | Date,
  { language, timeZone = DEFAULT_TIME_ZONE }: FormatOptions,
): string {
  const parts = dateTimeFormat(INTL_LOCALE[language], {
    ...DATE_PARTS[language],
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: language === 'pt-BR' ? 'h23' : 'h12',
    timeZone,
  }).formatToParts(toDate(value));
  // Intl puts ", " between date and time in pt-BR; Brazilian usage writes them side by side.
  return parts
    .map((p) => (p.type === 'literal' && p.value.trim() === ',' && language === 'pt-BR' ? ' ' : p.value))
    .join('');
}

const RELATIVE_STEPS: readonly { unit: Intl.RelativeTimeFormatUnit; seconds: number; upTo: number }[] = [
  { unit: 'minute', seconds: 60, upTo: 45 * 60 },
  { unit: 'hour', seconds: 3600, upTo: 22 * 3600 },
  { unit: 'day', seconds: 86_400, upTo: 26 * 86_400 },
  { unit: 'month', seconds: 30 * 86_400, upTo: 320 * 86_400 },
  { unit: 'year', seconds: 365 * 86_400, upTo: Number.POSITIVE_INFINITY },
];

/**
 * "há 2 dias", "em 3 horas", "agora". Rounds to the largest sensible unit; under 45 s (either way) is "now".
 * `style: 'short'` gives "há 2 min." for tight spaces such as the top bar.
 */
export function formatRelativeTime(
  value: string | Date,
  now: Date,
  { language, style = 'long' }: FormatOptions & { style?: 'long' | 'short' },
): string {
  const diffSeconds = (toDate(value).getTime() - now.getTime()) / 1000;
  const abs = Math.abs(diffSeconds);
  if (abs < 45) {
    return relativeTimeFormat(INTL_LOCALE[language], { numeric: 'auto', style }).format(0, 'second');
  }
  const step = RELATIVE_STEPS.find((s) => abs < s.upTo) ?? RELATIVE_STEPS[RELATIVE_STEPS.length - 1]!;
  const amount = Math.max(1, Math.round(abs / step.seconds)) * Math.sign(diffSeconds);
  return relativeTimeFormat(INTL_LOCALE[language], { numeric: 'always', style }).format(amount, step.unit);
}

function toDate(value: string | Date): Date {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a date: ${String(value)}`);
  return date;
}

/** A time zone's name for people ("Horário Padrão de Brasília"), falling back to its IANA id. */
export function formatTimeZone(timeZone: string, { language }: FormatOptions): string {
  try {
    const part = dateTimeFormat(INTL_LOCALE[language], { timeZone, timeZoneName: 'longGeneric' })
      .formatToParts(new Date(0))
      .find((p) => p.type === 'timeZoneName');
    return part && !/^GMT[+-]/.test(part.value) ? part.value : timeZone;
  } catch {
    return timeZone; // Unknown zone id: show it as given rather than crash the settings page.
  }
}
