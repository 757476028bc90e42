import type { TFunction } from 'i18next';
import { formatDurationPtBr, slaStatus } from '../../../shared/domain/portal/sla.ts';
import type { Ticket, TicketStatus } from '../../../shared/entities/support.ts';
import { formatRelativeTime, type AppLanguage } from '../../ui/format.ts';

/**
 * How the client portal shows tickets ("#2847 - Ajuste em campanha · ✅ Resolvido (2h atrás)",
 * "#2853 - Dúvida sobre relatório · ⏰ Em andamento (SLA: 1h)"). Pure: the clock and the translator are
 * parameters, so the texts are table-tested.
 */

export const ACTIVE_TICKET_STATUSES: readonly TicketStatus[] = ['open', 'in_progress', 'waiting_client'];

export const isActiveTicket = (ticket: Pick<Ticket, 'status'>): boolean =>
  ACTIVE_TICKET_STATUSES.includes(ticket.status);

/** Not yet acknowledged by the server: the number is assigned on the first accepted push. */
export const isAwaitingSync = (ticket: Pick<Ticket, 'number'>): boolean => ticket.number === null;

/** Newest first by opening time; the id (UUID v7, time-ordered) breaks ties so the order is stable. */
export function newestFirst<T extends Pick<Ticket, 'createdAt' | 'id'>>(tickets: readonly T[]): T[] {
  return [...tickets].sort(
    (a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0),
  );
}

/** When the conversation last moved: the newest message, else the opening. */
export function lastMessageAt(ticket: Pick<Ticket, 'createdAt' | 'messages'>): string {
  let latest = Date.parse(ticket.createdAt);
  for (const m of ticket.messages) latest = Math.max(latest, Date.parse(m.createdAt));
  return new Date(latest).toISOString();
}

/** When a finished ticket finished: the server's `resolvedAt`, else its last change. */
const finishedAt = (ticket: Pick<Ticket, 'resolvedAt' | 'updatedAt'>): string =>
  ticket.resolvedAt ?? ticket.updatedAt;

/** The latest thing that happened to a ticket (a message, or its resolution). */
function latestEventAt(ticket: Ticket): number {
  const message = Date.parse(lastMessageAt(ticket));
  return isActiveTicket(ticket) ? message : Math.max(message, Date.parse(finishedAt(ticket)));
}

export type SlaKind = 'running' | 'due_soon' | 'overdue' | 'met' | 'late';
export interface SlaView {
  readonly kind: SlaKind;
  /** Time left (running, due soon), overdue by (overdue) or late by (late); "" when met. */
  readonly time: string;
}

/**
 * The first-response SLA of a ticket as the client sees it, from the shared rule (`slaStatus`, which computes
 * the deadline itself while the server has not stamped one). Null when not measured (finished without any
 * response) or when the stored document cannot be read by the rule.
 */
export function slaView(ticket: Ticket, now: Date): SlaView | null {
  let status: ReturnType<typeof slaStatus>;
  try {
    status = slaStatus({ ticket, now: now.toISOString() });
  } catch {
    return null; // A document the rule rejects shows no SLA rather than breaking the list.
  }
  const time = formatDurationPtBr(Math.abs(status.remainingMs));
  switch (status.state) {
    case 'running':
      return { kind: status.dueSoon ? 'due_soon' : 'running', time };
    case 'breached':
      return status.stoppedAt === null ? { kind: 'overdue', time } : { kind: 'late', time };
    case 'met':
      return { kind: 'met', time: '' };
    case 'not_measured':
      return null;
  }
}

export interface TextContext {
  readonly t: TFunction<'tickets'>;
  readonly language: AppLanguage;
}

export function slaText(sla: SlaView, t: TFunction<'tickets'>): string {
  switch (sla.kind) {
    case 'running':
    case 'due_soon':
      return t('tickets.sla.running', { time: sla.time });
    case 'overdue':
      return t('tickets.sla.overdue', { time: sla.time });
    case 'met':
      return t('tickets.sla.met');
    case 'late':
      return t('tickets.sla.late', { time: sla.time });
  }
}

export const ticketNumberText = (ticket: Pick<Ticket, 'number'>, t: TFunction<'tickets'>): string =>
  ticket.number === null ? t('tickets.numberPending') : t('tickets.number', { number: ticket.number });

/**
 * The one-line status of the wireframe: an active ticket whose first response is still due shows the SLA
 * ("Em andamento (SLA: 1h)"); a finished one shows when it finished ("Resolvido (há 2 horas)"); an answered
 * active ticket shows its status alone (the SLA clock has stopped; the detail view says how it went).
 */
export function ticketStatusLine(ticket: Ticket, now: Date, { t, language }: TextContext): string {
  const status = t(`tickets.status.${ticket.status}`);
  if (!isActiveTicket(ticket)) {
    const detail = formatRelativeTime(finishedAt(ticket), now, { language });
    return t('tickets.statusWithDetail', { status, detail });
  }
  const sla = slaView(ticket, now);
  if (sla && (sla.kind === 'running' || sla.kind === 'due_soon' || sla.kind === 'overdue')) {
    return t('tickets.statusWithDetail', { status, detail: slaText(sla, t) });
  }
  return status;
}

/** The visual tone of a status badge. */
export type Tone = 'neutral' | 'info' | 'warning' | 'success' | 'danger';

export function statusTone(ticket: Ticket, now: Date): Tone {
  switch (ticket.status) {
    case 'resolved':
      return 'success';
    case 'closed':
      return 'neutral';
    case 'waiting_client':
      return 'warning';
    default: {
      const sla = slaView(ticket, now);
      return sla?.kind === 'overdue' ? 'danger' : sla?.kind === 'due_soon' ? 'warning' : 'info';
    }
  }
}

export interface HomeTicketSummary {
  /** Tickets not yet resolved or closed. */
  readonly openCount: number;
  /** What the home card lists, latest event first. */
  readonly items: readonly Ticket[];
}

/**
 * The home card's tickets: every active ticket has a place before any finished one (an open problem is never
 * pushed out by old news), then tickets finished in the last `recentDays`; the chosen ones are shown latest
 * event first, as in the wireframe (resolved 2 h ago above the one opened 7 h ago).
 */
export function homeTicketSummary(
  tickets: readonly Ticket[],
  now: Date,
  { limit = 3, recentDays = 7 }: { limit?: number; recentDays?: number } = {},
): HomeTicketSummary {
  const byLatest = (a: Ticket, b: Ticket) => latestEventAt(b) - latestEventAt(a);
  const active = tickets.filter(isActiveTicket).sort(byLatest);
  const since = now.getTime() - recentDays * 86_400_000;
  const recent = tickets
    .filter((t) => !isActiveTicket(t) && Date.parse(finishedAt(t)) >= since)
    .sort(byLatest);
  const items = [...active, ...recent].slice(0, Math.max(0, limit)).sort(byLatest);
  return { openCount: active.length, items };
}
