import { contractMrrOn } from '../../../shared/domain/csm/customer-inputs.ts';
import { calendarDate, daysBetween, fullMonthsBetween } from '../../../shared/domain/csm/dates.ts';
import { portfolioKpis } from '../../../shared/domain/csm/portfolio-kpis.ts';
import { addMonths } from '../../../shared/domain/portal/time.ts';
import type { Customer } from '../../../shared/entities/customer.ts';

/**
 * The Customer 360 header's and revenue overview's figures (customers spec §2.2), from the customer document
 * with the shared rules — never typed into a component:
 * - MRR and its month-over-month change: `portfolioKpis` over this one customer (docs/domain.md §8: the monthly
 *   value of the contracts in force that day, 0 from the day it churned; change against the same day of the
 *   previous month, one decimal, null when the previous month had no MRR);
 * - ARR: 12 × that MRR (shared/domain/revenue.ts); lifetime value: the server's total collected (the customer
 *   document's `lifetimeValueCents`: payments are not all on a staff device);
 * - the MRR series: the same rule on the same day of each of the last months (oldest first).
 * Pure: `now` and the time zone are parameters.
 */
export interface CustomerSummary {
  readonly today: string;
  readonly mrrCents: number;
  readonly previousMonthMrrCents: number;
  readonly mrrChangePercent: number | null;
  readonly arrCents: number;
  readonly lifetimeValueCents: number;
  /** Completed months since `customerSince`. */
  readonly tenureMonths: number;
  readonly seats: { readonly active: number; readonly total: number };
  /** Null without a renewal date; `daysLeft` is negative once it passed. */
  readonly renewal: { readonly date: string; readonly daysLeft: number } | null;
}

export function customerSummary(customer: Customer, now: Date, timeZone: string): CustomerSummary {
  const kpis = portfolioKpis({ customers: [customer], health: [] }, now, timeZone);
  const { today } = kpis;
  return {
    today,
    mrrCents: kpis.mrr.currentCents,
    previousMonthMrrCents: kpis.mrr.previousMonthCents,
    mrrChangePercent: kpis.mrr.changePercent,
    arrCents: kpis.mrr.currentCents * 12,
    lifetimeValueCents: customer.lifetimeValueCents,
    tenureMonths: fullMonthsBetween(customer.customerSince, today),
    seats: { active: customer.activeUsers, total: customer.totalSeats },
    renewal:
      customer.renewalDate === null
        ? null
        : { date: customer.renewalDate, daysLeft: daysBetween(today, customer.renewalDate) },
  };
}

export interface MrrPoint {
  /** The day the MRR was read: the same day of the month as today (clamped to the month's end). */
  readonly date: string;
  readonly mrrCents: number;
}

/**
 * MRR on the same day of each of the last `months` months, today included, oldest first. Before the customer
 * existed and from the day it churned (`churnedAt` as a calendar day in `timeZone`) the MRR is 0 — the rule of
 * `portfolioKpis`, so the last point always equals the header's MRR.
 */
export function mrrSeries(customer: Customer, today: string, timeZone: string, months: number): MrrPoint[] {
  const churnDay =
    customer.churnedAt !== null
      ? calendarDate(new Date(customer.churnedAt), timeZone)
      : customer.status === 'churned'
        ? '0000-01-01'
        : null;
  const points: MrrPoint[] = [];
  for (let k = months - 1; k >= 0; k--) {
    const date = addMonths(today, -k);
    const active = customer.customerSince <= date && (churnDay === null || churnDay > date);
    points.push({ date, mrrCents: active ? contractMrrOn(customer.contracts, date) : 0 });
  }
  return points;
}

/** Up to two initials of a company name for its avatar ("TechCorp LTDA" → "TL", "StartupXYZ" → "S"). */
export function initialsOf(name: string): string {
  const words = name
    .trim()
    .split(/\s+/)
    .filter((w) => /\p{L}|\p{N}/u.test(w));
  const letters = words.slice(0, 2).map((w) => [...w.replace(/^[^\p{L}\p{N}]+/u, '')][0] ?? '');
  return letters.join('').toLocaleUpperCase('pt-BR');
}
