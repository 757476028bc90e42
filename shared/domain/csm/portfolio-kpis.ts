import type { Health, HealthStatus } from '../../entities/csm.ts';
import type { Customer } from '../../entities/customer.ts';
import type { Engagement } from '../../entities/portal.ts';
import { addMonths, localDateFormatter } from '../portal/time.ts';
import { contractMrrOn } from './customer-inputs.ts';
import { addDays, calendarDate, daysBetween } from './dates.ts';

/**
 * The agency's dashboard figures (docs/domain.md §8; customers spec "KPIs", client dashboard strategy "KPIs de
 * Sucesso"): MRR and its month-over-month change, churn rate, net revenue retention, average lifetime value,
 * health distribution, renewals coming up, and the client portal's DAU/MAU.
 *
 * Invariants:
 * - pure: `now` and the organization's time zone are parameters; dates are calendar days in that zone;
 * - one MRR definition everywhere: a customer's MRR on a date is the monthly value of its contracts in force
 *   that day (`contractMrrOn`), and 0 on and after the day it churned — so churn, NRR and the MRR change agree;
 * - every percentage has one decimal and is null when its denominator is 0 ("no data", never 0 %);
 * - the health distribution counts every customer that has not churned exactly once (`unscored` when it has no
 *   health document yet), so its counts and MRR add up to the totals; a stale health document of a churned
 *   customer is ignored.
 */

export type PortfolioCustomer = Pick<
  Customer,
  'id' | 'status' | 'customerSince' | 'churnedAt' | 'renewalDate' | 'lifetimeValueCents' | 'contracts'
>;

export interface PortfolioDocs {
  customers: readonly PortfolioCustomer[];
  health: readonly Pick<Health, 'customerId' | 'status'>[];
  /** The client portal users' visit days (one or more documents per user). */
  engagement?: readonly Pick<Engagement, 'userId' | 'visitDays'>[];
}

export interface PortfolioKpiOptions {
  /** Renewals shown: renewal date from today to today + this many days (default 90). */
  renewalWindowDays?: number;
  /** Churn rate period: the last this many months (default 1, the "< 5 %/mês" target). */
  churnPeriodMonths?: number;
  /** Net revenue retention period (default 12 months). */
  nrrPeriodMonths?: number;
  /** DAU/MAU window: the last this many complete days, today excluded (default 30). */
  activityWindowDays?: number;
}

export interface HealthBucket {
  customers: number;
  mrrCents: number;
}

export interface PortfolioKpis {
  today: string;
  mrr: {
    currentCents: number;
    /** On the same day of the previous month. */
    previousMonthCents: number;
    changeCents: number;
    changePercent: number | null;
  };
  churn: {
    from: string;
    to: string;
    customersAtStart: number;
    customersLost: number;
    customerRatePercent: number | null;
    mrrAtStartCents: number;
    mrrLostCents: number;
    mrrRatePercent: number | null;
  };
  netRevenueRetention: {
    from: string;
    to: string;
    /** MRR of the customers active at `from`, on `from`. */
    startMrrCents: number;
    /** The same customers' MRR today (expansion, contraction and churn included; new customers are not). */
    endMrrCents: number;
    percent: number | null;
  };
  /** Mean lifetime value (total collected) over every customer, in cents; null without customers. */
  averageLifetimeValueCents: number | null;
  health: Record<HealthStatus | 'unscored', HealthBucket> & { total: HealthBucket };
  renewals: {
    withinDays: number;
    customers: number;
    mrrCents: number;
    upcoming: { customerId: string; renewalDate: string; daysLeft: number; mrrCents: number }[];
  };
  portal: {
    from: string;
    to: string;
    /** Mean over the window's days of the users who visited that day, one decimal. */
    averageDailyActiveUsers: number;
    /** Users with at least one visit in the window. */
    monthlyActiveUsers: number;
    dauMauPercent: number | null;
  };
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const percentOf = (part: number, whole: number) => (whole === 0 ? null : round1((part / whole) * 100));

/**
 * Calendar day a customer churned in `timeZone`; a churned customer without a date counts as churned since
 * before any period (it never weighs in a rate); null while it has not churned.
 */
function churnDay(c: PortfolioCustomer, localDate: (iso: string) => string): string | null {
  if (c.churnedAt !== null) return localDate(c.churnedAt);
  return c.status === 'churned' ? '0000-01-01' : null;
}

/** Active on `date`: a customer by then and not churned on or before it. */
const activeOn = (c: PortfolioCustomer, churned: string | null, date: string) =>
  c.customerSince <= date && (churned === null || churned > date);

export function portfolioKpis(
  docs: PortfolioDocs,
  now: Date,
  timeZone: string,
  options: PortfolioKpiOptions = {},
): PortfolioKpis {
  const renewalWindowDays = options.renewalWindowDays ?? 90;
  const churnMonths = options.churnPeriodMonths ?? 1;
  const nrrMonths = options.nrrPeriodMonths ?? 12;
  const activityDays = options.activityWindowDays ?? 30;
  const today = calendarDate(now, timeZone);
  const localDate = localDateFormatter(timeZone);

  const rows = docs.customers.map((c) => ({ c, churned: churnDay(c, localDate) }));
  const mrrOn = (row: (typeof rows)[number], date: string) =>
    activeOn(row.c, row.churned, date) ? contractMrrOn(row.c.contracts, date) : 0;
  const sumMrr = (list: typeof rows, date: string) => list.reduce((s, r) => s + mrrOn(r, date), 0);

  // MRR now and on the same day a month before.
  const monthAgo = addMonths(today, -1);
  const currentCents = sumMrr(rows, today);
  const previousMonthCents = sumMrr(rows, monthAgo);

  // Churn over the period: customers active at its start who churned after it, up to today.
  const churnFrom = addMonths(today, -churnMonths);
  const atStart = rows.filter((r) => activeOn(r.c, r.churned, churnFrom));
  const lost = atStart.filter((r) => r.churned !== null && r.churned <= today);
  const mrrAtStartCents = sumMrr(atStart, churnFrom);
  const mrrLostCents = sumMrr(lost, churnFrom);

  // Net revenue retention: the cohort active at the start, its MRR then and now.
  const nrrFrom = addMonths(today, -nrrMonths);
  const cohort = rows.filter((r) => activeOn(r.c, r.churned, nrrFrom));
  const startMrrCents = sumMrr(cohort, nrrFrom);
  const endMrrCents = sumMrr(cohort, today);

  // Health distribution over the customers that have not churned.
  const statusOf = new Map(docs.health.map((h) => [h.customerId, h.status]));
  const empty = (): HealthBucket => ({ customers: 0, mrrCents: 0 });
  const health = {
    healthy: empty(),
    at_risk: empty(),
    critical: empty(),
    unscored: empty(),
    total: empty(),
  };
  const current = rows.filter((r) => r.churned === null);
  for (const r of current) {
    const mrr = mrrOn(r, today);
    for (const bucket of [health[statusOf.get(r.c.id) ?? 'unscored'], health.total]) {
      bucket.customers += 1;
      bucket.mrrCents += mrr;
    }
  }

  // Renewals from today to today + N days.
  const upcoming = current
    .flatMap(({ c, churned }) =>
      c.renewalDate === null
        ? []
        : [
            {
              customerId: c.id,
              renewalDate: c.renewalDate,
              daysLeft: daysBetween(today, c.renewalDate),
              mrrCents: mrrOn({ c, churned }, today),
            },
          ],
    )
    .filter((u) => u.daysLeft >= 0 && u.daysLeft <= renewalWindowDays)
    .sort((a, b) => a.daysLeft - b.daysLeft || a.customerId.localeCompare(b.customerId));

  // Portal DAU/MAU over the last complete days (today is still under way).
  const portalFrom = addDays(today, -activityDays);
  const portalTo = addDays(today, -1);
  const visitsByUser = new Map<string, Set<string>>();
  for (const e of docs.engagement ?? []) {
    const days = visitsByUser.get(e.userId) ?? new Set<string>();
    for (const d of e.visitDays) if (d >= portalFrom && d <= portalTo) days.add(d);
    visitsByUser.set(e.userId, days);
  }
  const active = [...visitsByUser.values()].filter((days) => days.size > 0);
  const userDays = active.reduce((s, days) => s + days.size, 0);
  const averageDailyActiveUsers = activityDays === 0 ? 0 : round1(userDays / activityDays);

  return {
    today,
    mrr: {
      currentCents,
      previousMonthCents,
      changeCents: currentCents - previousMonthCents,
      changePercent: percentOf(currentCents - previousMonthCents, previousMonthCents),
    },
    churn: {
      from: churnFrom,
      to: today,
      customersAtStart: atStart.length,
      customersLost: lost.length,
      customerRatePercent: percentOf(lost.length, atStart.length),
      mrrAtStartCents,
      mrrLostCents,
      mrrRatePercent: percentOf(mrrLostCents, mrrAtStartCents),
    },
    netRevenueRetention: {
      from: nrrFrom,
      to: today,
      startMrrCents,
      endMrrCents,
      percent: percentOf(endMrrCents, startMrrCents),
    },
    averageLifetimeValueCents:
      docs.customers.length === 0
        ? null
        : Math.round(docs.customers.reduce((s, c) => s + c.lifetimeValueCents, 0) / docs.customers.length),
    health,
    renewals: {
      withinDays: renewalWindowDays,
      customers: upcoming.length,
      mrrCents: upcoming.reduce((s, u) => s + u.mrrCents, 0),
      upcoming,
    },
    portal: {
      from: portalFrom,
      to: portalTo,
      averageDailyActiveUsers,
      monthlyActiveUsers: active.length,
      dauMauPercent: active.length === 0 ? null : round1((userDays / activityDays / active.length) * 100),
    },
  };
}
