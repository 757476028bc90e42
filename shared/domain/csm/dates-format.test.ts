import { describe, expect, it } from 'vitest';
import { addDays, calendarDate, daysBetween, elapsedDays, fullMonthsBetween } from './dates.ts';
import { formatBRL, formatDateBR, formatNumber, formatSigned } from './format.ts';

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

describe('pt-BR formatting', () => {
  it.each([
    [150_000, 'R$ 1.500'],
    [1_840_000, 'R$ 18.400'],
    [150_050, 'R$ 1.500,50'],
    [5, 'R$ 0,05'],
    [-2_500, '-R$ 25'],
    [123_456_789, 'R$ 1.234.567,89'],
  ])('%i cents is %s', (cents, text) => {
    expect(formatBRL(cents)).toBe(text);
  });

  it.each([
    [4.8, 1, '4,8'],
    [12, 1, '12'],
    [1234.56, 1, '1.234,6'],
    [-0.04, 1, '0'],
  ])('%d (%i decimals) is %s', (v, d, text) => {
    expect(formatNumber(v, d)).toBe(text);
  });

  it('signs with a real minus and formats dates as dd/mm/aaaa', () => {
    expect(formatSigned(4.125)).toBe('+4,1');
    expect(formatSigned(-4.125)).toBe('−4,1');
    expect(formatSigned(0.01)).toBe('0');
    expect(formatDateBR('2026-03-20')).toBe('20/03/2026');
  });
});
