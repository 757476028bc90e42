import { describe, expect, it } from 'vitest';
import { formatMoneyInput, parseMoneyCents } from './money-input.ts';

describe('parseMoneyCents', () => {
  it.each([
    ['4.500,00', 450_000],
    ['4500,00', 450_000],
    ['4500', 450_000],
    ['4.500', 450_000],
    ['4500,5', 450_050],
    ['0,99', 99],
    ['0', 0],
    ['R$ 4.500,00', 450_000],
    ['R$\u00a03.500,00', 350_000],
    ['  1.234.567,89 ', 123_456_789],
    ['007', 700],
    ['10.000.000.000,00', 1_000_000_000_000],
  ])('pt-BR %j → %i cents', (text, cents) => {
    expect(parseMoneyCents(text, 'pt-BR')).toEqual({ ok: true, cents });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['R$', 'empty'],
    ['4,500.00', 'invalid'],
    ['4.50', 'invalid'],
    ['4.5000', 'invalid'],
    ['45.00,00', 'invalid'],
    ['4500,001', 'invalid'],
    ['-10', 'invalid'],
    ['abc', 'invalid'],
    ['1e5', 'invalid'],
    ['4500,', 'invalid'],
    ['10.000.000.000,01', 'tooLarge'],
    ['99999999999999', 'tooLarge'],
  ])('pt-BR %j is rejected (%s)', (text, reason) => {
    expect(parseMoneyCents(text, 'pt-BR')).toEqual({ ok: false, reason });
  });

  it.each([
    ['4,500.00', { ok: true, cents: 450_000 }],
    ['4500.5', { ok: true, cents: 450_050 }],
    ['4.500,00', { ok: false, reason: 'invalid' }],
  ] as const)('English %j → %j', (text, expected) => {
    expect(parseMoneyCents(text, 'en')).toEqual(expected);
  });
});

describe('formatMoneyInput', () => {
  it.each([
    [450_000, 'pt-BR', '4.500,00'],
    [123_456_789, 'pt-BR', '1.234.567,89'],
    [5, 'pt-BR', '0,05'],
    [450_000, 'en', '4,500.00'],
  ] as const)('%i in %s → %j, and back', (cents, language, text) => {
    expect(formatMoneyInput(cents, language)).toBe(text);
    expect(parseMoneyCents(text, language)).toEqual({ ok: true, cents });
  });
});
