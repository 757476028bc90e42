import { describe, expect, it } from 'vitest';
import { cnpjWithCheckDigits, formatCnpj, isValidCnpj, normalizeCnpj } from './cnpj.ts';

describe('isValidCnpj', () => {
  it.each([
    ['11222333000181', 'the Receita Federal manual example'],
    ['12345678000195', '12.345.678/0001-95'],
    ['10203061000100', 'both check digits 0 (remainders below 2)'],
    ['10203048000150', 'second check digit 0'],
    ['00000001000136', 'leading zeros'],
  ])('accepts %s (%s)', (value) => {
    expect(isValidCnpj(value)).toBe(true);
  });

  it.each([
    ['12345678000190', 'the first check digit is right, the second is wrong'],
    ['12345678000185', 'the first check digit is wrong'],
    ['11222333000182', 'the last digit off by one'],
    ['1122233300018', '13 digits'],
    ['112223330001811', '15 digits'],
    ['11.222.333/0001-81', 'formatted: validate after normalizing'],
    ['1122233300018a', 'a letter'],
    ['', 'empty'],
    ...Array.from({ length: 10 }, (_, d) => [String(d).repeat(14), 'all the same digit'] as [string, string]),
  ])('refuses %s (%s)', (value) => {
    expect(isValidCnpj(value)).toBe(false);
  });

  it('refuses every single-digit change of a valid CNPJ', () => {
    const valid = '11222333000181';
    for (let i = 0; i < 14; i++)
      for (let d = 0; d <= 9; d++) {
        const changed = `${valid.slice(0, i)}${d}${valid.slice(i + 1)}`;
        if (changed !== valid) expect(isValidCnpj(changed), changed).toBe(false);
      }
  });
});

describe('cnpjWithCheckDigits', () => {
  it('completes a base with the digits isValidCnpj checks', () => {
    expect(cnpjWithCheckDigits('112223330001')).toBe('11222333000181');
    expect(cnpjWithCheckDigits('123456780001')).toBe('12345678000195');
    for (let n = 1; n < 200; n++) {
      const cnpj = cnpjWithCheckDigits(`${String(n * 7919).padStart(8, '0')}0001`);
      expect(isValidCnpj(cnpj), cnpj).toBe(true);
      // Any other pair of check digits is refused.
      const other = String((Number(cnpj.slice(12)) + 1) % 100).padStart(2, '0');
      expect(isValidCnpj(`${cnpj.slice(0, 12)}${other}`)).toBe(false);
    }
  });

  it('refuses a base that is not 12 digits', () => {
    expect(() => cnpjWithCheckDigits('1234')).toThrow(RangeError);
  });
});

describe('formatCnpj and normalizeCnpj', () => {
  it('formats 14 digits and leaves anything else alone', () => {
    expect(formatCnpj('12345678000195')).toBe('12.345.678/0001-95');
    expect(formatCnpj('1234')).toBe('1234');
  });

  it('strips the punctuation and spaces people paste', () => {
    expect(normalizeCnpj(' 12.345.678/0001-95 ')).toBe('12345678000195');
    expect(normalizeCnpj('12 345 678 0001 95')).toBe('12345678000195');
    expect(normalizeCnpj('12a345')).toBe('12a345');
  });

  it('round-trips', () => {
    expect(normalizeCnpj(formatCnpj('11222333000181'))).toBe('11222333000181');
  });
});
