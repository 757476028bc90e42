import type { DailyMetric } from '../../shared/entities/portal.ts';
import { LIVE_CONVERSION_WINDOW_MS, type LiveActivity } from '../../shared/domain/portal/live.ts';
import type { LiveActivitySource } from './live-routes.ts';

/**
 * The demo live feed: the visits and conversions of the last two hours of one customer, standing in for the
 * analytics integration the spec names (Google Analytics 4 real-time, dashboard §2A) until one exists. Used
 * only outside production (server/main.ts), like the demo data.
 *
 * Invariants:
 * - Derived from stored data: the visit rate, session length and conversion rate are the customer's own recent
 *   daily metrics (the last 7 stored days up to now), shaped over the day by a fixed hour-of-day curve. A
 *   customer without stored days has no activity.
 * - Deterministic and clock-injected: minute m of customer c is always drawn from a PRNG seeded with (c, m),
 *   so every request, every tick and every server instance agree on the past, and the feed moves only because
 *   `now` moves. No state is kept and nothing is written (a job writing events every minute would add
 *   database traffic for numbers that are a pure function of the stored metrics and the time anyway).
 */
const MINUTE_MS = 60_000;
/** Longest demo visit: visits that started earlier cannot be in progress. */
const MAX_VISIT_MS = 30 * MINUTE_MS;
/** Relative traffic per local hour (0 h … 23 h), mean 1: quiet nights, busy business hours. */
const HOUR_CURVE = [
  0.3, 0.2, 0.15, 0.15, 0.2, 0.35, 0.6, 0.9, 1.2, 1.4, 1.5, 1.5, 1.4, 1.4, 1.5, 1.5, 1.4, 1.3, 1.2, 1.2, 1.1,
  0.9, 0.7, 0.5,
].map((w, _, all) => (w * all.length) / all.reduce((a, b) => a + b, 0));

/** FNV-1a, 32 bits: the seed of one (customer, minute). */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a small, well-distributed PRNG; returns a generator of numbers in [0, 1). */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Poisson-distributed count with mean `lambda` (Knuth; lambda is a few visits a minute at most). */
function poisson(lambda: number, next: () => number): number {
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = next();
  while (p > limit && k < 1000) {
    k++;
    p *= next();
  }
  return k;
}

export interface DemoFeedInput {
  readonly customerId: string;
  readonly now: Date;
  /** The customer's stored days (any order); the last 7 up to `now`'s date set the rates. */
  readonly days: readonly DailyMetric[];
  /** Local hour of an instant (the user's time zone), for the hour-of-day curve. */
  readonly localHour: (epochMs: number) => number;
}

export function demoLiveActivity(input: DemoFeedInput): LiveActivity {
  const nowMs = input.now.getTime();
  const todayIso = input.now.toISOString().slice(0, 10);
  const recent = [...input.days]
    .filter((d) => d.date <= todayIso)
    .sort((a, b) => (a.date < b.date ? 1 : -1))
    .slice(0, 7);
  const sessions = recent.reduce((s, d) => s + d.sessions, 0);
  if (recent.length === 0 || sessions === 0) return { visits: [], conversions: [] };
  const conversions = recent.reduce((s, d) => s + d.conversions, 0);
  const lengths = recent.flatMap((d) => (d.avgSessionSeconds === null ? [] : [d.avgSessionSeconds]));
  const meanVisitMs = (lengths.length ? lengths.reduce((a, b) => a + b, 0) / lengths.length : 120) * 1000;
  const perMinute = sessions / recent.length / 1440;
  const conversionRate = conversions / sessions;

  const visits: LiveActivity['visits'] = [];
  const converted: string[] = [];
  const firstMinute = Math.floor((nowMs - Math.max(MAX_VISIT_MS, LIVE_CONVERSION_WINDOW_MS)) / MINUTE_MS);
  const lastMinute = Math.floor(nowMs / MINUTE_MS);
  for (let minute = firstMinute; minute <= lastMinute; minute++) {
    const next = prng(hash(`${input.customerId}:${minute}`));
    const startMs = minute * MINUTE_MS;
    const hour = input.localHour(startMs);
    const count = poisson(perMinute * (HOUR_CURVE[hour] ?? 1), next);
    for (let i = 0; i < count; i++) {
      const startedAt = startMs + Math.floor(next() * MINUTE_MS);
      // Visit lengths spread 0.25×–1.75× the mean (mean preserved), capped at the longest demo visit.
      const endedAt = startedAt + Math.min(MAX_VISIT_MS, Math.round(meanVisitMs * (0.25 + 1.5 * next())));
      // Every draw is made whatever `now` is, so a minute's visits never change once it has passed.
      const converts = next() < conversionRate;
      if (startedAt > nowMs) continue; // later this minute: not happened yet
      visits.push({ startedAt: new Date(startedAt).toISOString(), endedAt: new Date(endedAt).toISOString() });
      // A visit converts as it ends: a conversion in the future has not happened.
      if (converts && endedAt <= nowMs) converted.push(new Date(endedAt).toISOString());
    }
  }
  return { visits, conversions: converted };
}

/** The demo feed as the live routes' activity source, the hour curve in the user's time zone. */
export const demoLiveActivitySource: LiveActivitySource = ({ customerId, now, timeZone, days }) => {
  const hourFormat = new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', hourCycle: 'h23' });
  return demoLiveActivity({
    customerId,
    now,
    days,
    localHour: (epochMs) => Number(hourFormat.format(epochMs)) % 24,
  });
};
