import { z } from 'zod';
import { isoDateTime } from '../../entities/common.ts';
import { ticketMessageSchema } from '../../entities/support.ts';
import { businessHoursSchema, SEED_BUSINESS_HOURS } from './sla.ts';
import { addDays, isoWeekday, localDateFormatter, zonedTimeToEpochMs } from './time.ts';

/**
 * Chat with the agency (client dashboard §7B: "🟢 Online agora · Tempo médio de resposta: 2 min · Horário:
 * Seg-Sex 9h-18h"). A chat is a `tickets` row with `channel: 'chat'` (shared/collections/tickets.ts): no SLA
 * deadline, not listed as a ticket; its messages are the ticket's append-only `messages`.
 *
 * - **Business hours** are the SLA's shape (`businessHoursSchema`, sla.ts). Organizations have no business-hours
 *   setting yet, so the chat uses the product's default — Mon–Fri 09:00–18:00 (`SEED_BUSINESS_HOURS`) — in the
 *   organization's time zone (`chatBusinessHours`). Open = an ISO weekday listed, not a holiday, and the local
 *   minute in [startMinute, endMinute).
 * - **Label** ("Seg–Sex 9h–18h" / "Mon–Fri 9am–6pm") is derived from that configuration, never written by hand:
 *   consecutive weekdays collapse into a range, others are listed.
 * - **Response time** (`chatResponseTime`): over the chats' messages, each client message that starts a wait
 *   (the first client message since the last agency message) sent *within business hours* in the last 30 days
 *   and answered, paired with the next agency message; the figure is the **median** of those waits. Median, not
 *   mean: one message left over lunch would move a mean of a handful of samples by minutes, and the card answers
 *   "how long will I typically wait" — a typical value. Out-of-hours messages are left out because the card
 *   states separately when the agency answers those ("Fora do horário — responderemos …"); unanswered waits are
 *   left out (no duration yet). No samples → null (the card says so instead of inventing "2 min").
 * - **Presence** (`chatPresence`): the account manager is `online` when within business hours AND seen on a live
 *   stream within `PRESENCE_WINDOW_MS` (60 s: the stream's keep-alive is 25 s and a reconnect takes seconds);
 *   within hours but not seen → `away`; outside hours → `closed` with the next opening instant.
 */

export type BusinessHours = z.output<typeof businessHoursSchema>;
export type ChatLocale = 'pt-BR' | 'en';

export const PRESENCE_WINDOW_MS = 60_000;
export const RESPONSE_WINDOW_DAYS = 30;
const DAY_MS = 86_400_000;

/** The chat's hours for an organization: the product default (Mon–Fri 9h–18h) in its time zone. */
export function chatBusinessHours(timeZone: string): BusinessHours {
  return businessHoursSchema.parse({ ...SEED_BUSINESS_HOURS, days: [...SEED_BUSINESS_HOURS.days], timeZone });
}

const localDate = (hours: BusinessHours, ms: number): string => localDateFormatter(hours.timeZone)(ms);

const isBusinessDay = (hours: BusinessHours, date: string) =>
  hours.days.includes(isoWeekday(date)) && !hours.holidays.includes(date);

/** Whether the agency is within business hours at `instant`. */
export function isOpenAt(hours: BusinessHours, instant: string | number): boolean {
  const ms = typeof instant === 'number' ? instant : Date.parse(instant);
  const date = localDate(hours, ms);
  if (!isBusinessDay(hours, date)) return false;
  const open = zonedTimeToEpochMs(date, hours.startMinute, hours.timeZone);
  const close = zonedTimeToEpochMs(date, hours.endMinute, hours.timeZone);
  return ms >= open && ms < close;
}

/** The next instant (epoch ms) the agency opens, at or after `instant`; `instant` itself when open. */
export function nextOpening(hours: BusinessHours, instant: string | number): number {
  const ms = typeof instant === 'number' ? instant : Date.parse(instant);
  if (isOpenAt(hours, ms)) return ms;
  let day = localDate(hours, ms);
  // Bounded: ≥ 1 business weekday and ≤ 400 holidays leave an opening within 10 years.
  for (let i = 0; i < 3660; i++, day = addDays(day, 1)) {
    if (!isBusinessDay(hours, day)) continue;
    const open = zonedTimeToEpochMs(day, hours.startMinute, hours.timeZone);
    if (open > ms) return open;
  }
  throw new RangeError('business hours never open');
}

const DAY_NAMES: Record<ChatLocale, readonly string[]> = {
  'pt-BR': ['Seg', 'Ter', 'Qua', 'Qui', 'Sex', 'Sáb', 'Dom'],
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
};
const LONG_DAY_NAMES: Record<ChatLocale, readonly string[]> = {
  'pt-BR': ['segunda', 'terça', 'quarta', 'quinta', 'sexta', 'sábado', 'domingo'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};

/** "9h", "9h30", "18h" / "9am", "9:30am", "6pm". */
export function clockLabel(minuteOfDay: number, locale: ChatLocale): string {
  const h = Math.floor(minuteOfDay / 60) % 24;
  const m = minuteOfDay % 60;
  if (locale === 'pt-BR') return m === 0 ? `${h}h` : `${h}h${String(m).padStart(2, '0')}`;
  const h12 = h % 12 === 0 ? 12 : h % 12;
  const suffix = h < 12 ? 'am' : 'pm';
  return m === 0 ? `${h12}${suffix}` : `${h12}:${String(m).padStart(2, '0')}${suffix}`;
}

/** "Seg–Sex 9h–18h", "Seg, Qua, Sex 9h–12h", "Mon–Fri 9am–6pm". */
export function businessHoursLabel(hours: BusinessHours, locale: ChatLocale): string {
  const days = [...new Set(hours.days)].sort((a, b) => a - b);
  const names = DAY_NAMES[locale];
  const runs: number[][] = [];
  for (const d of days) {
    const last = runs.at(-1);
    if (last && last.at(-1) === d - 1) last.push(d);
    else runs.push([d]);
  }
  const dayText = runs
    .flatMap((run) =>
      run.length >= 3 ? [`${names[run[0]! - 1]}–${names[run.at(-1)! - 1]}`] : run.map((d) => names[d - 1]!),
    )
    .join(', ');
  return `${dayText} ${clockLabel(hours.startMinute, locale)}–${clockLabel(hours.endMinute, locale)}`;
}

/** When the agency opens next, relative to `now` in the organization's zone: "amanhã às 9h", "Monday at 9am". */
export function openingLabel(
  hours: BusinessHours,
  openingMs: number,
  now: number,
  locale: ChatLocale,
): string {
  const local = localDateFormatter(hours.timeZone);
  const day = local(openingMs);
  const today = local(now);
  // Openings are at the window's start (nextOpening); a start inside a DST gap is moved by the zone, not here.
  const at = clockLabel(hours.startMinute, locale);
  const pt = locale === 'pt-BR';
  if (day === today) return pt ? `hoje às ${at}` : `today at ${at}`;
  if (day === addDays(today, 1)) return pt ? `amanhã às ${at}` : `tomorrow at ${at}`;
  const name = LONG_DAY_NAMES[locale][isoWeekday(day) - 1]!;
  return pt ? `${name} às ${at}` : `${name} at ${at}`;
}

export const chatMessagesSchema = z.array(
  ticketMessageSchema.pick({ senderType: true, createdAt: true }).strip(),
);

export const chatResponseInputSchema = z.strictObject({
  /** Each chat's messages (any order). */
  chats: z.array(chatMessagesSchema),
  hours: businessHoursSchema,
  now: isoDateTime,
  windowDays: z.number().int().min(1).max(365).default(RESPONSE_WINDOW_DAYS),
});
export type ChatResponseInput = z.input<typeof chatResponseInputSchema>;

/** The waits counted (ms), in no particular order — see the module header for which. */
export function chatResponseWaits(input: ChatResponseInput): number[] {
  const { chats, hours, now, windowDays } = chatResponseInputSchema.parse(input);
  const nowMs = Date.parse(now);
  const fromMs = nowMs - windowDays * DAY_MS;
  const waits: number[] = [];
  for (const messages of chats) {
    const sorted = messages
      .map((m) => ({ client: m.senderType === 'client', at: Date.parse(m.createdAt) }))
      .sort((a, b) => a.at - b.at);
    let waitingSince: number | null = null;
    for (const m of sorted) {
      if (m.client) {
        waitingSince ??= m.at;
        continue;
      }
      if (waitingSince !== null && waitingSince >= fromMs && waitingSince <= nowMs) {
        if (isOpenAt(hours, waitingSince)) waits.push(m.at - waitingSince);
      }
      waitingSince = null;
    }
  }
  return waits;
}

/** Median of the counted waits in ms (mean of the middle two for an even count); null without any. */
export function chatResponseTime(input: ChatResponseInput): number | null {
  const waits = chatResponseWaits(input).sort((a, b) => a - b);
  if (waits.length === 0) return null;
  const mid = Math.floor(waits.length / 2);
  return waits.length % 2 === 1 ? waits[mid]! : Math.round((waits[mid - 1]! + waits[mid]!) / 2);
}

/** "menos de 1 min", "2 min", "1 h 5 min", "3 h" / "under 1 min", "2 min", "1 h 5 min". Rounded to the minute. */
export function responseTimeLabel(ms: number, locale: ChatLocale): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return locale === 'pt-BR' ? 'menos de 1 min' : 'under 1 min';
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

export type PresenceState = 'online' | 'away' | 'closed';

export interface ChatPresence {
  state: PresenceState;
  /** Next opening (ISO instant) when `closed`; null otherwise. */
  opensAt: string | null;
}

export const chatPresenceInputSchema = z.strictObject({
  hours: businessHoursSchema,
  now: isoDateTime,
  /** When the account manager was last seen on a live stream (now, while one is open); null = never. */
  lastSeenAt: isoDateTime.nullable(),
  windowMs: z.number().int().min(1).default(PRESENCE_WINDOW_MS),
});

export function chatPresence(input: z.input<typeof chatPresenceInputSchema>): ChatPresence {
  const { hours, now, lastSeenAt, windowMs } = chatPresenceInputSchema.parse(input);
  const nowMs = Date.parse(now);
  if (!isOpenAt(hours, nowMs)) {
    return { state: 'closed', opensAt: new Date(nextOpening(hours, nowMs)).toISOString() };
  }
  const seen = lastSeenAt !== null && nowMs - Date.parse(lastSeenAt) <= windowMs;
  return { state: seen ? 'online' : 'away', opensAt: null };
}
