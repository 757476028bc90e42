import type { Campaign, Content, Goal, Lead } from '../../entities/portal.ts';
import type { Health, Signal } from '../../entities/csm.ts';
import type { Customer } from '../../entities/customer.ts';
import type { Invoice } from '../../entities/billing.ts';
import type { Meeting, NotificationType, Ticket } from '../../entities/support.ts';
import { notificationTargets } from './targets.ts';

/**
 * The triggers (docs/api.md "Notifications"): pure detectors that turn synced documents and the server's clock
 * into notification events. The server's jobs (server/notifications/) feed them the documents a change touched
 * (change-driven triggers) or the documents a scan finds (time-driven ones), then deliver each event.
 *
 * Invariants:
 * - Every event has a `key` that names the event itself, not the moment it was seen: the same reply, the same
 *   meeting start, the same due date always give the same key, so delivering a key twice sends nothing twice
 *   (the server's ledger `notification_deliveries` is keyed by it).
 * - Change-driven detectors ignore what happened more than `RECENT_MS` ago (a document edited today must not
 *   announce a reply from last month); time-driven ones fire inside their window only.
 * - Dates that depend on the calendar ("in 3 days", "in 60 days") are read in the organization's time zone.
 */

export const RECENT_MS = 24 * 60 * 60_000;
const HOUR_MS = 60 * 60_000;

export type NotificationParams =
  | { readonly type: 'conversion'; readonly campaign: string; readonly conversions: number }
  | { readonly type: 'goal_reached'; readonly goal: string }
  | { readonly type: 'campaign_anomaly'; readonly campaign: string; readonly dropPercent: number }
  | { readonly type: 'qualified_lead'; readonly lead: string }
  | {
      readonly type: 'ticket_answered';
      readonly number: number | null;
      readonly author: string;
      readonly excerpt: string;
    }
  | { readonly type: 'meeting_reminder'; readonly title: string }
  | {
      readonly type: 'invoice_due';
      readonly number: string;
      readonly amountCents: number;
      readonly dueDate: string;
    }
  | { readonly type: 'new_article'; readonly title: string }
  | { readonly type: 'customer_critical'; readonly customer: string; readonly score: number }
  | {
      readonly type: 'risk_alert';
      readonly customer: string;
      /** Set when the risk is a data source that keeps failing (server/integrations/): its name and streak. */
      readonly failingSource?: { readonly name: string; readonly failures: number };
    }
  | { readonly type: 'renewal_due'; readonly customer: string; readonly endDate: string }
  | {
      readonly type: 'sla_breach';
      readonly number: number | null;
      readonly subject: string;
      readonly customer: string;
      readonly breached: boolean;
    }
  | { readonly type: 'meeting_request'; readonly customer: string; readonly request: 'reschedule' | 'cancel' }
  | {
      readonly type: 'ticket_created';
      readonly number: number | null;
      readonly subject: string;
      readonly customer: string;
    }
  | { readonly type: 'chat_reply'; readonly author: string; readonly excerpt: string }
  | { readonly type: 'chat_message'; readonly customer: string; readonly excerpt: string };

export interface NotificationEvent {
  readonly type: NotificationType;
  /** Idempotency key: one delivery per key and recipient, ever. */
  readonly key: string;
  /** The customer concerned: its client users receive client types, its CSM (else the admins) staff types. */
  readonly customerId: string;
  /** In-app path the notification opens. */
  readonly path: string;
  /** Collapse tag (and push Topic): `[A-Za-z0-9_-]{1,32}`. */
  readonly tag: string;
  readonly params: NotificationParams;
}

/** A tag from a type and a subject id: short, URL-safe, stable. */
export const tagOf = (prefix: string, id: string) =>
  `${prefix}-${id.replace(/[^A-Za-z0-9]/g, '')}`.slice(0, 32);

const ms = (iso: string) => Date.parse(iso);
const recent = (iso: string, now: Date) => ms(iso) <= now.getTime() && now.getTime() - ms(iso) <= RECENT_MS;
const excerptOf = (text: string) => (text.length > 140 ? `${text.slice(0, 139)}…` : text);

/** The calendar date (YYYY-MM-DD) of `now` in `timeZone`, moved by `days`. */
export function localDatePlus(now: Date, timeZone: string, days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

// -------------------------------------------------------------------------------------- change-driven

/**
 * A ticket just written: the agency's newest reply (client side) and a client's new ticket (staff side). A chat
 * (`channel: 'chat'`) has its own types and screens (`chatEvents`): 'ticket_answered' / 'ticket_created' say
 * "chamado #n" and open the ticket screens, which do not show chats.
 */
export function ticketEvents(ticket: Ticket, customer: string, now: Date): NotificationEvent[] {
  if (ticket.channel === 'chat') return chatEvents(ticket, customer, now);
  const events: NotificationEvent[] = [];
  const reply = ticket.messages.filter((m) => m.senderType === 'support').at(-1);
  if (reply && recent(reply.createdAt, now))
    events.push({
      type: 'ticket_answered',
      key: `ticket_answered:${ticket.id}:${reply.id}`,
      customerId: ticket.customerId,
      path: notificationTargets.clientTicket(ticket.id),
      tag: tagOf('ticket', ticket.id),
      params: {
        type: 'ticket_answered',
        number: ticket.number,
        author: reply.senderName,
        excerpt: excerptOf(reply.body),
      },
    });
  const openedByClient = ticket.messages.length === 0 || ticket.messages[0]?.senderType === 'client';
  if (openedByClient && recent(ticket.createdAt, now))
    events.push({
      type: 'ticket_created',
      key: `ticket_created:${ticket.id}`,
      customerId: ticket.customerId,
      path: notificationTargets.staffTicket(ticket.id),
      tag: tagOf('ticket', ticket.id),
      params: { type: 'ticket_created', number: ticket.number, subject: ticket.subject, customer },
    });
  return events;
}

/**
 * A chat just written: its newest message, if recent — the agency's to the customer's client users
 * ('chat_reply', opening their chat), a client's to the customer's CSM ('chat_message', opening that chat in the
 * inbox). One event per message (keyed by its id), all collapsing into one notification per chat on the device
 * (the chat's tag), as a messaging app does. Only the newest message: a chat document arriving with several new
 * messages at once (a device back online) announces the last, not each.
 */
export function chatEvents(chat: Ticket, customer: string, now: Date): NotificationEvent[] {
  const last = chat.messages.at(-1);
  if (!last || !recent(last.createdAt, now)) return [];
  const tag = tagOf('chat', chat.id);
  const excerpt = excerptOf(last.body);
  return [
    last.senderType === 'support'
      ? {
          type: 'chat_reply',
          key: `chat_reply:${chat.id}:${last.id}`,
          customerId: chat.customerId,
          path: notificationTargets.clientChat(),
          tag,
          params: { type: 'chat_reply', author: last.senderName, excerpt },
        }
      : {
          type: 'chat_message',
          key: `chat_message:${chat.id}:${last.id}`,
          customerId: chat.customerId,
          path: notificationTargets.staffChat(chat.id),
          tag,
          params: { type: 'chat_message', customer, excerpt },
        },
  ];
}

/** A client's reschedule or cancel request not answered yet. */
export function meetingRequestEvents(meeting: Meeting, customer: string, now: Date): NotificationEvent[] {
  const request = meeting.clientRequest;
  if (
    !request ||
    meeting.requestAnswer?.requestedAt === request.requestedAt ||
    !recent(request.requestedAt, now)
  )
    return [];
  return [
    {
      type: 'meeting_request',
      key: `meeting_request:${meeting.id}:${request.requestedAt}`,
      customerId: meeting.customerId,
      path: notificationTargets.meetingRequests(),
      tag: tagOf('meeting', meeting.id),
      params: { type: 'meeting_request', customer, request: request.type },
    },
  ];
}

/** A goal whose current value reached its target. */
export function goalEvents(goal: Goal): NotificationEvent[] {
  if (goal.status === 'failed' || goal.currentValue < goal.targetValue) return [];
  return [
    {
      type: 'goal_reached',
      key: `goal_reached:${goal.id}:${goal.endDate}`,
      customerId: goal.customerId,
      path: notificationTargets.clientHome(),
      tag: tagOf('goal', goal.id),
      params: { type: 'goal_reached', goal: goal.title },
    },
  ];
}

/** A lead that is (now) qualified. */
export function leadEvents(lead: Lead): NotificationEvent[] {
  if (lead.stage !== 'qualified') return [];
  return [
    {
      type: 'qualified_lead',
      key: `qualified_lead:${lead.id}`,
      customerId: lead.customerId,
      path: notificationTargets.clientHome(),
      tag: tagOf('lead', lead.id),
      params: { type: 'qualified_lead', lead: lead.name },
    },
  ];
}

/** Days averaged for a campaign's "recent average" (the days before the last one). */
export const ANOMALY_WINDOW_DAYS = 7;
/** A drop strictly greater than this share of the recent average is an anomaly (dashboard spec: "> 20 %"). */
export const ANOMALY_DROP = 0.2;

/**
 * Performance drop of the campaign's last day against the average of the `ANOMALY_WINDOW_DAYS` before it, in
 * conversions; null without at least 3 earlier days or with a zero average (nothing to fall from).
 */
export function campaignDrop(campaign: Pick<Campaign, 'daily'>): number | null {
  const days = [...campaign.daily].sort((a, b) => a.date.localeCompare(b.date));
  const last = days.at(-1);
  const before = days.slice(-1 - ANOMALY_WINDOW_DAYS, -1);
  if (!last || before.length < 3) return null;
  const average = before.reduce((sum, d) => sum + d.conversions, 0) / before.length;
  if (average <= 0) return null;
  return (average - last.conversions) / average;
}

/** A campaign's last day: new conversions (one event per campaign-day) and a > 20 % drop. */
export function campaignEvents(campaign: Campaign, now: Date, timeZone: string): NotificationEvent[] {
  if (campaign.status !== 'active') return [];
  const last = [...campaign.daily].sort((a, b) => a.date.localeCompare(b.date)).at(-1);
  // Only today's or yesterday's figures are news.
  if (!last || last.date < localDatePlus(now, timeZone, -1) || last.date > localDatePlus(now, timeZone, 0))
    return [];
  const events: NotificationEvent[] = [];
  if (last.conversions > 0)
    events.push({
      type: 'conversion',
      key: `conversion:${campaign.id}:${last.date}`,
      customerId: campaign.customerId,
      path: notificationTargets.performance(),
      tag: tagOf('conv', campaign.id),
      params: { type: 'conversion', campaign: campaign.name, conversions: last.conversions },
    });
  const drop = campaignDrop(campaign);
  if (drop !== null && drop > ANOMALY_DROP)
    events.push({
      type: 'campaign_anomaly',
      key: `campaign_anomaly:${campaign.id}:${last.date}`,
      customerId: campaign.customerId,
      path: notificationTargets.performance(),
      tag: tagOf('anomaly', campaign.id),
      params: { type: 'campaign_anomaly', campaign: campaign.name, dropPercent: Math.round(drop * 100) },
    });
  return events;
}

/** A published article, for the customers whose industry it addresses (all of them when it names none). */
export function articleEvents(
  content: Content,
  customers: readonly Pick<Customer, 'id' | 'industry'>[],
  now: Date,
) {
  if (content.kind !== 'article' || !recent(content.publishedAt, now)) return [];
  return customers
    .filter((c) => content.industry === null || c.industry === content.industry)
    .map((c): NotificationEvent => ({
      type: 'new_article',
      key: `new_article:${content.id}`,
      customerId: c.id,
      path: notificationTargets.clientHome(),
      tag: tagOf('article', content.id),
      params: { type: 'new_article', title: content.title },
    }));
}

/** A customer whose health is critical: once per at-risk episode. */
export function healthEvents(health: Health, customer: string, now: Date): NotificationEvent[] {
  if (health.status !== 'critical') return [];
  const since = health.atRiskSince ?? now.toISOString().slice(0, 10);
  return [
    {
      type: 'customer_critical',
      key: `customer_critical:${health.customerId}:${since}`,
      customerId: health.customerId,
      path: notificationTargets.customer(health.customerId),
      tag: tagOf('health', health.customerId),
      params: { type: 'customer_critical', customer, score: health.score },
    },
  ];
}

/** A new, open risk alert. */
export function signalEvents(signal: Signal, customer: string, now: Date): NotificationEvent[] {
  if (signal.kind !== 'risk_alert' || signal.status !== 'open' || !recent(signal.createdAt, now)) return [];
  return [
    {
      type: 'risk_alert',
      key: `risk_alert:${signal.id}`,
      customerId: signal.customerId,
      path: notificationTargets.customer(signal.customerId),
      tag: tagOf('risk', signal.customerId),
      params: { type: 'risk_alert', customer },
    },
  ];
}

// ---------------------------------------------------------------------------------------- time-driven

/** A scheduled meeting that starts within the next hour. */
export function meetingReminderEvents(meeting: Meeting, now: Date): NotificationEvent[] {
  const until = ms(meeting.scheduledAt) - now.getTime();
  if (meeting.status !== 'scheduled' || until <= 0 || until > HOUR_MS) return [];
  return [
    {
      type: 'meeting_reminder',
      key: `meeting_reminder:${meeting.id}:${meeting.scheduledAt}`,
      customerId: meeting.customerId,
      path: notificationTargets.clientHome(),
      tag: tagOf('meeting', meeting.id),
      params: { type: 'meeting_reminder', title: meeting.title },
    },
  ];
}

/** An unpaid invoice due exactly 3 days from today (organization's calendar). */
export function invoiceDueEvents(invoice: Invoice, now: Date, timeZone: string): NotificationEvent[] {
  if (invoice.status !== 'pending' || invoice.dueDate !== localDatePlus(now, timeZone, 3)) return [];
  return [
    {
      type: 'invoice_due',
      key: `invoice_due:${invoice.id}:${invoice.dueDate}`,
      customerId: invoice.customerId,
      path: notificationTargets.invoice(invoice.id),
      tag: tagOf('invoice', invoice.id),
      params: {
        type: 'invoice_due',
        number: invoice.number,
        amountCents: invoice.amountCents,
        dueDate: invoice.dueDate,
      },
    },
  ];
}

/** An active contract that ends exactly 60 days from today (organization's calendar). */
export function renewalEvents(customer: Customer, now: Date, timeZone: string): NotificationEvent[] {
  const in60 = localDatePlus(now, timeZone, 60);
  return customer.contracts
    .filter((c) => c.status === 'active' && c.endDate === in60)
    .map((c) => ({
      type: 'renewal_due' as const,
      key: `renewal_due:${c.id}:${c.endDate}`,
      customerId: customer.id,
      path: notificationTargets.customer(customer.id),
      tag: tagOf('renewal', customer.id),
      params: { type: 'renewal_due' as const, customer: customer.name, endDate: c.endDate },
    }));
}

/** How long before the deadline an unanswered ticket counts as "about to breach". */
export const SLA_WARNING_MS = HOUR_MS;

/** An unanswered ticket within an hour of its SLA deadline, and again once it breached. */
export function slaEvents(ticket: Ticket, customer: string, now: Date): NotificationEvent[] {
  if (
    ticket.firstResponseAt ||
    !ticket.slaDeadline ||
    ticket.status === 'resolved' ||
    ticket.status === 'closed'
  )
    return [];
  const left = ms(ticket.slaDeadline) - now.getTime();
  if (left > SLA_WARNING_MS) return [];
  const breached = left <= 0;
  return [
    {
      type: 'sla_breach',
      key: `sla_breach:${ticket.id}:${breached ? 'breached' : 'soon'}`,
      customerId: ticket.customerId,
      path: notificationTargets.staffTicket(ticket.id),
      tag: tagOf('sla', ticket.id),
      params: { type: 'sla_breach', number: ticket.number, subject: ticket.subject, customer, breached },
    },
  ];
}
