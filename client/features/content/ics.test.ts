import { describe, expect, it } from 'vitest';
import { eventIcs, icsDataUrl } from './ics.ts';

const live = {
  id: '0190a8e4-0000-7000-8000-0000000000ee',
  title: '[LIVE] Estratégias 2026',
  excerpt: 'Ao vivo: estratégias, canais; e metas\nnovas',
  startsAt: '2026-02-03T18:00:00.000Z',
  endsAt: '2026-02-03T19:00:00.000Z',
  meetingLink: 'https://eventos.arco.example/live-estrategias-2026',
};
const now = new Date('2026-02-02T12:00:00.000Z');

describe('eventIcs', () => {
  it('one VEVENT in UTC with escaped text and CRLF lines', () => {
    const ics = eventIcs(live, now)!;
    const lines = ics.split('\r\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        'BEGIN:VEVENT',
        `UID:${live.id}@arco`,
        'DTSTAMP:20260202T120000Z',
        'DTSTART:20260203T180000Z',
        'DTEND:20260203T190000Z',
        'SUMMARY:[LIVE] Estratégias 2026',
        'DESCRIPTION:Ao vivo: estratégias\\, canais\\; e metas\\nnovas',
        'URL:https://eventos.arco.example/live-estrategias-2026',
        'END:VCALENDAR',
      ]),
    );
    expect(ics.endsWith('\r\n')).toBe(true);
  });

  it('folds long lines at 75 octets without splitting a character', () => {
    const ics = eventIcs({ ...live, excerpt: 'ã'.repeat(100) }, now)!;
    const physical = ics.split('\r\n');
    for (const l of physical) expect(new TextEncoder().encode(l).length).toBeLessThanOrEqual(75);
    expect(physical.filter((l) => l.startsWith(' ')).length).toBeGreaterThan(1);
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toContain(`DESCRIPTION:${'ã'.repeat(100)}`);
  });

  it('an event without an end lasts an hour; without a start there is no file', () => {
    expect(eventIcs({ ...live, endsAt: null }, now)).toContain('DTEND:20260203T190000Z');
    expect(eventIcs({ ...live, startsAt: null }, now)).toBeNull();
  });

  it('downloads as a data URL', () => {
    expect(icsDataUrl('A B')).toBe('data:text/calendar;charset=utf-8,A%20B');
  });
});
