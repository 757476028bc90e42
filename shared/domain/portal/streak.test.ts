import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { firstRunCompletedOn, streakFromDays, streakFromVisits, visitDayFor } from './streak.ts';
import { addDays, zonedTimeToEpochMs } from './time.ts';

const run = (from: string, n: number) => Array.from({ length: n }, (_, i) => addDays(from, i));

describe('streakFromDays', () => {
  it.each([
    {
      name: 'no visits',
      days: [],
      today: '2025-10-04',
      expected: { current: 0, longest: 0, atRisk: false, lastVisitDay: null },
    },
    {
      name: 'seed 🔥 7 days in a row ending today',
      days: run('2025-09-28', 7),
      today: '2025-10-04',
      expected: { current: 7, longest: 7, visitedToday: true, atRisk: false },
    },
    {
      name: 'ending yesterday: still alive, at risk',
      days: run('2025-09-27', 7),
      today: '2025-10-04',
      expected: { current: 7, visitedToday: false, atRisk: true },
    },
    {
      name: 'ending two days ago: broken',
      days: run('2025-09-26', 7),
      today: '2025-10-04',
      expected: { current: 0, longest: 7, longestEndedOn: '2025-10-02' },
    },
    {
      name: 'a gap restarts the run',
      days: [...run('2025-09-20', 10), ...run('2025-10-02', 3)],
      today: '2025-10-04',
      expected: { current: 3, longest: 10, longestEndedOn: '2025-09-29' },
    },
    {
      name: 'duplicates and order do not matter',
      days: ['2025-10-04', '2025-10-03', '2025-10-04', '2025-10-02'],
      today: '2025-10-04',
      expected: { current: 3 },
    },
    {
      name: 'future days are ignored',
      days: ['2025-10-03', '2025-10-05', '2025-10-06'],
      today: '2025-10-04',
      expected: { current: 1, lastVisitDay: '2025-10-03' },
    },
    {
      name: 'across a month and a leap day',
      days: run('2024-02-27', 5),
      today: '2024-03-02',
      expected: { current: 5 },
    },
    { name: 'across New Year', days: run('2024-12-30', 4), today: '2025-01-02', expected: { current: 4 } },
  ])('$name', ({ days, today, expected }) => {
    expect(streakFromDays({ visitDays: days, today })).toMatchObject(expected);
  });

  it('finds the day a 7-day run was first completed (🔥 badge date)', () => {
    const days = [...run('2025-09-01', 3), ...run('2025-09-10', 9)];
    expect(firstRunCompletedOn(days, 7, '2025-10-04')).toBe('2025-09-16');
    expect(firstRunCompletedOn(run('2025-09-01', 6), 7, '2025-10-04')).toBeNull();
  });

  it('rejects malformed days with a ZodError', () => {
    expect(() => streakFromDays({ visitDays: ['2025-13-01'], today: '2025-10-04' })).toThrow(ZodError);
    expect(() => streakFromDays({ visitDays: [], today: '04/10/2025' })).toThrow(ZodError);
  });
});

describe('streakFromVisits — the user’s time zone decides the day', () => {
  it.each([
    {
      name: 'São Paulo: 22:00 and 23:30 local are Oct 2 and Oct 3 (UTC would say Oct 3 and Oct 4)',
      timeZone: 'America/Sao_Paulo',
      visits: ['2025-10-03T01:00:00Z', '2025-10-04T02:30:00Z'],
      now: '2025-10-04T12:00:00Z',
      expected: { current: 2, visitedToday: false, atRisk: true, lastVisitDay: '2025-10-03' },
    },
    {
      name: 'the same instants in UTC',
      timeZone: 'UTC',
      visits: ['2025-10-03T01:00:00Z', '2025-10-04T02:30:00Z'],
      now: '2025-10-04T12:00:00Z',
      expected: { current: 2, visitedToday: true, atRisk: false, lastVisitDay: '2025-10-04' },
    },
    {
      name: 'New York spring forward (23 h day): visits 22 h apart on consecutive days',
      timeZone: 'America/New_York',
      visits: ['2025-03-08T23:30:00-05:00', '2025-03-09T22:30:00-04:00', '2025-03-10T23:59:00-04:00'],
      now: '2025-03-10T23:59:30-04:00',
      expected: { current: 3, visitedToday: true },
    },
    {
      name: 'New York fall back (25 h day): 48 h 50 min apart is still consecutive days',
      timeZone: 'America/New_York',
      visits: ['2025-11-01T00:05:00-04:00', '2025-11-02T23:55:00-05:00'],
      now: '2025-11-03T08:00:00-05:00',
      expected: { current: 2, atRisk: true },
    },
    {
      name: 'Lisbon spring forward at 01:00 UTC',
      timeZone: 'Europe/Lisbon',
      visits: ['2025-03-29T23:30:00Z', '2025-03-30T22:30:00Z', '2025-03-30T23:30:00Z'],
      now: '2025-03-31T09:00:00+01:00',
      expected: { current: 3, visitedToday: true },
    },
    {
      name: 'São Paulo 2018 DST started at midnight (00:00 did not exist on Nov 4)',
      timeZone: 'America/Sao_Paulo',
      visits: ['2018-11-04T02:59:00Z', '2018-11-04T03:30:00Z', '2018-11-05T01:30:00Z'],
      now: '2018-11-05T12:00:00Z',
      // 23:59 BRT Nov 3, 01:30 BRST Nov 4, 23:30 BRST Nov 4 → Nov 3 and Nov 4, then today (Nov 5) not yet
      expected: { current: 2, atRisk: true, lastVisitDay: '2018-11-04' },
    },
  ])('$name', ({ timeZone, visits, now, expected }) => {
    expect(streakFromVisits({ visits, timeZone, now })).toMatchObject(expected);
  });

  it('visitDayFor records the local day', () => {
    expect(visitDayFor({ now: '2025-10-04T02:30:00Z', timeZone: 'America/Sao_Paulo' })).toBe('2025-10-03');
    expect(visitDayFor({ now: '2025-10-04T02:30:00Z', timeZone: 'Asia/Tokyo' })).toBe('2025-10-04');
    expect(() => visitDayFor({ now: '2025-10-04T02:30:00Z', timeZone: 'America/Gotham' })).toThrow(ZodError);
  });

  const zones = [
    'America/Sao_Paulo',
    'America/New_York',
    'Europe/Lisbon',
    'Australia/Lord_Howe', // 30-minute DST shift
    'Pacific/Chatham', // +12:45/+13:45
    'Asia/Kolkata',
    'America/Santiago', // DST at midnight
  ];
  const startDay = fc.integer({ min: 0, max: 9 * 365 }).map((n) => addDays('2018-01-01', n));

  it('property: L consecutive local days at random local times, in any zone, across DST → streak L', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        startDay,
        fc.array(fc.integer({ min: 0, max: 1439 }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 0, max: 1439 }),
        (timeZone, start, minutes, nextDayMinute) => {
          const days = run(start, minutes.length);
          const visits = days.map((d, i) =>
            new Date(zonedTimeToEpochMs(d, minutes[i]!, timeZone)).toISOString(),
          );
          const lastDay = days[days.length - 1]!;
          const sameDay = streakFromVisits({
            visits: [...visits].reverse(),
            timeZone,
            now: visits[visits.length - 1]!,
          });
          const nextDay = new Date(
            zonedTimeToEpochMs(addDays(lastDay, 1), nextDayMinute, timeZone),
          ).toISOString();
          const tomorrow = streakFromVisits({ visits, timeZone, now: nextDay });
          return (
            sameDay.current === days.length &&
            sameDay.longest === days.length &&
            sameDay.visitedToday &&
            tomorrow.current === days.length &&
            tomorrow.atRisk
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('property: skipping one local day breaks the streak in every zone', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        startDay,
        fc.integer({ min: 2, max: 30 }),
        (timeZone, start, n) => {
          const days = run(start, n + 1).filter((_, i) => i !== 1); // day 1 missing
          const visits = days.map((d) => new Date(zonedTimeToEpochMs(d, 12 * 60, timeZone)).toISOString());
          const s = streakFromVisits({ visits, timeZone, now: visits[visits.length - 1]! });
          return s.current === n - 1 && s.longest === Math.max(1, n - 1);
        },
      ),
    );
  });
});
