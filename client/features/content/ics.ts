import type { Content } from '../../../shared/entities/portal.ts';

/**
 * "Adicionar à agenda": an event as an iCalendar file (RFC 5545) — one VEVENT with UTC times, so every
 * calendar app places it in its own zone. Text values are escaped (backslash, semicolon, comma, newline) and
 * lines folded at 75 octets as the RFC asks. Pure: `now` stamps DTSTAMP. Null for an event without a start.
 */
const utc = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');

const escapeText = (s: string) =>
  s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

/** Folds a content line at 75 octets (continuation lines start with a space), never inside a UTF-8 sequence. */
function fold(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  for (const ch of line) {
    const limit = parts.length === 0 ? 75 : 74;
    if (encoder.encode(current + ch).length > limit) {
      parts.push(current);
      current = ch;
    } else current += ch;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

export function eventIcs(
  event: Pick<Content, 'id' | 'title' | 'excerpt' | 'startsAt' | 'endsAt' | 'meetingLink'>,
  now: Date,
): string | null {
  if (event.startsAt === null) return null;
  const end = event.endsAt ?? new Date(Date.parse(event.startsAt) + 3_600_000).toISOString();
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Arco//Portal do cliente//PT-BR',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${event.id}@arco`,
    `DTSTAMP:${utc(now.toISOString())}`,
    `DTSTART:${utc(new Date(event.startsAt).toISOString())}`,
    `DTEND:${utc(new Date(end).toISOString())}`,
    `SUMMARY:${escapeText(event.title)}`,
    `DESCRIPTION:${escapeText(event.excerpt)}`,
    ...(event.meetingLink ? [`URL:${event.meetingLink}`, `LOCATION:${escapeText(event.meetingLink)}`] : []),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

/** A `data:` URL of the file, for a download link (works offline; no blob to revoke). */
export const icsDataUrl = (ics: string): string =>
  `data:text/calendar;charset=utf-8,${encodeURIComponent(ics)}`;

/** "live-estrategias-2026.ics" */
export const icsFileName = (slug: string): string => `${slug}.ics`;
