import { describe, expect, it } from 'vitest';
import type { AppLanguage } from './format.ts';
import { formatDayMonth, formatMeetingTime, formatMonthYear, toLocalDateTimeInput } from './short-dates.ts';

const SP = 'America/Sao_Paulo';

describe('portal date formats (seed: "Cliente desde jan/2024", "15/09", "20/10 às 15h")', () => {
  it.each<[string, AppLanguage, string]>([
    ['2024-01-15', 'pt-BR', 'jan/2024'],
    ['2023-10-31', 'pt-BR', 'out/2023'],
    ['2024-05-01', 'pt-BR', 'mai/2024'],
    ['2024-01-15', 'en', 'Jan 2024'],
  ])('month/year of %s in %s → %s', (date, language, expected) => {
    expect(formatMonthYear(date, { language })).toBe(expected);
  });

  it.each<[string, AppLanguage, string, string]>([
    ['2026-09-15T17:00:00.000Z', 'pt-BR', SP, '15/09'],
    // 01:30 UTC is still the previous evening in São Paulo.
    ['2026-09-16T01:30:00.000Z', 'pt-BR', SP, '15/09'],
    ['2026-09-16T01:30:00.000Z', 'pt-BR', 'UTC', '16/09'],
    ['2026-09-15T17:00:00.000Z', 'en', SP, 'Sep 15'],
  ])('day/month of %s in %s (%s) → %s', (instant, language, timeZone, expected) => {
    expect(formatDayMonth(instant, { language, timeZone })).toBe(expected);
  });

  it.each<[string, AppLanguage, string]>([
    ['2026-10-20T18:00:00.000Z', 'pt-BR', '20/10 às 15h'],
    ['2026-10-20T18:30:00.000Z', 'pt-BR', '20/10 às 15h30'],
    ['2026-10-20T12:05:00.000Z', 'pt-BR', '20/10 às 9h05'],
    ['2026-10-20T18:00:00.000Z', 'en', 'Oct 20 at 3:00 PM'],
  ])('meeting at %s in %s → %s', (instant, language, expected) => {
    expect(formatMeetingTime(instant, { language, timeZone: SP })).toBe(expected);
  });

  it.each([
    ['2026-11-26T18:30:00.000Z', SP, '2026-11-26T15:30'],
    ['2026-11-26T02:00:00.000Z', SP, '2026-11-25T23:00'],
    ['2026-11-26T00:00:00.000Z', 'UTC', '2026-11-26T00:00'],
  ])('datetime-local value of %s in %s → %s', (instant, zone, expected) => {
    expect(toLocalDateTimeInput(instant, zone)).toBe(expected);
  });
});
