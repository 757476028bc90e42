import { useMemo } from 'react';
import { useSession } from '../auth/session-context.tsx';
import { PROFILE_DOC, readProfile } from '../db/profile-document.ts';
import { useLocalValue } from '../db/local-documents.ts';
import { useLanguage } from '../i18n/use-language.ts';
import {
  DEFAULT_TIME_ZONE,
  formatDate,
  formatDateTime,
  formatMoney,
  formatMoneyCompact,
  formatMoneyWhole,
  formatNumber,
  formatPercent,
  formatRelativeTime,
  formatTime,
  formatTimeZone,
  type FormatOptions,
} from '../ui/format.ts';
import { formatDayMonth, formatMeetingTime, formatMonthYear } from '../ui/short-dates.ts';

/**
 * The formatters bound to the UI language and the signed-in user's time zone (São Paulo by default): the
 * profile's on the device (so a change in Ajustes applies at once, also offline), else the session's. The
 * language and time zone themselves come along for what formats with them elsewhere (form inputs).
 */
export function useFormat() {
  const { language } = useLanguage();
  const { user } = useSession();
  // Parsed once per stored value, not per render: every formatted component calls this hook.
  const storedProfile = useLocalValue(PROFILE_DOC);
  const profileZone = useMemo(() => readProfile(storedProfile)?.timeZone, [storedProfile]);
  const timeZone = profileZone ?? user?.timeZone ?? DEFAULT_TIME_ZONE;
  return useMemo(() => {
    const options: FormatOptions = { language, timeZone };
    return {
      language,
      timeZone,
      money: (cents: number) => formatMoney(cents, options),
      moneyCompact: (cents: number) => formatMoneyCompact(cents, options),
      /** "R$ 43.200" — whole reais, truncated. */
      moneyWhole: (cents: number) => formatMoneyWhole(cents, options),
      number: (value: number) => formatNumber(value, options),
      percent: (ratio: number) => formatPercent(ratio, options),
      date: (value: string | Date) => formatDate(value, options),
      dateTime: (value: string | Date) => formatDateTime(value, options),
      /** "14:05" — an instant's clock time. */
      time: (value: string | Date) => formatTime(value, options),
      timeZoneName: (zone: string) => formatTimeZone(zone, options),
      relative: (value: string | Date, now: Date, style: 'long' | 'short' = 'long') =>
        formatRelativeTime(value, now, { ...options, style }),
      /** "jan/2024" — a calendar date's month and year. */
      monthYear: (calendarDate: string) => formatMonthYear(calendarDate, options),
      /** "15/09" — an instant's day and month. */
      dayMonth: (instant: string) => formatDayMonth(instant, options),
      /** "20/10 às 15h" — a meeting's time. */
      meetingTime: (instant: string) => formatMeetingTime(instant, options),
    };
  }, [language, timeZone]);
}
