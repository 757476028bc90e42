import { describe, expect, it } from 'vitest';
import {
  businessHoursLabel,
  chatBusinessHours,
  chatPresence,
  chatResponseTime,
  chatResponseWaits,
  clockLabel,
  isOpenAt,
  nextOpening,
  openingLabel,
  responseTimeLabel,
} from './chat.ts';
import { businessHoursSchema } from './sla.ts';

const SP = chatBusinessHours('America/Sao_Paulo');
// 2026-12-07 is a Monday; São Paulo is UTC−3 (no DST since 2019).
const iso = (local: string) => new Date(`${local}-03:00`).toISOString();

describe('isOpenAt (Mon–Fri 9h–18h, São Paulo)', () => {
  it.each([
    ['Monday 08:59', '2026-12-07T08:59', false],
    ['Monday 09:00', '2026-12-07T09:00', true],
    ['Monday 17:59', '2026-12-07T17:59', true],
    ['Monday 18:00', '2026-12-07T18:00', false],
    ['Friday 12:00', '2026-12-11T12:00', true],
    ['Saturday 12:00', '2026-12-12T12:00', false],
    ['Sunday 12:00', '2026-12-13T12:00', false],
    // 02:00 UTC Tuesday is still Monday 23:00 in São Paulo
    ['Monday 23:00 local = Tuesday UTC', '2026-12-07T23:00', false],
  ])('%s → %s', (_name, local, open) => {
    expect(isOpenAt(SP, iso(local))).toBe(open);
  });

  it('takes holidays and the zone from the configuration', () => {
    const withHoliday = businessHoursSchema.parse({ ...SP, holidays: ['2026-12-25'] });
    expect(isOpenAt(SP, iso('2026-12-25T10:00'))).toBe(true);
    expect(isOpenAt(withHoliday, iso('2026-12-25T10:00'))).toBe(false);
    const lisbon = chatBusinessHours('Europe/Lisbon');
    // 10:00 in São Paulo is 13:00 in Lisbon (both open); 16:00 in São Paulo is 19:00 in Lisbon (closed there)
    expect(isOpenAt(lisbon, iso('2026-12-07T10:00'))).toBe(true);
    expect(isOpenAt(lisbon, iso('2026-12-07T16:00'))).toBe(false);
  });
});

describe('nextOpening', () => {
  it.each([
    ['open now → now', '2026-12-07T10:00', '2026-12-07T10:00'],
    ['Monday early → 9h', '2026-12-07T07:30', '2026-12-07T09:00'],
    ['Monday evening → Tuesday 9h', '2026-12-07T18:00', '2026-12-08T09:00'],
    ['Friday evening → Monday 9h', '2026-12-11T19:00', '2026-12-14T09:00'],
    ['Saturday → Monday 9h', '2026-12-12T10:00', '2026-12-14T09:00'],
  ])('%s', (_name, from, to) => {
    expect(new Date(nextOpening(SP, iso(from))).toISOString()).toBe(iso(to));
  });
});

describe('labels', () => {
  it.each([
    [[1, 2, 3, 4, 5], 540, 1080, 'Seg–Sex 9h–18h', 'Mon–Fri 9am–6pm'],
    [[1, 3, 5], 540, 720, 'Seg, Qua, Sex 9h–12h', 'Mon, Wed, Fri 9am–12pm'],
    [[1, 2, 6, 7], 510, 1290, 'Seg, Ter, Sáb, Dom 8h30–21h30', 'Mon, Tue, Sat, Sun 8:30am–9:30pm'],
    [[1, 2, 3, 4, 5, 6, 7], 0, 1440, 'Seg–Dom 0h–0h', 'Mon–Sun 12am–12am'],
  ])('%j %i–%i → %s / %s', (days, start, end, pt, en) => {
    const hours = businessHoursSchema.parse({ ...SP, days, startMinute: start, endMinute: end });
    expect(businessHoursLabel(hours, 'pt-BR')).toBe(pt);
    expect(businessHoursLabel(hours, 'en')).toBe(en);
  });

  it.each([
    [0, '0h', '12am'],
    [9 * 60 + 5, '9h05', '9:05am'],
    [12 * 60, '12h', '12pm'],
    [18 * 60, '18h', '6pm'],
  ])('clock %i → %s / %s', (minute, pt, en) => {
    expect(clockLabel(minute, 'pt-BR')).toBe(pt);
    expect(clockLabel(minute, 'en')).toBe(en);
  });

  it.each([
    ['same day', '2026-12-07T07:00', 'hoje às 9h', 'today at 9am'],
    ['next day', '2026-12-07T19:00', 'amanhã às 9h', 'tomorrow at 9am'],
    ['after the weekend', '2026-12-11T19:00', 'segunda às 9h', 'Monday at 9am'],
  ])('opening, %s', (_name, now, pt, en) => {
    const at = nextOpening(SP, iso(now));
    expect(openingLabel(SP, at, Date.parse(iso(now)), 'pt-BR')).toBe(pt);
    expect(openingLabel(SP, at, Date.parse(iso(now)), 'en')).toBe(en);
  });

  it.each([
    [20_000, 'menos de 1 min', 'under 1 min'],
    [2 * 60_000, '2 min', '2 min'],
    [65 * 60_000, '1 h 5 min', '1 h 5 min'],
    [3 * 3_600_000, '3 h', '3 h'],
  ])('response time %i ms → %s / %s', (ms, pt, en) => {
    expect(responseTimeLabel(ms, 'pt-BR')).toBe(pt);
    expect(responseTimeLabel(ms, 'en')).toBe(en);
  });
});

const NOW = iso('2026-12-07T15:00');
const client = (local: string) => ({ senderType: 'client' as const, createdAt: iso(local) });
const staff = (local: string) => ({ senderType: 'support' as const, createdAt: iso(local) });

describe('chatResponseWaits / chatResponseTime (median)', () => {
  it.each([
    ['no chats', [], [], null],
    [
      'one answered message: 2 min',
      [[client('2026-12-07T10:00'), staff('2026-12-07T10:02')]],
      [120_000],
      120_000,
    ],
    [
      'a burst of client messages waits from its first',
      [[client('2026-12-07T10:00'), client('2026-12-07T10:01'), staff('2026-12-07T10:05')]],
      [300_000],
      300_000,
    ],
    ['unanswered is not counted', [[client('2026-12-07T10:00')]], [], null],
    [
      'sent outside hours is not counted',
      [[client('2026-12-06T22:00'), staff('2026-12-07T09:05')]],
      [],
      null,
    ],
    [
      'older than 30 days is not counted',
      [[client('2026-11-06T10:00'), staff('2026-11-06T10:01')]],
      [],
      null,
    ],
    [
      'median, not mean: one long wait does not move it',
      [
        [client('2026-12-01T10:00'), staff('2026-12-01T10:01')],
        [
          client('2026-12-02T10:00'),
          staff('2026-12-02T10:02'),
          client('2026-12-02T11:00'),
          staff('2026-12-02T15:00'),
        ],
      ],
      [60_000, 120_000, 4 * 3_600_000],
      120_000,
    ],
    [
      'even count: mean of the middle two; order of messages does not matter',
      [
        [
          staff('2026-12-03T10:04'),
          client('2026-12-03T10:00'),
          client('2026-12-04T10:00'),
          staff('2026-12-04T10:02'),
        ],
      ],
      [240_000, 120_000],
      180_000,
    ],
  ])('%s', (_name, chats, waits, median) => {
    const input = { chats, hours: SP, now: NOW };
    expect(chatResponseWaits(input).sort((a, b) => a - b)).toEqual([...waits].sort((a, b) => a - b));
    expect(chatResponseTime(input)).toBe(median);
  });
});

describe('chatPresence', () => {
  it.each([
    ['in hours, stream open now', '2026-12-07T10:00', '2026-12-07T10:00', 'online', null],
    ['in hours, seen 60 s ago', '2026-12-07T10:00', '2026-12-07T09:59', 'online', null],
    ['in hours, seen 61 s ago', '2026-12-07T10:00:01', '2026-12-07T09:59', 'away', null],
    ['in hours, never seen', '2026-12-07T10:00', null, 'away', null],
    ['outside hours, stream open', '2026-12-07T19:00', '2026-12-07T19:00', 'closed', '2026-12-08T09:00'],
    ['weekend', '2026-12-12T10:00', null, 'closed', '2026-12-14T09:00'],
  ])('%s → %s', (_name, now, seen, state, opens) => {
    expect(chatPresence({ hours: SP, now: iso(now), lastSeenAt: seen === null ? null : iso(seen) })).toEqual({
      state,
      opensAt: opens === null ? null : iso(opens),
    });
  });
});
