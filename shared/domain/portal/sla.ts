import { z } from 'zod';
import { isoDate, isoDateTime } from '../../entities/common.ts';
import { type TicketPriority, ticketPrioritySchema, ticketSchema } from '../../entities/support.ts';
import { addDays, isoWeekday, localDateOf, timeZoneSchema, zonedTimeToEpochMs } from './time.ts';

/**
 * Support SLA (dashboard §7A "Em andamento (SLA: 1h)").
 *
 * The SLA measured is **time to first response** from the agency: the clock starts at the ticket's
 * `createdAt` and stops at the first response — `ticket.firstResponseAt` (server-stamped) or, before the
 * server has stamped it, the earliest `support` message. A ticket resolved/closed before any response stops
 * the clock at `resolvedAt`; closed with neither → `not_measured`.
 *
 * Default targets (configurable per organization): urgent 1 h, high 4 h, medium 8 h, low 24 h, counted in
 * calendar time. Optional business hours (e.g. the seed's "Seg-Sex 9h-18h" in America/Sao_Paulo, holidays
 * excluded) count only minutes inside the window, for the priorities listed in `appliesTo` — by default
 * every priority except `urgent`, which stays 24×7.
 */
export const DEFAULT_FIRST_RESPONSE_MINUTES: Readonly<Record<TicketPriority, number>> = {
  urgent: 60,
  high: 240,
  medium: 480,
  low: 1440,
};

const minutes = z
  .number()
  .int()
  .min(1)
  .max(60 * 24 * 60);
const minuteOfDay = z
  .number()
  .int()
  .min(0)
  .max(24 * 60);

export const businessHoursSchema = z
  .strictObject({
    timeZone: timeZoneSchema,
    /** ISO weekdays (1 = Monday … 7 = Sunday). */
    days: z.array(z.number().int().min(1).max(7)).min(1).max(7),
    startMinute: minuteOfDay,
    endMinute: minuteOfDay,
    holidays: z.array(isoDate).max(400).default([]),
    appliesTo: z.array(ticketPrioritySchema).default(['high', 'medium', 'low']),
  })
  .refine((b) => b.endMinute > b.startMinute, {
    message: 'endMinute must be after startMinute',
    path: ['endMinute'],
  });

export const slaPolicySchema = z.strictObject({
  firstResponseMinutes: z
    .strictObject({ urgent: minutes, high: minutes, medium: minutes, low: minutes })
    .default({ ...DEFAULT_FIRST_RESPONSE_MINUTES }),
  businessHours: businessHoursSchema.nullable().default(null),
});
export type SlaPolicyInput = z.input<typeof slaPolicySchema>;
export type SlaPolicy = z.output<typeof slaPolicySchema>;

/** The seed's support hours: Mon–Fri 09:00–18:00, São Paulo. */
export const SEED_BUSINESS_HOURS = {
  timeZone: 'America/Sao_Paulo',
  days: [1, 2, 3, 4, 5],
  startMinute: 9 * 60,
  endMinute: 18 * 60,
} as const;

export const slaDeadlineInputSchema = z.strictObject({
  priority: ticketPrioritySchema,
  createdAt: isoDateTime,
  policy: slaPolicySchema.default({
    firstResponseMinutes: { ...DEFAULT_FIRST_RESPONSE_MINUTES },
    businessHours: null,
  }),
});

/** The first-response deadline of a ticket (ISO instant, UTC). This is what the server stamps as `slaDeadline`. */
export function slaDeadline(input: z.input<typeof slaDeadlineInputSchema>): string {
  const { priority, createdAt, policy } = slaDeadlineInputSchema.parse(input);
  return new Date(deadlineMs(priority, Date.parse(createdAt), policy)).toISOString();
}

function deadlineMs(priority: TicketPriority, startMs: number, policy: SlaPolicy): number {
  const budgetMs = policy.firstResponseMinutes[priority] * 60_000;
  const hours = policy.businessHours;
  if (!hours || !hours.appliesTo.includes(priority)) return startMs + budgetMs;
  return addBusinessTime(startMs, budgetMs, hours);
}

/** Walks local business days from `startMs`, spending `budgetMs` only inside the business window. */
function addBusinessTime(
  startMs: number,
  budgetMs: number,
  hours: z.output<typeof businessHoursSchema>,
): number {
  const holidays = new Set(hours.holidays);
  let remaining = budgetMs;
  let day = localDateOf(startMs, hours.timeZone);
  // Bounded: with ≥ 1 business weekday and ≤ 400 holidays, 10 years always contain enough business time.
  for (let i = 0; i < 3660; i++, day = addDays(day, 1)) {
    if (!hours.days.includes(isoWeekday(day)) || holidays.has(day)) continue;
    const open = zonedTimeToEpochMs(day, hours.startMinute, hours.timeZone);
    const close = zonedTimeToEpochMs(day, hours.endMinute, hours.timeZone);
    const from = Math.max(open, startMs);
    if (from >= close) continue;
    if (remaining <= close - from) return from + remaining;
    remaining -= close - from;
  }
  throw new RangeError('business hours leave no time to meet the SLA');
}

export const slaStatusInputSchema = z.strictObject({
  ticket: ticketSchema
    .pick({
      priority: true,
      status: true,
      createdAt: true,
      slaDeadline: true,
      firstResponseAt: true,
      resolvedAt: true,
      messages: true,
    })
    .strip(),
  now: isoDateTime,
  policy: slaDeadlineInputSchema.shape.policy,
});
export type SlaStatusInput = z.input<typeof slaStatusInputSchema>;

export type SlaState = 'running' | 'met' | 'breached' | 'not_measured';

export interface SlaStatus {
  state: SlaState;
  deadline: string;
  /** When the clock stopped (first response, or resolution without a response); null while running. */
  stoppedAt: string | null;
  /** True once the deadline passed without a response, or the response came late. */
  breached: boolean;
  /** deadline − (stoppedAt ?? now) in ms: positive = time left/margin, negative = overdue/late by. */
  remainingMs: number;
  /** Running with ≤ 25% of the SLA window left. */
  dueSoon: boolean;
  /** "1h", "45min", "1d 2h" (time left, floored) or "atrasado 2h" — for the badge "SLA: 1h". */
  label: string;
}

/** First response time of a ticket: the server-stamped field, else the earliest support message. */
export function firstResponseAt(
  ticket: Pick<SlaStatusInput['ticket'], 'firstResponseAt' | 'messages'>,
): string | null {
  if (ticket.firstResponseAt) return ticket.firstResponseAt;
  let first: number | null = null;
  for (const m of ticket.messages) {
    if (m.senderType !== 'support') continue;
    const t = Date.parse(m.createdAt);
    if (first === null || t < first) first = t;
  }
  return first === null ? null : new Date(first).toISOString();
}

export function slaStatus(input: SlaStatusInput): SlaStatus {
  const { ticket, now, policy } = slaStatusInputSchema.parse(input);
  const createdMs = Date.parse(ticket.createdAt);
  const deadline =
    ticket.slaDeadline ?? new Date(deadlineMs(ticket.priority, createdMs, policy)).toISOString();
  const deadlineAt = Date.parse(deadline);
  const response = firstResponseAt(ticket);
  const finished = ticket.status === 'resolved' || ticket.status === 'closed';
  const stoppedAt = response ?? (finished ? ticket.resolvedAt : null);

  if (stoppedAt !== null) {
    const margin = deadlineAt - Date.parse(stoppedAt);
    const breached = margin < 0;
    return {
      state: breached ? 'breached' : 'met',
      deadline,
      stoppedAt: new Date(Date.parse(stoppedAt)).toISOString(),
      breached,
      remainingMs: margin,
      dueSoon: false,
      label: breached ? `atrasado ${formatDurationPtBr(-margin)}` : 'no prazo',
    };
  }
  const remainingMs = deadlineAt - Date.parse(now);
  if (finished) {
    return {
      state: 'not_measured',
      deadline,
      stoppedAt: null,
      breached: false,
      remainingMs,
      dueSoon: false,
      label: '—',
    };
  }
  const breached = remainingMs < 0;
  return {
    state: breached ? 'breached' : 'running',
    deadline,
    stoppedAt: null,
    breached,
    remainingMs,
    dueSoon: !breached && remainingMs <= (deadlineAt - createdMs) / 4,
    label: breached ? `atrasado ${formatDurationPtBr(-remainingMs)}` : formatDurationPtBr(remainingMs),
  };
}

/** Compact pt-BR duration, floored to the minute: "45min", "1h", "1h 30min", "2d 3h". */
export function formatDurationPtBr(ms: number): string {
  const totalMinutes = Math.max(0, Math.floor(ms / 60_000));
  const d = Math.floor(totalMinutes / 1440);
  const h = Math.floor((totalMinutes % 1440) / 60);
  const m = totalMinutes % 60;
  if (d > 0) return h > 0 ? `${d}d ${h}h` : `${d}d`;
  if (h > 0) return m > 0 ? `${h}h ${m}min` : `${h}h`;
  return `${m}min`;
}
