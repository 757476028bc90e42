import { DEFAULT_TIME_ZONE, type FormatOptions } from './format.ts';
import { dateTimeFormat } from '../../shared/intl.ts';

/**
 * Short date forms for cards ("Última reunião: 15/09", "Próxima reunião: 20/10 às 15h", "Cliente desde
 * jan/2024"), complementing client/ui/format.ts. Instants are shown in the user's time zone; calendar dates as
 * written.
 */
const INTL_LOCALE = { 'pt-BR': 'pt-BR', en: 'en-US' } as const;

const partsOf = (value: string, options: Intl.DateTimeFormatOptions, locale: string) => {
  const parts = dateTimeFormat(locale, options).formatToParts(new Date(value));
  return (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
};

/** A calendar date's month and year: "jan/2024" (pt-BR), "Jan 2024" (en). */
export function formatMonthYear(calendarDate: string, { language }: FormatOptions): string {
  const get = partsOf(
    `${calendarDate.slice(0, 10)}T12:00:00Z`,
    { month: 'short', year: 'numeric', timeZone: 'UTC' },
    INTL_LOCALE[language],
  );
  return language === 'pt-BR'
    ? `${get('month').replace('.', '')}/${get('year')}`
    : `${get('month')} ${get('year')}`;
}

/** An instant's day and month: "15/09" (pt-BR), "Sep 15" (en). */
export function formatDayMonth(
  instant: string,
  { language, timeZone = DEFAULT_TIME_ZONE }: FormatOptions,
): string {
  if (language === 'pt-BR') {
    const get = partsOf(instant, { day: '2-digit', month: '2-digit', timeZone }, 'pt-BR');
    return `${get('day')}/${get('month')}`;
  }
  return dateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone }).format(new Date(instant));
}

/** A meeting time: "20/10 às 15h", "20/10 às 15h30" (pt-BR); "Oct 20 at 3:00 PM" (en). */
export function formatMeetingTime(instant: string, options: FormatOptions): string {
  const { language, timeZone = DEFAULT_TIME_ZONE } = options;
  const day = formatDayMonth(instant, options);
  if (language === 'pt-BR') {
    const get = partsOf(instant, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }, 'pt-BR');
    const hour = String(Number(get('hour')));
    const minute = get('minute');
    return `${day} às ${hour}h${minute === '00' ? '' : minute}`;
  }
  const time = dateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit', timeZone }).format(
    new Date(instant),
  );
  return `${day} at ${time}`;
}

/** An instant as a `<input type="datetime-local">` value in `timeZone` (`YYYY-MM-DDTHH:mm`). */
export function toLocalDateTimeInput(instant: string | Date, timeZone: string): string {
  const get = partsOf(
    typeof instant === 'string' ? instant : instant.toISOString(),
    {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone,
    },
    'en-US',
  );
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}
