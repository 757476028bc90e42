import { expect, it } from 'vitest';
import { formatMoneyCard, formatMoneyWhole } from './money.ts';

it.each([
  [12_745_000, 'pt-BR', 'R$\u00a0127.450'],
  [450_000, 'pt-BR', 'R$\u00a04.500'],
  [150_049, 'pt-BR', 'R$\u00a01.500'],
  [150_050, 'pt-BR', 'R$\u00a01.501'],
  [0, 'pt-BR', 'R$\u00a00'],
  [450_000, 'en', 'R$4,500'],
] as const)('formatMoneyWhole(%i, %s) = %j', (cents, language, expected) => {
  expect(formatMoneyWhole(cents, language)).toBe(expected);
});

it.each([
  [99_999_900, 'pt-BR', 'R$\u00a0999.999', null],
  [123_456_789, 'pt-BR', 'R$\u00a01.234.568', 'R$\u00a01,2\u00a0mi'],
  [3_123_456_700, 'pt-BR', 'R$\u00a031.234.567', 'R$\u00a031,2\u00a0mi'],
  [123_456_789, 'en', 'R$1,234,568', 'R$1.2M'],
] as const)('formatMoneyCard(%i, %s): full %j, compact %j', (cents, language, full, compact) => {
  expect(formatMoneyCard(cents, language)).toEqual({ full, compact });
});
