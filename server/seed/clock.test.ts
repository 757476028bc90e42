import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { civilFromDays, createCalendar, DAY_MS } from './clock.ts';

const saoPaulo = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'America/Sao_Paulo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

describe('demo calendar', () => {
  const cal = createCalendar(Date.parse('2026-02-02T12:00:00-03:00'));

  it('formats instants exactly like Date#toISOString', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_800_000 }), (ms) => {
        expect(cal.iso(ms)).toBe(new Date(ms).toISOString());
      }),
    );
  });

  it('converts day numbers to calendar dates like Date does (both directions)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -30_000, max: 60_000 }), (day) => {
        const d = new Date(day * DAY_MS);
        expect(civilFromDays(day)).toEqual({
          year: d.getUTCFullYear(),
          month: d.getUTCMonth() + 1,
          dayOfMonth: d.getUTCDate(),
        });
        expect(cal.dayOf(cal.date(day))).toBe(day);
        const { year, month, dayOfMonth } = civilFromDays(day);
        expect(cal.dayInMonth({ year, month }, 0, dayOfMonth)).toBe(day);
      }),
    );
  });

  it('puts instants on the São Paulo calendar day (UTC−03:00 since 2019)', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.parse('2019-06-01'), max: Date.parse('2030-01-01') }), (ms) => {
        expect(cal.date(cal.dayOfInstant(ms))).toBe(saoPaulo.format(new Date(ms)));
      }),
    );
    expect(cal.date(cal.dayOfInstant(Date.parse('2025-12-31T23:50:00-03:00')))).toBe('2025-12-31');
    expect(cal.iso(cal.at(cal.dayOf('2026-02-18'), 15))).toBe('2026-02-18T18:00:00.000Z');
  });

  it('anchors "today" and "this month" on the injected now, and clamps month arithmetic', () => {
    expect(cal.date(cal.today)).toBe('2026-02-02');
    expect(cal.thisMonth).toEqual({ year: 2026, month: 2 });
    expect(cal.monthKey(cal.thisMonth, -25)).toBe('2024-01');
    expect(cal.date(cal.dayInMonth(cal.thisMonth, 0, 31))).toBe('2026-02-28');
    expect(cal.date(cal.addMonths(cal.dayOf('2024-02-29'), 12))).toBe('2025-02-28');
    expect(cal.daysInMonth({ year: 2024, month: 2 })).toBe(29);
    expect(cal.daysInMonth({ year: 2100, month: 2 })).toBe(28);
  });
});
