import ical, { ICalEventStatus } from 'ical-generator';
import type { Meeting } from '../../shared/entities/support.ts';

/**
 * A user's meetings as one iCalendar (RFC 5545) document for calendar subscriptions (Google Calendar, Apple,
 * Outlook). Written with `ical-generator` — it folds lines at 75 octets without splitting a UTF-8 sequence and
 * escapes text values, which is where hand-written ICS goes wrong.
 *
 * What lets a subscriber follow changes:
 * - `UID` is the meeting's id (stable for the meeting's life), so a refreshed feed updates the same event;
 * - `SEQUENCE` is the meeting's `serverSeq`: every accepted write of the meeting takes a higher one, so a moved
 *   or cancelled meeting always carries a higher SEQUENCE than any version a subscriber saw (the numbers skip,
 *   which RFC 5545 allows; `sync_seq` stays inside the 32-bit INTEGER range until 2³¹ writes in all);
 * - `DTSTAMP` and `LAST-MODIFIED` are the server's `updatedAt` (without METHOD, RFC 5545 §3.8.7.2 makes
 *   DTSTAMP the revision time, and a feed built twice from the same data is byte-identical);
 * - a cancelled meeting stays in the feed with `STATUS:CANCELLED` (so it disappears from subscribers' views
 *   instead of lingering), every other one is `CONFIRMED`;
 * - times are UTC (`…Z`): no VTIMEZONE to get wrong, each app shows them in its user's zone.
 */

export interface FeedMeeting {
  readonly meeting: Meeting;
  /** For staff, the customer the meeting is with (shown in the event's title); null for a client's feed. */
  readonly customerName: string | null;
}

export interface FeedTexts {
  readonly calendarName: string;
  readonly joinLink: string;
}

/** The only user-visible words of a feed, in the user's language (`users.locale`). */
export const FEED_TEXTS: Readonly<Record<'pt-BR' | 'en', FeedTexts>> = {
  'pt-BR': { calendarName: 'Arco — reuniões', joinLink: 'Link da reunião' },
  en: { calendarName: 'Arco — meetings', joinLink: 'Meeting link' },
};

export const feedTextsFor = (locale: string): FeedTexts =>
  locale.toLowerCase().startsWith('en') ? FEED_TEXTS.en : FEED_TEXTS['pt-BR'];

/** The UID of a meeting's event: its id under a fixed domain, the same in every feed and every build. */
export const meetingUid = (meetingId: string) => `${meetingId}@meetings.arco`;

export function buildMeetingsFeed(meetings: readonly FeedMeeting[], texts: FeedTexts): string {
  const calendar = ical({
    name: texts.calendarName,
    prodId: { company: 'Arco', product: 'Meetings', language: 'PT' },
    // Subscribers that honour it refresh hourly (REFRESH-INTERVAL and X-PUBLISHED-TTL); Google uses its own pace.
    ttl: 60 * 60,
  });
  for (const { meeting, customerName } of meetings) {
    const start = new Date(meeting.scheduledAt);
    const revised = new Date(meeting.updatedAt);
    const description = [
      meeting.description,
      meeting.meetingLink ? `${texts.joinLink}: ${meeting.meetingLink}` : null,
    ]
      .filter((line): line is string => line !== null && line !== '')
      .join('\n\n');
    calendar.createEvent({
      id: meetingUid(meeting.id),
      sequence: meeting.serverSeq,
      stamp: revised,
      lastModified: revised,
      start,
      end: new Date(start.getTime() + meeting.durationMinutes * 60_000),
      summary: customerName ? `${meeting.title} · ${customerName}` : meeting.title,
      ...(description ? { description } : {}),
      ...(meeting.meetingLink ? { url: meeting.meetingLink, location: meeting.meetingLink } : {}),
      status: meeting.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
