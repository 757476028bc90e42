import { describe, expect, it } from 'vitest';
import { addDays, calendarDate, daysBetween, elapsedDays, fullMonthsBetween } from './dates.ts';

describe('dates', () => {
  it.each([
    ['2026-01-29T15:00:00-03:00', 'America/Sao_Paulo', '2026-01-29'],
    ['2026-01-30T01:00:00Z', 'America/Sao_Paulo', '2026-01-29'],
    ['2026-01-30T01:00:00Z', 'UTC', '2026-01-30'],
    ['2026-01-30T04:30:00Z', 'America/Manaus', '2026-01-30'],
  ])('%s in %s is %s', (instant, tz, date) => {
    expect(calendarDate(new Date(instant), tz)).toBe(date);
  });

  it.each([
    ['2026-01-29', '2026-03-30', 60],
    ['2026-03-30', '2026-01-29', -60],
    ['2024-02-28', '2024-03-01', 2],
    ['2025-12-31', '2026-01-01', 1],
  ])('%s → %s is %i days', (a, b, n) => {
    expect(daysBetween(a, b)).toBe(n);
    expect(addDays(a, n)).toBe(b);
  });

  it.each([
    ['2025-01-15', '2026-02-14', 12],
    ['2025-01-15', '2026-02-15', 13],
    ['2025-01-31', '2025-02-28', 0],
    ['2026-01-10', '2025-01-10', 0],
  ])('%s → %s is %i full months', (a, b, n) => {
    expect(fullMonthsBetween(a, b)).toBe(n);
  });

  it('floors elapsed days and never goes negative', () => {
    expect(elapsedDays(new Date('2026-01-01T00:00:00Z'), new Date('2026-01-02T23:59:59Z'))).toBe(1);
    expect(elapsedDays(new Date('2026-01-02T00:00:00Z'), new Date('2026-01-01T00:00:00Z'))).toBe(0);
  });
});
