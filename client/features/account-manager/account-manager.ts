import { z } from 'zod';
import type { Customer } from '../../../shared/entities/customer.ts';
import type { Meeting, Ticket } from '../../../shared/entities/support.ts';
import { meetingEndMs } from '../meetings/meeting-writes.ts';

/**
 * The account-manager card (name, e-mail, phone, last and next meeting). Users are not synced,
 * so the manager is the customer's `csmId` and their details come, in order of preference, from:
 * 1. the local document `account-manager` (`{ value: AccountManagerProfile }`, the device database's
 *    key-value convention) once the server provides it;
 * 2. the name the manager signs support messages with (`senderName` of their messages in the tickets);
 * 3. nothing — the card says "Seu gerente de conta" and still shows the meetings.
 */
export const ACCOUNT_MANAGER_LOCAL_DOC = 'account-manager';

/** Lenient on purpose (`z.object`): a newer server may add fields; an older device must still read it. */
export const accountManagerProfileSchema = z.object({
  id: z.uuid(),
  name: z.string().trim().min(1).max(200),
  email: z.email().max(320).nullable().default(null),
  phone: z.string().trim().min(1).max(40).nullable().default(null),
  jobTitle: z.string().trim().min(1).max(120).nullable().default(null),
});
export type AccountManagerProfile = z.infer<typeof accountManagerProfileSchema>;

export interface AccountManagerView {
  readonly id: string | null;
  /** Null when unknown: the card shows a neutral title. */
  readonly name: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly jobTitle: string | null;
  /** The latest meeting already over (not cancelled). */
  readonly lastMeeting: Meeting | null;
  /** The next meeting still ahead or under way (scheduled or rescheduled). */
  readonly nextMeeting: Meeting | null;
}

export function accountManagerView(input: {
  customer: Pick<Customer, 'csmId'> | null;
  /** The raw local document value (parsed here: it crosses a boundary). */
  profile: unknown;
  tickets: readonly Pick<Ticket, 'messages'>[];
  meetings: readonly Meeting[];
  now: Date;
}): AccountManagerView {
  const nowMs = input.now.getTime();
  const { nextMeeting, lastMeeting } = meetingsAround(input.meetings, nowMs);
  const latestMeeting = [...input.meetings].sort(
    (a, b) => Date.parse(b.scheduledAt) - Date.parse(a.scheduledAt),
  )[0];
  const id = input.customer?.csmId ?? latestMeeting?.accountManagerId ?? null;

  const profile = accountManagerProfileSchema.safeParse(input.profile);
  if (profile.success && (id === null || profile.data.id === id)) {
    const { name, email, phone, jobTitle } = profile.data;
    return { id: profile.data.id, name, email, phone, jobTitle, lastMeeting, nextMeeting };
  }
  const name = id === null ? null : signedName(input.tickets, id);
  return { id, name, email: null, phone: null, jobTitle: null, lastMeeting, nextMeeting };
}

/** The most recent name `userId` signed a support message with. */
function signedName(tickets: readonly Pick<Ticket, 'messages'>[], userId: string): string | null {
  let best: { at: number; name: string } | null = null;
  for (const ticket of tickets) {
    for (const m of ticket.messages) {
      if (m.senderType !== 'support' || m.senderId !== userId || m.senderName.trim() === '') continue;
      const at = Date.parse(m.createdAt);
      if (best === null || at > best.at) best = { at, name: m.senderName.trim() };
    }
  }
  return best?.name ?? null;
}

function meetingsAround(
  meetings: readonly Meeting[],
  nowMs: number,
): { nextMeeting: Meeting | null; lastMeeting: Meeting | null } {
  let nextMeeting: Meeting | null = null;
  let lastMeeting: Meeting | null = null;
  for (const m of meetings) {
    const start = Date.parse(m.scheduledAt);
    const upcoming = m.status === 'scheduled' || m.status === 'rescheduled';
    if (upcoming && meetingEndMs(m) > nowMs) {
      if (nextMeeting === null || start < Date.parse(nextMeeting.scheduledAt)) nextMeeting = m;
    } else if (m.status === 'completed' || (m.status !== 'cancelled' && meetingEndMs(m) <= nowMs)) {
      if (lastMeeting === null || start > Date.parse(lastMeeting.scheduledAt)) lastMeeting = m;
    }
  }
  return { nextMeeting, lastMeeting };
}
