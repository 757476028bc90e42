import { expect, it } from 'vitest';
import { formatMoneyWhole } from './money.ts';

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
