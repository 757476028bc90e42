import type { ChurnFeatures } from '../../shared/domain/csm/churn.ts';
import { mainContactLeft, type RiskInput } from '../../shared/domain/csm/risk.ts';
import type { Invoice } from '../../shared/entities/billing.ts';
import type { Activity } from '../../shared/entities/csm.ts';
import type { Customer } from '../../shared/entities/customer.ts';
import type { Metrics } from '../../shared/entities/portal.ts';
import type { Ticket } from '../../shared/entities/support.ts';
import { DAY_MS, type Calendar } from './clock.ts';

/**
 * Reads the shared risk rule's and churn model's inputs back from one customer's generated documents — the
 * demo data's own definition of each signal (see the list in portfolio.ts). The health documents are built
 * from these, and the tests use them to prove the raw data exhibits exactly the planned risk factors.
 */
export interface CustomerDocs {
  customer: Customer;
  metrics: readonly Metrics[];
  activities: readonly Activity[];
  tickets: readonly Ticket[];
  invoices: readonly Invoice[];
}

const OPEN_TICKET = new Set<Ticket['status']>(['open', 'in_progress', 'waiting_client']);

/** Sessions in the last 30 local days (today included) and in the 30 days before. */
export function usageWindows(
  cal: Calendar,
  metrics: readonly Metrics[],
): { last30: number; previous30: number } {
  const recentFrom = cal.date(cal.today - 29);
  const previousFrom = cal.date(cal.today - 59);
  const fromMonth = previousFrom.slice(0, 7);
  let last30 = 0;
  let previous30 = 0;
  for (const m of metrics) {
    if (m.month < fromMonth) continue; // only the last ~3 months can fall in the windows
    for (const d of m.days) {
      if (d.date >= recentFrom) last30 += d.sessions;
      else if (d.date >= previousFrom) previous30 += d.sessions;
    }
  }
  return { last30, previous30 };
}

function latestExecutive(activities: readonly Activity[]): string | null {
  let latest: string | null = null;
  for (const a of activities)
    if (a.metadata.executive === true && (latest === null || a.occurredAt > latest)) latest = a.occurredAt;
  return latest;
}

function consecutiveUnanswered(activities: readonly Activity[]): number {
  const outbound = activities
    .filter((a) => a.type === 'email' && a.metadata.direction === 'outbound')
    .sort((x, y) => (x.occurredAt < y.occurredAt ? 1 : x.occurredAt > y.occurredAt ? -1 : 0));
  let n = 0;
  for (const e of outbound) {
    if (e.metadata.replied !== false) break;
    n++;
  }
  return n;
}

function npsPair(activities: readonly Activity[]): { previous: number | null; current: number | null } {
  const answers = activities
    .filter((a) => a.type === 'nps_response' && typeof a.metadata.npsScore === 'number')
    .sort((x, y) => (x.occurredAt < y.occurredAt ? 1 : x.occurredAt > y.occurredAt ? -1 : 0));
  return {
    current: (answers[0]?.metadata.npsScore as number | undefined) ?? null,
    previous: (answers[1]?.metadata.npsScore as number | undefined) ?? null,
  };
}

const ticketsSince = (tickets: readonly Ticket[], fromMs: number) =>
  tickets.filter((t) => Date.parse(t.createdAt) >= fromMs).length;

export function riskInputOf(cal: Calendar, d: CustomerDocs): RiskInput {
  const usage = usageWindows(cal, d.metrics);
  const open = d.tickets
    .filter((t) => OPEN_TICKET.has(t.status))
    .map((t) => t.createdAt)
    .sort();
  const nps = npsPair(d.activities);
  return {
    customerSince: d.customer.customerSince,
    lastLoginAt: d.customer.lastLoginAt,
    usageLast30: usage.last30,
    usagePrevious30: usage.previous30,
    consecutiveUnansweredEmails: consecutiveUnanswered(d.activities),
    oldestOpenTicketCreatedAt: open[0] ?? null,
    activeUsers: d.customer.activeUsers,
    totalSeats: d.customer.totalSeats,
    lastExecutiveEngagementAt: latestExecutive(d.activities),
    renewalDate: d.customer.renewalDate,
    ticketsLast30: ticketsSince(d.tickets, cal.nowMs - 30 * DAY_MS),
    npsPrevious: nps.previous,
    npsCurrent: nps.current,
    mainContactLeft: mainContactLeft(d.customer.contacts),
  };
}

export function churnFeaturesOf(cal: Calendar, d: CustomerDocs, healthScore: number): ChurnFeatures {
  const usage = usageWindows(cal, d.metrics);
  const since = cal.dayOf(d.customer.customerSince);
  const a = cal.monthOf(since);
  const b = cal.monthOf(cal.today);
  const dayOf = (x: number) => new Date(x * DAY_MS).getUTCDate();
  const tenureMonths = Math.max(
    0,
    (b.year - a.year) * 12 + (b.month - a.month) - (dayOf(cal.today) < dayOf(since) ? 1 : 0),
  );
  const yearAgo = cal.date(cal.today - 365);
  const latePaymentsLast12 = d.invoices.filter(
    (i) =>
      i.dueDate >= yearAgo && (i.status === 'overdue' || (i.paidDate !== null && i.paidDate > i.dueDate)),
  ).length;
  const nps = npsPair(d.activities);
  return {
    healthScore,
    usageTrend: usage.previous30 > 0 ? Math.max(-1, (usage.last30 - usage.previous30) / usage.previous30) : 0,
    daysSinceLastLogin:
      d.customer.lastLoginAt === null
        ? null
        : Math.max(0, Math.floor((cal.nowMs - Date.parse(d.customer.lastLoginAt)) / DAY_MS)),
    ticketsLast30: ticketsSince(d.tickets, cal.nowMs - 30 * DAY_MS),
    npsScore: nps.current,
    tenureMonths,
    latePaymentsLast12,
  };
}
