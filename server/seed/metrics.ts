import { SEED_INDUSTRY_BENCHMARK } from '../../shared/domain/portal/benchmarks.ts';
import type { DailyMetric, Metrics } from '../../shared/entities/portal.ts';
import type { BuiltCustomer } from './context.ts';

/** Month-of-year demand in Brazil: Carnaval lull, Mother's Day, Black Friday and Christmas peaks. */
const SEASONALITY = [0.86, 0.82, 0.95, 0.97, 1.06, 1.0, 0.95, 1.02, 0.98, 1.03, 1.27, 1.16] as const;
const B2B_WEEK = [0.45, 1.05, 1.1, 1.1, 1.08, 1.0, 0.55] as const; // Sunday first
const B2C_WEEK = [1.08, 0.92, 0.95, 0.96, 0.98, 1.04, 1.12] as const;

/** The seed's hero numbers for TechCorp (dashboard §1A, §5A, §5B, §1C): month-to-date and last month. */
export const TECHCORP_METRICS = {
  monthToDate: {
    sessions: 10_442,
    conversions: 292,
    revenueCents: 4_320_000,
    adSpendCents: 850_000,
    leads: 38,
  },
  lastMonth: { sessions: 4_600, revenueCents: 3_510_000 },
  scoreStart: 82,
  scoreNow: 87,
} as const;

/** The industry conversion rate the demo compares every customer with (dashboard §2B "vs 1.9%"). */
export const INDUSTRY_CONVERSION_RATE = SEED_INDUSTRY_BENCHMARK.conversionRate;

const frac = (x: number) => x - Math.floor(x);

/** Window of the usage-drop risk factor: the last 30 local days against the 30 before. */
export const USAGE_WINDOW_DAYS = 30;

/**
 * Scales non-negative integers so they sum to exactly `total`, keeping their proportions (largest-remainder
 * rounding, ties broken by position so the result is deterministic). All-zero input is spread evenly.
 */
export function fitTotal(values: readonly number[], total: number): number[] {
  if (values.length === 0) return [];
  const sum = values.reduce((a, b) => a + b, 0);
  const raw = sum > 0 ? values.map((v) => (v * total) / sum) : values.map(() => total / values.length);
  const floors = raw.map(Math.floor);
  let rest = total - floors.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; rest > 0; k = (k + 1) % order.length, rest--) {
    const i = (order[k] as readonly [number, number])[1];
    floors[i] = (floors[i] as number) + 1;
  }
  return floors;
}

function setField<K extends 'sessions' | 'conversions' | 'revenueCents' | 'adSpendCents' | 'leads'>(
  days: DailyMetric[],
  field: K,
  total: number,
) {
  const fitted = fitTotal(
    days.map((d) => d[field]),
    total,
  );
  days.forEach((d, i) => (d[field] = fitted[i] as number));
}

/**
 * A year of daily metrics as 12 customer-month documents (the current month up to today), with seasonality,
 * weekday shape, a growth trend and noise. Customers with the usage-drop risk lose ≈ 65 % of their sessions in
 * the last 30 days; TechCorp's current and previous month add up to the seed's figures.
 */
export function buildMetrics(b: BuiltCustomer): Metrics[] {
  const { rng, plan, org } = b;
  const { cal } = org;
  const firstDay = cal.dayInMonth(cal.thisMonth, -11, 1);
  const lastDay = b.churnDay ?? cal.today;
  const techcorp = b.facts?.key === 'techcorp';
  const base = techcorp
    ? 150
    : plan.tier === 'starter'
      ? rng.int(60, 300)
      : plan.tier === 'pro'
        ? rng.int(250, 1200)
        : rng.int(900, 4000);
  const growth =
    plan.profile === 'healthy'
      ? rng.float(0, 0.45)
      : plan.profile === 'churned'
        ? -0.4
        : rng.float(-0.1, 0.2);
  const week = b.consumerFacing ? B2C_WEEK : B2B_WEEK;
  const pagesPerSession = rng.float(1.8, 3.6);
  const bounce = techcorp ? 42 : rng.float(35, 62);
  const duration = rng.int(60, 240);
  const conversionRate = techcorp ? 0.028 : rng.float(0.008, 0.035);
  const ticketCents = techcorp ? 14_800 : rng.int(60, 600) * 100;
  const leadRate = rng.float(0.003, 0.015);
  const adDaily = rng.chance(0.85) ? rng.int(30, plan.tier === 'enterprise' ? 900 : 300) * 100 : 0;
  let score = Math.max(20, Math.min(95, plan.healthScore + rng.int(-6, 6)));

  // Built month by month (no date parsing per day): `months` holds the documents' day arrays and `all` the
  // same objects in order, for the adjustments below.
  const months: { key: string; days: DailyMetric[] }[] = [];
  const all: DailyMetric[] = [];
  const span = Math.max(1, lastDay - firstDay);
  for (let m = -11; m <= 0; m++) {
    const first = cal.dayInMonth(cal.thisMonth, m, 1);
    if (first > lastDay) break;
    const monthOfYear = cal.monthOf(first).month;
    const length = cal.daysInMonth(cal.monthOf(first));
    const days: DailyMetric[] = [];
    for (let day = first; day < first + length && day <= lastDay; day++) {
      const weekday = (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
      const trend = 1 + growth * ((day - firstDay) / span);
      // Three draws per day; the other noises are cheap deterministic derivations of them (hot loop: a year of
      // days for every customer).
      const u = rng.next();
      const v = rng.next();
      const w = rng.next();
      const sessions = Math.max(
        1,
        Math.round(
          base *
            (SEASONALITY[monthOfYear - 1] as number) *
            (week[weekday] as number) *
            trend *
            (0.88 + 0.24 * u),
        ),
      );
      const conversions = Math.round(sessions * conversionRate * (0.7 + 0.6 * v));
      score = Math.max(0, Math.min(100, score + Math.floor(frac(w * 11.7) * 3) - 1));
      days.push({
        date: cal.date(day),
        sessions,
        pageviews: Math.round(sessions * pagesPerSession * (0.9 + 0.2 * w)),
        // Whole percent: a small integer stays unboxed in V8 (a year of days for 10 000 customers adds up).
        bounceRate: Math.round(bounce + frac(w * 3.7) * 8 - 4),
        avgSessionSeconds: Math.max(10, Math.round(duration * (0.8 + 0.4 * frac(w * 5.3)))),
        conversions,
        revenueCents: conversions * Math.round(ticketCents * (0.8 + 0.45 * frac(v * 7.31))),
        adSpendCents: adDaily === 0 ? 0 : Math.round(adDaily * (0.85 + 0.3 * frac(u * 9.1))),
        leads: Math.round(sessions * leadRate * (0.6 + 0.8 * frac(v * 3.3))),
        score,
      });
    }
    if (days.length > 0) {
      months.push({ key: cal.monthKey(cal.thisMonth, m), days });
      for (const d of days) all.push(d);
    }
  }

  if (b.risks.has('usage_drop') && all.length >= 2 * USAGE_WINDOW_DAYS) {
    const recent = all.slice(-USAGE_WINDOW_DAYS);
    const before = all.slice(-2 * USAGE_WINDOW_DAYS, -USAGE_WINDOW_DAYS);
    const ratio = b.facts ? 0.35 : rng.float(0.3, 0.45);
    const target = Math.round(before.reduce((s, d) => s + d.sessions, 0) * ratio);
    setField(recent, 'sessions', target);
    for (const d of recent) {
      d.pageviews = Math.round(d.sessions * pagesPerSession);
      d.conversions = Math.min(d.conversions, Math.round(d.sessions * conversionRate));
      d.revenueCents = d.conversions * ticketCents;
      d.leads = Math.min(d.leads, Math.round(d.sessions * leadRate));
    }
  }

  if (techcorp) shapeTechCorp(b, all);

  return months.map(({ key, days }) => {
    const createdMs = cal.at(cal.dayOf((days[0] as DailyMetric).date), 3);
    return {
      id: rng.uuid(createdMs),
      updatedAt: cal.iso(createdMs),
      serverSeq: 0,
      clientUpdatedAt: cal.iso(createdMs),
      customerId: b.id,
      month: key,
      days,
    };
  });
}

function shapeTechCorp(b: BuiltCustomer, all: DailyMetric[]) {
  const { cal } = b.org;
  const current = all.filter((d) => d.date.startsWith(cal.monthKey(cal.thisMonth, 0)));
  const previous = all.filter((d) => d.date.startsWith(cal.monthKey(cal.thisMonth, -1)));
  const t = TECHCORP_METRICS;
  setField(previous, 'sessions', t.lastMonth.sessions);
  setField(previous, 'revenueCents', t.lastMonth.revenueCents);
  for (const [field, total] of Object.entries(t.monthToDate) as [
    'sessions' | 'conversions' | 'revenueCents' | 'adSpendCents' | 'leads',
    number,
  ][]) {
    setField(current, field, total);
  }
  current.forEach((d, i) => {
    d.pageviews = Math.round(d.sessions * 2.6);
    d.score =
      current.length === 1
        ? t.scoreNow
        : Math.round(t.scoreStart + ((t.scoreNow - t.scoreStart) * i) / (current.length - 1));
  });
}
