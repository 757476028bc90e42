import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  formatDate,
  formatDateTime,
  formatMoney,
  formatMoneyCompact,
  formatPercent,
  formatRelativeTime,
  formatTime,
  formatTimeZone,
} from './format.ts';

const NBSP = '\u00a0';
const pt = { language: 'pt-BR' } as const;
const en = { language: 'en' } as const;

describe('formatMoney (integer cents → BRL)', () => {
  it.each([
    // The seeds' own figures: MRR R$ 4.500, portfolio MRR R$ 127.450, ROI inputs R$ 43.200 / R$ 8.500.
    [450_000, `R$${NBSP}4.500,00`],
    [12_745_000, `R$${NBSP}127.450,00`],
    [4_320_000, `R$${NBSP}43.200,00`],
    [850_000, `R$${NBSP}8.500,00`],
    [1, `R$${NBSP}0,01`],
    [0, `R$${NBSP}0,00`],
    [-150_050, `-R$${NBSP}1.500,50`],
  ])('%i cents → %s', (cents, expected) => {
    expect(formatMoney(cents, pt)).toBe(expected);
  });

  it('uses English separators in English, still in reais', () => {
    expect(formatMoney(450_000, en)).toBe('R$4,500.00');
  });

  it('never loses a cent for any amount up to a trillion cents', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000_000 }), (cents) => {
        const digits = formatMoney(cents, pt).replace(/\D/g, '');
        expect(BigInt(digits)).toBe(BigInt(cents));
      }),
    );
  });
});

describe('formatMoneyCompact', () => {
  it.each([
    [4_320_000, `R$${NBSP}43,2${NBSP}mil`],
    [12_745_000, `R$${NBSP}127,5${NBSP}mil`],
    [125_000_000, `R$${NBSP}1,3${NBSP}mi`],
    [95_000, `R$${NBSP}950`],
  ])('%i cents → %s', (cents, expected) => {
    // Intl's compact separator may be a plain or no-break space depending on ICU; compare on NBSP.
    expect(formatMoneyCompact(cents, pt).replace(/ /g, NBSP)).toBe(expected);
  });

  it('is short in English too', () => {
    expect(formatMoneyCompact(4_320_000, en)).toBe('R$43.2K');
  });
});

describe('formatPercent', () => {
  it('formats the seed A/B lift and ROI', () => {
    expect(formatPercent(0.347, pt)).toBe('34,7%');
    expect(formatPercent(4.08, pt)).toBe('408%');
  });
});

describe('formatDate', () => {
  it.each([
    // A calendar date stays on its day whatever the time zone.
    ['2027-01-15', 'America/Sao_Paulo', '15/01/2027'],
    ['2027-01-15', 'Pacific/Kiritimati', '15/01/2027'],
    ['2027-01-15', 'Pacific/Pago_Pago', '15/01/2027'],
    // An instant is shown in the user's time zone: 02:00 UTC is still the previous evening in São Paulo.
    ['2026-11-21T02:00:00.000Z', 'America/Sao_Paulo', '20/11/2026'],
    ['2026-11-21T02:00:00.000Z', 'UTC', '21/11/2026'],
    ['2026-11-21T12:00:00-03:00', 'America/Sao_Paulo', '21/11/2026'],
  ])('%s in %s → %s', (value, timeZone, expected) => {
    expect(formatDate(value, { language: 'pt-BR', timeZone })).toBe(expected);
  });

  it('defaults to America/Sao_Paulo', () => {
    expect(formatDate('2026-11-21T02:59:00.000Z', pt)).toBe('20/11/2026');
    expect(formatDate('2026-11-21T03:00:00.000Z', pt)).toBe('21/11/2026');
  });

  it('writes an unambiguous month in English', () => {
    expect(formatDate('2027-01-15', en)).toBe('Jan 15, 2027');
  });

  it('rejects garbage instead of printing "Invalid Date"', () => {
    expect(() => formatDate('ontem', pt)).toThrow(RangeError);
  });
});

describe('formatDateTime', () => {
  it('shows date and 24-hour time in São Paulo', () => {
    expect(formatDateTime('2026-11-21T12:30:00.000Z', pt)).toBe('21/11/2026 09:30');
  });
  it('uses a 12-hour clock in English', () => {
    expect(formatDateTime('2026-11-21T12:30:00.000Z', en)).toMatch(/^Nov 21, 2026,? 09:30\sAM$/);
  });
});

describe('formatRelativeTime', () => {
  const now = new Date('2026-11-21T12:00:00.000Z');
  const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);

  it.each([
    [10, 'agora'],
    [-10, 'agora'],
    [90, 'há 2 minutos'],
    [2 * 3600, 'há 2 horas'],
    [2 * 86_400, 'há 2 dias'],
    [14 * 86_400, 'há 14 dias'], // the seed's "Sem login há 14 dias"
    [60 * 86_400, 'há 2 meses'],
    [400 * 86_400, 'há 1 ano'],
    [-3 * 3600, 'em 3 horas'],
  ])('%i s ago → %s', (seconds, expected) => {
    expect(formatRelativeTime(ago(seconds), now, pt)).toBe(expected);
  });

  it('has a short style for tight spaces', () => {
    expect(formatRelativeTime(ago(120), now, { ...pt, style: 'short' })).toBe('há 2 min.');
  });

  it('speaks English', () => {
    expect(formatRelativeTime(ago(2 * 86_400), now, en)).toBe('2 days ago');
    expect(formatRelativeTime(ago(5), now, en)).toBe('now');
  });

  it('is always in the past for past instants and never says "0"', () => {
    fc.assert(
      fc.property(fc.integer({ min: 45, max: 10 * 365 * 86_400 }), (seconds) => {
        const text = formatRelativeTime(ago(seconds), now, pt);
        expect(text.startsWith('há ')).toBe(true);
        expect(text).not.toMatch(/\b0\b/);
      }),
    );
  });
});

describe('formatTimeZone', () => {
  it.each([
    ['America/Sao_Paulo', 'pt-BR', 'Horário Padrão de Brasília'],
    ['America/Manaus', 'pt-BR', 'Horário Padrão do Amazonas'],
    ['America/Sao_Paulo', 'en', 'Brasilia Standard Time'],
    ['UTC', 'pt-BR', 'UTC'],
    ['Marte/Olympus_Mons', 'pt-BR', 'Marte/Olympus_Mons'],
  ] as const)('%s in %s → %s', (zone, language, expected) => {
    expect(formatTimeZone(zone, { language })).toBe(expected);
  });
});

describe('formatTime', () => {
  it.each([
    ['pt-BR', 'America/Sao_Paulo', '2026-11-21T17:05:00.000Z', '14:05'],
    ['en', 'America/Sao_Paulo', '2026-11-21T17:05:00.000Z', '02:05 PM'],
    ['pt-BR', 'America/Manaus', '2026-11-21T03:30:00.000Z', '23:30'],
  ] as const)('%s in %s: %s → %s', (language, timeZone, instant, expected) => {
    expect(formatTime(instant, { language, timeZone })).toBe(expected);
  });
});
