import type { Invoice } from '../../entities/billing.ts';
import type { Activity, Signal } from '../../entities/csm.ts';
import type { Contract, Customer } from '../../entities/customer.ts';
import type { Metrics } from '../../entities/portal.ts';
import type { Meeting, Ticket } from '../../entities/support.ts';
import { addMonths } from '../portal/time.ts';
import { deriveCustomerRevenue } from '../revenue.ts';
import type { ChurnFeatures } from './churn.ts';
import { addDays, calendarDate, DAY_MS, DEFAULT_TIME_ZONE, elapsedDays, fullMonthsBetween } from './dates.ts';
import type { HealthInput } from './health-input.ts';
import { normalizeText } from './needs.ts';
import { mainContactLeft, type RiskInput } from './risk.ts';

/**
 * The rules' inputs read from one customer's synced documents (docs/domain.md §7): the health score's
 * `HealthInput`, the risk detector's `RiskInput` and the churn model's `ChurnFeatures`. The server's recompute job
 * (authoritative) and the device (provisional, offline) call these same functions on the same documents, so a
 * provisional score differs from the server's only when the documents differ.
 *
 * Invariants:
 * - pure: `now` and the organization's time zone come in through an `AssessmentClock`; nothing reads the clock;
 * - only documents a staff device syncs are read (customers with contacts/contracts, metrics, activities,
 *   tickets, invoices, meetings, signals) — never the client portal's engagement, which staff do not sync —
 *   so the device and the server see the same inputs;
 * - a field the documents cannot supply is `null` ("no data"), never 0: the health rule leaves such a factor out;
 *   a count over a synced collection that happens to be empty is a real 0 (no tickets in 30 days is data);
 * - instant windows ("last 30 days" of tickets) count back from `now` in whole 24 h days; calendar windows
 *   (metrics days, invoice due dates, tenure) use calendar dates in the organization's time zone;
 * - activities dated after `now` (scheduled, or a skewed device clock) are ignored.
 */

export interface CustomerDocs {
  customer: Customer;
  metrics: readonly Pick<Metrics, 'month' | 'days'>[];
  activities: readonly Activity[];
  tickets: readonly Ticket[];
  invoices: readonly Invoice[];
  /** The client portal's meetings with the account manager; absent = not known (meeting factor has no data). */
  meetings?: readonly Meeting[];
  /** The customer's signals; absent = not known (open expansion value has no data). */
  signals?: readonly Signal[];
}

/** `now` and the organization's calendar day, built once per batch (formatting a date with Intl is the costly part). */
export interface AssessmentClock {
  readonly now: Date;
  readonly nowMs: number;
  /** `YYYY-MM-DD` of `now` in `timeZone`. */
  readonly today: string;
  readonly timeZone: string;
}

/** Throws a RangeError for a time zone the runtime does not know. */
export function assessmentClock(now: Date, timeZone: string = DEFAULT_TIME_ZONE): AssessmentClock {
  return { now, nowMs: now.getTime(), today: calendarDate(now, timeZone), timeZone };
}

/** Window lengths (docs/domain.md §7). */
export const USAGE_WINDOW_DAYS = 30;
export const TICKET_WINDOW_DAYS = 30;
export const ENGAGEMENT_WINDOW_DAYS = 90;
export const PAYMENT_WINDOW_DAYS = 365;

/** Ticket statuses that still need the support team. */
export const OPEN_TICKET_STATUSES: ReadonlySet<Ticket['status']> = new Set([
  'open',
  'in_progress',
  'waiting_client',
]);

/**
 * Words that make a logged conversation an "expansion conversation" (accent- and case-insensitive, whole words):
 * "discutimos expansão para RH", "querem fazer upgrade".
 */
export const EXPANSION_WORDS: ReadonlySet<string> = new Set([
  'expansao',
  'expandir',
  'ampliar',
  'ampliacao',
  'upgrade',
  'upsell',
]);
const CONVERSATION_TYPES: ReadonlySet<Activity['type']> = new Set(['call', 'meeting', 'note', 'email']);

const OPEN_EXPANSION: ReadonlySet<Signal['status']> = new Set(['identified', 'contacted', 'negotiating']);

const time = (iso: string) => Date.parse(iso);
const pastActivities = (docs: CustomerDocs, clock: AssessmentClock) =>
  docs.activities.filter((a) => time(a.occurredAt) <= clock.nowMs);
const newestFirst = (x: Activity, y: Activity) => time(y.occurredAt) - time(x.occurredAt);

/**
 * Sessions (the `metrics` documents' daily `sessions`, the portfolio's usage signal) in the last 30 local days,
 * today included, and in the 30 days before. Null for both when no metrics document reaches the windows.
 */
export function usageWindows(
  clock: Pick<AssessmentClock, 'today'>,
  metrics: readonly Pick<Metrics, 'month' | 'days'>[],
): { last30: number | null; previous30: number | null } {
  const recentFrom = addDays(clock.today, -(USAGE_WINDOW_DAYS - 1));
  const previousFrom = addDays(clock.today, -(2 * USAGE_WINDOW_DAYS - 1));
  const fromMonth = previousFrom.slice(0, 7);
  let last30 = 0;
  let previous30 = 0;
  let covered = false;
  for (const m of metrics) {
    if (m.month < fromMonth) continue; // only the last ~3 months can fall in the windows
    covered = true;
    for (const d of m.days) {
      if (d.date > clock.today) continue;
      if (d.date >= recentFrom) last30 += d.sessions;
      else if (d.date >= previousFrom) previous30 += d.sessions;
    }
  }
  return covered ? { last30, previous30 } : { last30: null, previous30: null };
}

/** Outbound CSM e-mails, newest first (bulk sends such as newsletters expect no reply and are left out). */
function outboundEmails(activities: readonly Activity[]): Activity[] {
  return activities
    .filter((a) => a.type === 'email' && a.metadata.direction === 'outbound' && a.metadata.bulk !== true)
    .sort(newestFirst);
}

/** How many of the most recent outbound e-mails in a row are marked `replied: false`. */
function consecutiveUnanswered(activities: readonly Activity[]): number {
  let n = 0;
  for (const e of outboundEmails(activities)) {
    if (e.metadata.replied !== false) break;
    n++;
  }
  return n;
}

/**
 * Latest contact with a decision maker: an activity flagged `executive: true`, or — when the flag was not
 * recorded — a call or meeting with a contact whose role is `decision_maker`. Null = never.
 */
function latestExecutive(activities: readonly Activity[], customer: Customer): string | null {
  const deciders = new Set(customer.contacts.filter((c) => c.role === 'decision_maker').map((c) => c.id));
  let latest: Activity | null = null;
  for (const a of activities) {
    const flagged =
      a.metadata.executive === true ||
      (a.metadata.executive === undefined &&
        (a.type === 'call' || a.type === 'meeting') &&
        typeof a.metadata.contactId === 'string' &&
        deciders.has(a.metadata.contactId));
    if (flagged && (latest === null || time(a.occurredAt) > time(latest.occurredAt))) latest = a;
  }
  return latest?.occurredAt ?? null;
}

/** The latest and the previous NPS answers (`nps_response` activities with a numeric `npsScore`). */
export function npsAnswers(activities: readonly Activity[]): {
  current: number | null;
  previous: number | null;
} {
  const scores: number[] = [];
  for (const a of [...activities].sort(newestFirst)) {
    const s = a.metadata.npsScore;
    if (a.type === 'nps_response' && typeof s === 'number' && Number.isInteger(s) && s >= 0 && s <= 10)
      scores.push(s);
    if (scores.length === 2) break;
  }
  return { current: scores[0] ?? null, previous: scores[1] ?? null };
}

/** Chats (`channel: 'chat'`) are conversations, not problems reported: no ticket count includes them. */
const ticketsSince = (tickets: readonly Ticket[], fromMs: number) =>
  tickets.filter((t) => t.channel !== 'chat' && time(t.createdAt) >= fromMs).length;

/** Late invoices in the last 12 months: overdue, or paid after the due date. */
function latePaymentsLast12(invoices: readonly Invoice[], today: string): number {
  const yearAgo = addDays(today, -PAYMENT_WINDOW_DAYS);
  return invoices.filter(
    (i) =>
      i.dueDate >= yearAgo && (i.status === 'overdue' || (i.paidDate !== null && i.paidDate > i.dueDate)),
  ).length;
}

/** The risk detector's input (docs/domain.md §2, §7). */
export function riskInputFromDocs(docs: CustomerDocs, clock: AssessmentClock): RiskInput {
  const { customer } = docs;
  const activities = pastActivities(docs, clock);
  const usage = usageWindows(clock, docs.metrics);
  const open = docs.tickets
    .filter((t) => t.channel !== 'chat' && OPEN_TICKET_STATUSES.has(t.status))
    .sort((x, y) => time(x.createdAt) - time(y.createdAt));
  const nps = npsAnswers(activities);
  return {
    customerSince: customer.customerSince,
    lastLoginAt: customer.lastLoginAt,
    usageLast30: usage.last30,
    usagePrevious30: usage.previous30,
    consecutiveUnansweredEmails: consecutiveUnanswered(activities),
    oldestOpenTicketCreatedAt: open[0]?.createdAt ?? null,
    activeUsers: customer.activeUsers,
    totalSeats: customer.totalSeats,
    lastExecutiveEngagementAt: latestExecutive(activities, customer),
    renewalDate: customer.renewalDate,
    ticketsLast30: ticketsSince(docs.tickets, clock.nowMs - TICKET_WINDOW_DAYS * DAY_MS),
    npsPrevious: nps.previous,
    npsCurrent: nps.current,
    mainContactLeft: mainContactLeft(customer.contacts),
  };
}

/** The churn model's features (docs/domain.md §3, §7); `healthScore` is the score just computed. */
export function churnFeaturesFromDocs(
  docs: CustomerDocs,
  clock: AssessmentClock,
  healthScore: number,
): ChurnFeatures {
  const { customer } = docs;
  const usage = usageWindows(clock, docs.metrics);
  const last30 = usage.last30 ?? 0;
  const previous30 = usage.previous30 ?? 0;
  return {
    healthScore,
    // No usage in the 30 days before (or no data): the trend is unknown and counts as flat.
    usageTrend: previous30 > 0 ? Math.max(-1, (last30 - previous30) / previous30) : 0,
    daysSinceLastLogin:
      customer.lastLoginAt === null ? null : elapsedDays(new Date(customer.lastLoginAt), clock.now),
    ticketsLast30: ticketsSince(docs.tickets, clock.nowMs - TICKET_WINDOW_DAYS * DAY_MS),
    npsScore: npsAnswers(pastActivities(docs, clock)).current,
    tenureMonths: fullMonthsBetween(customer.customerSince, clock.today),
    latePaymentsLast12: latePaymentsLast12(docs.invoices, clock.today),
  };
}

/**
 * Monthly value of the contracts in force on `date`: active, completed or cancelled contracts whose period
 * covers it (a cancelled contract's end date is the day it stopped). Drafts never count. For `today` on
 * consistent data this is the revenue rule's MRR (`deriveCustomerRevenue`).
 */
export function contractMrrOn(
  contracts: readonly Pick<Contract, 'status' | 'startDate' | 'endDate' | 'monthlyValueCents'>[],
  date: string,
): number {
  return contracts
    .filter((c) => c.status !== 'draft' && c.startDate <= date && date <= c.endDate)
    .reduce((s, c) => s + c.monthlyValueCents, 0);
}

function isExpansionConversation(a: Activity): boolean {
  if (a.type === 'expansion_identified') return true;
  if (!CONVERSATION_TYPES.has(a.type)) return false;
  return normalizeText(`${a.title} ${a.description ?? ''}`)
    .split(' ')
    .some((w) => EXPANSION_WORDS.has(w));
}

/**
 * The health score's input. Supplied from the documents: seats, e-mail replies, meeting attendance, NPS,
 * ticket volume and CSAT (ratings on `support_ticket` activities), tickets in 90 days, invoices paid on time,
 * MRR now and 12 months ago (contracts), charge attempts (invoice payments), open expansion value (signals) and
 * expansion conversations. Not in any synced document, so null: login days, feature adoption, key features,
 * community activity, escalations, self-service and referrals.
 */
export function healthInputFromDocs(docs: CustomerDocs, clock: AssessmentClock): HealthInput {
  const { customer, invoices } = docs;
  const { nowMs, today } = clock;
  const activities = pastActivities(docs, clock);
  const since = (days: number) => nowMs - days * DAY_MS;
  const within = (iso: string, days: number) => time(iso) >= since(days) && time(iso) <= nowMs;

  // E-mails whose reply status is known (true/false) in the last 90 days.
  const emails = outboundEmails(activities).filter(
    (e) => within(e.occurredAt, ENGAGEMENT_WINDOW_DAYS) && typeof e.metadata.replied === 'boolean',
  );

  // Meetings held or due in the last 90 days; cancelled and moved ones were not missed.
  const meetings = docs.meetings?.filter(
    (m) =>
      within(m.scheduledAt, ENGAGEMENT_WINDOW_DAYS) && (m.status === 'completed' || m.status === 'scheduled'),
  );

  const ratings = activities
    .filter((a) => a.type === 'support_ticket' && within(a.occurredAt, ENGAGEMENT_WINDOW_DAYS))
    .map((a) => a.metadata.rating)
    .filter((r): r is number => typeof r === 'number' && r >= 1 && r <= 5);

  const yearAgo = addDays(today, -PAYMENT_WINDOW_DAYS);
  const due = invoices.filter((i) => i.status !== 'cancelled' && i.dueDate >= yearAgo && i.dueDate < today);

  const charges = invoices
    .flatMap((i) => i.payments)
    .filter((p) => p.status !== 'pending' && within(p.createdAt, PAYMENT_WINDOW_DAYS));

  const mrrCents = deriveCustomerRevenue(customer.contracts, [], today).mrrCents;
  const yearBefore = addMonths(today, -12);
  const seats = customer.totalSeats;

  return {
    activeUsers: seats > 0 ? customer.activeUsers : null,
    totalSeats: seats > 0 ? seats : null,
    emailsSent: emails.length > 0 ? emails.length : null,
    emailsReplied: emails.length > 0 ? emails.filter((e) => e.metadata.replied === true).length : null,
    meetingsScheduled: meetings && meetings.length > 0 ? meetings.length : null,
    meetingsAttended:
      meetings && meetings.length > 0 ? meetings.filter((m) => m.status === 'completed').length : null,
    npsScore: npsAnswers(activities).current,
    ticketsLast30: ticketsSince(docs.tickets, since(TICKET_WINDOW_DAYS)),
    csatAverage:
      ratings.length > 0
        ? Math.round((ratings.reduce((s, r) => s + r, 0) / ratings.length) * 100) / 100
        : null,
    ticketsLast90: ticketsSince(docs.tickets, since(ENGAGEMENT_WINDOW_DAYS)),
    paymentsLast12: due.length > 0 ? due.length : null,
    paymentsOnTimeLast12:
      due.length > 0 ? due.filter((i) => i.paidDate !== null && i.paidDate <= i.dueDate).length : null,
    mrrCents,
    // A customer younger than a year has no MRR "12 months ago": growth is undefined, not infinite.
    mrr12MonthsAgoCents:
      customer.customerSince <= yearBefore ? contractMrrOn(customer.contracts, yearBefore) : null,
    chargeAttemptsLast12: charges.length > 0 ? charges.length : null,
    failedChargesLast12: charges.length > 0 ? charges.filter((p) => p.status === 'failed').length : null,
    openExpansionValueCents:
      docs.signals === undefined
        ? null
        : docs.signals
            .filter((s) => s.kind === 'expansion' && OPEN_EXPANSION.has(s.status))
            .reduce((sum, s) => sum + (s.estimatedValueCents ?? 0), 0),
    expansionConversationsLast90: activities.filter(
      (a) => within(a.occurredAt, ENGAGEMENT_WINDOW_DAYS) && isExpansionConversation(a),
    ).length,
  };
}
