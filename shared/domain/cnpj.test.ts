import { describe, expect, it } from 'vitest';
import { cnpjWithCheckDigits, formatCnpj, isValidCnpj, normalizeCnpj } from './cnpj.ts';

const valueOf = (c: string) => c.charCodeAt(0) - 48;

describe('isValidCnpj', () => {
  it.each([
    ['11222333000181', 'the Receita Federal manual example'],
    ['12345678000195', '12.345.678/0001-95'],
    ['10203061000100', 'both check digits 0 (remainders below 2)'],
    ['10203048000150', 'second check digit 0'],
    ['00000001000136', 'leading zeros'],
    ['12ABC34501DE35', "the Receita Federal's alphanumeric example, 12.ABC.345/01DE-35"],
    ['ABCDEFGHIJKL80', 'letters only before the check digits'],
    ['0000000Z000100', 'one letter among zeros, both check digits 0'],
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
    ['1122233300018A', 'a letter as a check digit'],
    ['12abc34501de35', 'lowercase letters (the form uppercases them first)'],
    ['12ABC34501DE36', 'an alphanumeric CNPJ with its last check digit off by one'],
    ['12ABC34501DF35', 'an alphanumeric CNPJ with one letter changed'],
    ['12ÁBC34501DE35', 'an accented letter'],
    ['12AB-34501DE35', 'punctuation inside: validate after normalizing'],
    ['', 'empty'],
    ...Array.from({ length: 10 }, (_, d) => [String(d).repeat(14), 'all the same digit'] as [string, string]),
  ])('refuses %s (%s)', (value) => {
    expect(isValidCnpj(value)).toBe(false);
  });

  it.each(['11222333000181', '12ABC34501DE35'])(
    'refuses every single-character change of %s (a digit or a capital, where the shape allows it)',
    (valid) => {
      const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
      for (let i = 0; i < 14; i++)
        for (const c of i < 12 ? alphabet : alphabet.slice(0, 10)) {
          const changed = `${valid.slice(0, i)}${c}${valid.slice(i + 1)}`;
          // Mod 11 over values up to 42 cannot catch every substitution: a letter 11 away from the character
          // it replaces ("1" → "L", "A" → "L") leaves both sums unchanged. The Receita's scheme, not ours.
          const sameResidue = (valueOf(c) - valueOf(valid[i]!)) % 11 === 0;
          if (changed !== valid && !sameResidue) expect(isValidCnpj(changed), changed).toBe(false);
        }
    },
  );
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

  it('completes an alphanumeric base: the Receita Federal example', () => {
    expect(cnpjWithCheckDigits('12ABC34501DE')).toBe('12ABC34501DE35');
  });

  it('refuses a base that is not 12 digits or capitals', () => {
    expect(() => cnpjWithCheckDigits('1234')).toThrow(RangeError);
    expect(() => cnpjWithCheckDigits('12abc34501de')).toThrow(RangeError);
  });
});

describe('formatCnpj and normalizeCnpj', () => {
  it('formats 14 digits and leaves anything else alone', () => {
    expect(formatCnpj('12345678000195')).toBe('12.345.678/0001-95');
    expect(formatCnpj('12ABC34501DE35')).toBe('12.ABC.345/01DE-35');
    expect(formatCnpj('1234')).toBe('1234');
    expect(formatCnpj('12ABC34501DE3A')).toBe('12ABC34501DE3A');
  });

  it('strips the punctuation and spaces people paste', () => {
    expect(normalizeCnpj(' 12.345.678/0001-95 ')).toBe('12345678000195');
    expect(normalizeCnpj('12 345 678 0001 95')).toBe('12345678000195');
    expect(normalizeCnpj('12.abc.345/01de-35')).toBe('12ABC34501DE35');
    expect(normalizeCnpj('12#345')).toBe('12#345');
  });

  it('round-trips', () => {
    expect(normalizeCnpj(formatCnpj('11222333000181'))).toBe('11222333000181');
    expect(normalizeCnpj(formatCnpj('12ABC34501DE35'))).toBe('12ABC34501DE35');
  });
});
