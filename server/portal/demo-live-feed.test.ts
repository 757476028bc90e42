import { describe, expect, it } from 'vitest';
import type { DailyMetric } from '../../shared/entities/portal.ts';
import { liveSnapshot } from '../../shared/domain/portal/live.ts';
import { demoLiveActivity, demoLiveActivitySource } from './demo-live-feed.ts';

const CUSTOMER = '0190a000-0000-7000-8000-0000000000c1';
const NOW = new Date('2026-12-06T17:00:00.000Z'); // 14:00 in São Paulo

/** A week like TechCorp's December: ≈ 1.740 sessions, 49 conversions (2,8 %), 150 s visits a day. */
const WEEK: DailyMetric[] = Array.from({ length: 7 }, (_, i) => ({
  date: `2026-12-0${i + 1}`,
  sessions: 1_740,
  pageviews: 4_524,
  bounceRate: 42,
  avgSessionSeconds: 150,
  conversions: 49,
  revenueCents: 720_000,
  adSpendCents: 141_000,
  leads: 6,
  score: 87,
}));

const feed = (now: Date, days = WEEK, customerId = CUSTOMER) =>
  demoLiveActivity({ customerId, now, days, localHour: (ms) => (new Date(ms).getUTCHours() + 21) % 24 });

describe('demoLiveActivity', () => {
  it('is a pure function of the customer, the stored days and the clock', () => {
    expect(feed(NOW)).toEqual(feed(NOW));
    expect(feed(NOW)).not.toEqual(feed(NOW, WEEK, '0190a000-0000-7000-8000-0000000000c2'));
  });

  it('never shows the future, and the past does not change as the clock moves', () => {
    const a = feed(NOW);
    const later = new Date(NOW.getTime() + 90_000);
    const b = feed(later);
    for (const v of a.visits) expect(Date.parse(v.startedAt)).toBeLessThanOrEqual(NOW.getTime());
    for (const c of a.conversions) expect(Date.parse(c)).toBeLessThanOrEqual(NOW.getTime());
    // Every visit that had started by NOW is still there 90 s later, unchanged (same minute seeds).
    const inB = new Set(b.visits.map((v) => `${v.startedAt}|${v.endedAt}`));
    const stillInWindow = a.visits.filter((v) => Date.parse(v.startedAt) >= later.getTime() - 120 * 60_000);
    expect(stillInWindow.length).toBeGreaterThan(20);
    expect(stillInWindow.every((v) => inB.has(`${v.startedAt}|${v.endedAt}`))).toBe(true);
  });

  it('follows the stored rates: ≈ 1,2 visits a minute in business hours, a few conversions in 2 h', () => {
    // Averaged over many hours so the test checks the rate, not one draw.
    let visits = 0;
    let conversions = 0;
    const hours = 40;
    for (let h = 0; h < hours; h++) {
      const now = new Date(Date.parse('2026-12-01T15:00:00.000Z') + h * 86_400_000 * 0.25);
      const s = liveSnapshot({
        now: now.toISOString(),
        timeZone: 'UTC',
        metrics: [],
        activity: feed(now),
      });
      visits += s.visitorsNow ?? 0;
      conversions += s.conversionsLast2h ?? 0;
    }
    // Little's law: ≈ 1,2 arrivals a minute × 2,5 min ≈ 3 visitors (the hour curve scales it 0,15×–1,5×);
    // 2,8 % of ≈ 145 visits in 2 h ≈ 4 conversions.
    expect(visits / hours).toBeGreaterThan(0.5);
    expect(visits / hours).toBeLessThan(8);
    expect(conversions / hours).toBeGreaterThan(0.5);
    expect(conversions / hours).toBeLessThan(10);
  });

  it('no stored days (or no sessions) → no activity', () => {
    expect(feed(NOW, [])).toEqual({ visits: [], conversions: [] });
    expect(
      feed(
        NOW,
        WEEK.map((d) => ({ ...d, sessions: 0 })),
      ),
    ).toEqual({ visits: [], conversions: [] });
  });

  it('as a source, reads the hour in the user’s time zone', () => {
    const a = demoLiveActivitySource({
      customerId: CUSTOMER,
      now: NOW,
      timeZone: 'America/Sao_Paulo',
      days: WEEK,
    });
    expect(a).toEqual(feed(NOW));
  });
});
