import { describe, expect, it } from 'vitest';
import { arcoTypeParsers, parseInstant, parseInt8 } from './pg-types.ts';

describe('type parsers', () => {
  it.each([
    ['2026-01-15 13:00:00+00', '2026-01-15T13:00:00.000Z'],
    ['2026-01-15 10:00:00.123456-03', '2026-01-15T13:00:00.123Z'],
    ['2026-01-15 22:00:00+09:30', '2026-01-15T12:30:00.000Z'],
  ])('timestamptz %s → %s', (text, iso) => {
    expect(parseInstant(text)).toBe(iso);
  });

  it('refuses an infinite timestamp rather than inventing one', () => {
    expect(() => parseInstant('infinity')).toThrow(RangeError);
  });

  it('reads int8 as a number, refusing values beyond 2^53', () => {
    expect(parseInt8('9007199254740991')).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => parseInt8('9007199254740993')).toThrow(RangeError);
  });

  it('keeps dates and numerics as strings', () => {
    const date = arcoTypeParsers.getTypeParser(1082, 'text') as (v: string) => unknown;
    const numeric = arcoTypeParsers.getTypeParser(1700, 'text') as (v: string) => unknown;
    expect(date('2026-01-15')).toBe('2026-01-15');
    expect(numeric('4500.00')).toBe('4500.00');
  });
});
