import { describe, expect, it } from 'vitest';
import { liveSnapshot, liveSnapshotSchema, type LiveInput } from './live.ts';
import { makeDay } from './test-fixtures.ts';

// 15:00 in São Paulo on 2025-10-20.
const NOW = '2025-10-20T18:00:00.000Z';
const at = (minutesBefore: number) => new Date(Date.parse(NOW) - minutesBefore * 60_000).toISOString();

/** October to date: 280 conversions of 10.000 sessions (2,8 %); September: 240 of 10.000 (2,4 %). */
const METRICS = [
  { month: '2025-09', days: [makeDay('2025-09-15', { sessions: 10_000, conversions: 240 })] },
  {
    month: '2025-10',
    days: [
      makeDay('2025-10-01', { sessions: 6_000, conversions: 160 }),
      makeDay('2025-10-20', { sessions: 4_000, conversions: 120 }),
      makeDay('2025-10-21', { sessions: 4_000, conversions: 4_000 }), // tomorrow: not counted
    ],
  },
];

/** 47 visits in progress, 5 finished; 3 conversions in the last 2 h and one older. */
const ACTIVITY = {
  visits: [
    ...Array.from({ length: 47 }, (_, i) => ({ startedAt: at(1 + (i % 10)), endedAt: at(-2) })),
    ...Array.from({ length: 5 }, () => ({ startedAt: at(30), endedAt: at(20) })),
    { startedAt: at(-1), endedAt: at(-3) }, // starts after now
    { startedAt: at(5), endedAt: NOW }, // ended exactly now: not in progress
  ],
  conversions: [at(0), at(60), at(119), at(120), at(240)],
};

describe('liveSnapshot', () => {
  it('seed (dashboard §2A): 47 visitantes ativos, 3 conversões nas últimas 2h, 2,8 % (↑ 0,4)', () => {
    const s = liveSnapshot({ now: NOW, timeZone: 'America/Sao_Paulo', metrics: METRICS, activity: ACTIVITY });
    expect(s).toEqual({
      computedAt: NOW,
      visitorsNow: 47,
      conversionsLast2h: 3, // (now − 2 h, now]: 0, 60 and 119 minutes ago
      activeUsersLast30m: null,
      conversionsLast30m: null,
      conversionRate: 2.8,
      rateChangePoints: 0.4,
    });
    expect(liveSnapshotSchema.parse(s)).toEqual(s);
  });

  // GA4 realtime as the live source: its 30-minute figures under their own names, never as visits or 2-h counts.
  it.each([
    {
      name: 'GA4 realtime alone',
      activity: null,
      realtime: { activeUsersLast30m: 23, conversionsLast30m: 2 },
      expected: { visitorsNow: null, conversionsLast2h: null, activeUsersLast30m: 23, conversionsLast30m: 2 },
    },
    {
      name: 'GA4 realtime with the activity feed too: GA4 is the live source, the activity is not read',
      activity: ACTIVITY,
      realtime: { activeUsersLast30m: 0, conversionsLast30m: 0 },
      expected: { visitorsNow: null, conversionsLast2h: null, activeUsersLast30m: 0, conversionsLast30m: 0 },
    },
    {
      name: 'realtime null: the activity feed as before',
      activity: ACTIVITY,
      realtime: null,
      expected: { visitorsNow: 47, conversionsLast2h: 3, activeUsersLast30m: null, conversionsLast30m: null },
    },
    {
      name: 'no live source at all',
      activity: null,
      realtime: null,
      expected: {
        visitorsNow: null,
        conversionsLast2h: null,
        activeUsersLast30m: null,
        conversionsLast30m: null,
      },
    },
  ])('$name', ({ activity, realtime, expected }) => {
    const s = liveSnapshot({ now: NOW, timeZone: 'America/Sao_Paulo', metrics: METRICS, activity, realtime });
    expect(s).toEqual({ computedAt: NOW, conversionRate: 2.8, rateChangePoints: 0.4, ...expected });
  });

  it('refuses negative or fractional GA4 figures, and reads an older server’s snapshot without them as null', () => {
    for (const realtime of [
      { activeUsersLast30m: -1, conversionsLast30m: 0 },
      { activeUsersLast30m: 1.5, conversionsLast30m: 0 },
    ])
      expect(() =>
        liveSnapshot({ now: NOW, timeZone: 'America/Sao_Paulo', metrics: [], activity: null, realtime }),
      ).toThrow();
    const older = {
      computedAt: NOW,
      visitorsNow: 3,
      conversionsLast2h: 1,
      conversionRate: null,
      rateChangePoints: null,
    };
    expect(liveSnapshotSchema.parse(older)).toEqual({
      ...older,
      activeUsersLast30m: null,
      conversionsLast30m: null,
    });
  });

  it('TechCorp: 292 of 10.442 sessions is 2,79… % → 2,7 %; a fall is negative points', () => {
    const s = liveSnapshot({
      now: NOW,
      timeZone: 'America/Sao_Paulo',
      metrics: [
        { month: '2025-09', days: [makeDay('2025-09-30', { sessions: 4_600, conversions: 150 })] }, // 3,26 %
        { month: '2025-10', days: [makeDay('2025-10-06', { sessions: 10_442, conversions: 292 })] },
      ],
      activity: null,
    });
    expect(s).toMatchObject({ conversionRate: 2.7, rateChangePoints: -0.4 }); // 2,796 − 3,260 = −0,46
  });

  it('the month is the user’s: 01:00 UTC on Nov 1 is still October in São Paulo', () => {
    const s = liveSnapshot({
      now: '2025-11-01T01:00:00.000Z',
      timeZone: 'America/Sao_Paulo',
      metrics: METRICS,
      activity: null,
    });
    // It is Oct 31, 22:00 there: Oct 1, 20 and 21 are all to date, 4.280 of 14.000 sessions = 30,57… %.
    expect(s).toMatchObject({ conversionRate: 30.5, rateChangePoints: 28.1 });
  });

  it.each([
    ['no live source', { activity: null }, { visitorsNow: null, conversionsLast2h: null }],
    ['no sessions this month', { metrics: [METRICS[0]!] }, { conversionRate: null, rateChangePoints: null }],
    ['no sessions last month', { metrics: [METRICS[1]!] }, { conversionRate: 2.8, rateChangePoints: null }],
    [
      'a quiet moment',
      { activity: { visits: [], conversions: [] } },
      { visitorsNow: 0, conversionsLast2h: 0 },
    ],
  ] satisfies [string, Partial<LiveInput>, object][])('%s', (_, over, expected) => {
    const s = liveSnapshot({
      now: NOW,
      timeZone: 'America/Sao_Paulo',
      metrics: METRICS,
      activity: ACTIVITY,
      ...over,
    });
    expect(s).toMatchObject(expected);
  });

  it('refuses an unknown time zone', () => {
    expect(() => liveSnapshot({ now: NOW, timeZone: 'Mars/Base', metrics: [], activity: null })).toThrow();
  });
});
