import { describe, expect, it } from 'vitest';
import { formatBRL, formatNumber } from './pt-br-format.ts';

describe('pt-BR formatting of the demo content', () => {
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
});
