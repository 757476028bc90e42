import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalInstant, centsToDecimal, decimalToCents } from './codecs.ts';

describe('money codec (integer cents ⇄ numeric(15,2) text)', () => {
  it.each([
    [450_000, '4500.00'], // R$ 4.500,00 — the seed's TechCorp MRR
    [4_320_000, '43200.00'], // R$ 43.200 revenue in the ROI example
    [850_000, '8500.00'],
    [1, '0.01'],
    [10, '0.10'],
    [0, '0.00'],
    [-1_234, '-12.34'],
    [1_000_000_000_000, '10000000000.00'],
  ])('%i cents ⇄ %s', (cents, decimal) => {
    expect(centsToDecimal(cents)).toBe(decimal);
    expect(decimalToCents(decimal)).toBe(cents);
  });

  it.each([
    ['4500', 450_000],
    ['4500.5', 450_050],
    ['0.100', 10],
    ['-0.00', 0],
  ])('reads %s as %i cents', (decimal, cents) => {
    expect(decimalToCents(decimal)).toBe(cents);
  });

  it.each(['1.005', 'abc', '', '1e3', '12,50'])('refuses %j', (decimal) => {
    expect(() => decimalToCents(decimal)).toThrow(RangeError);
  });

  it('refuses non-integer or unsafe cents', () => {
    expect(() => centsToDecimal(1.5)).toThrow(RangeError);
    expect(() => centsToDecimal(Number.MAX_SAFE_INTEGER + 1)).toThrow(RangeError);
  });

  it('round-trips every amount the schemas allow', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 }), (cents) => {
        expect(decimalToCents(centsToDecimal(cents))).toBe(cents);
      }),
    );
  });
});

describe('canonicalInstant', () => {
  it('turns any offset into UTC with milliseconds', () => {
    expect(canonicalInstant('2026-01-15T10:00:00-03:00')).toBe('2026-01-15T13:00:00.000Z');
    expect(canonicalInstant('2026-01-15T13:00:00Z')).toBe('2026-01-15T13:00:00.000Z');
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1970-01-01'), max: new Date('2999-12-31'), noInvalidDate: true }),
        (d) => {
          const once = canonicalInstant(d.toISOString());
          expect(canonicalInstant(once)).toBe(once);
        },
      ),
    );
  });

  it('refuses garbage', () => {
    expect(() => canonicalInstant('ontem')).toThrow(RangeError);
  });
});
