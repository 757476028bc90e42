import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  requestedRegistration,
  seatsLeft,
  settleSeats,
  waitlistPosition,
  type EventLedger,
  type RegistrationStatus,
} from './event-seats.ts';

/** The seed's live event (dashboard §6C "[LIVE] Estratégias 2026"): 100 seats, 88 confirmed. */
const live: EventLedger = { capacity: 100, confirmed: 88, waitlist: [] };
const lastSeat: EventLedger = { capacity: 100, confirmed: 99, waitlist: [] };

describe('seats left and what a tap asks for', () => {
  it('capacity − confirmed, never below 0, null without a capacity', () => {
    expect(seatsLeft({ maxAttendees: 100, attendees: 88 })).toBe(12);
    expect(seatsLeft({ maxAttendees: 100, attendees: 100 })).toBe(0);
    expect(seatsLeft({ maxAttendees: 50, attendees: 60 })).toBe(0);
    expect(seatsLeft({ maxAttendees: null, attendees: 60 })).toBeNull();
  });

  it('a seat while one is left, the waiting list when full, a seat when there is no limit', () => {
    expect(requestedRegistration({ maxAttendees: 100, attendees: 99 })).toBe('registered');
    expect(requestedRegistration({ maxAttendees: 100, attendees: 100 })).toBe('waitlisted');
    expect(requestedRegistration({ maxAttendees: null, attendees: 5000 })).toBe('registered');
  });
});

describe('settleSeats (the server decision)', () => {
  it('registering for the live event takes one of its 12 seats', () => {
    const s = settleSeats(live, [{ holder: 'ana', before: null, wish: 'registered' }]);
    expect(s.ledger.confirmed).toBe(89);
    expect(seatsLeft({ maxAttendees: 100, attendees: s.ledger.confirmed })).toBe(11);
    expect(s.statuses.get('ana')).toBe('registered');
  });

  it('two requests for the last seat: the first gets it, the second the waiting list (position 1)', () => {
    const s = settleSeats(lastSeat, [
      { holder: 'ana', before: null, wish: 'registered' },
      { holder: 'bia', before: null, wish: 'registered' },
    ]);
    expect(s.statuses.get('ana')).toBe('registered');
    expect(s.statuses.get('bia')).toBe('waitlisted');
    expect(s.ledger).toEqual({ capacity: 100, confirmed: 100, waitlist: ['bia'] });
    expect(waitlistPosition(s.ledger, 'bia')).toBe(1);
    expect(waitlistPosition(s.ledger, 'ana')).toBeNull();
  });

  it('a device that saw the event full but finds a seat free gets the seat', () => {
    const s = settleSeats(lastSeat, [{ holder: 'ana', before: 'cancelled', wish: 'waitlisted' }]);
    expect(s.statuses.get('ana')).toBe('registered');
    expect(s.ledger.confirmed).toBe(100);
  });

  it('a cancellation promotes the first in line; leaving the line moves the others up', () => {
    const full: EventLedger = { capacity: 2, confirmed: 2, waitlist: ['c', 'd', 'e'] };
    const s = settleSeats(full, [{ holder: 'a', before: 'registered', wish: 'cancelled' }]);
    expect(s.statuses.get('a')).toBe('cancelled');
    expect(s.statuses.get('c')).toBe('registered');
    expect(s.ledger).toEqual({ capacity: 2, confirmed: 2, waitlist: ['d', 'e'] });

    const left = settleSeats(full, [{ holder: 'd', before: 'waitlisted', wish: 'cancelled' }]);
    expect(left.ledger).toEqual({ capacity: 2, confirmed: 2, waitlist: ['c', 'e'] });
    expect(waitlistPosition(left.ledger, 'e')).toBe(2);
  });

  it('a seat is never taken back, a place in line never jumps, attendance never changes', () => {
    const full: EventLedger = { capacity: 1, confirmed: 1, waitlist: ['b', 'c'] };
    const s = settleSeats(full, [
      { holder: 'a', before: 'registered', wish: 'waitlisted' },
      { holder: 'c', before: 'waitlisted', wish: 'registered' },
      { holder: 'z', before: 'attended', wish: 'cancelled' },
    ]);
    expect(s.statuses.get('a')).toBe('registered');
    expect(s.statuses.get('c')).toBe('waitlisted');
    expect(s.statuses.get('z')).toBe('attended');
    expect(s.ledger).toEqual(full);
  });

  it('nobody waits for an event without a capacity', () => {
    const open: EventLedger = { capacity: null, confirmed: 500, waitlist: [] };
    const s = settleSeats(open, [{ holder: 'a', before: null, wish: 'waitlisted' }]);
    expect(s.statuses.get('a')).toBe('registered');
    expect(s.ledger.waitlist).toEqual([]);
  });

  it('property: confirmed never exceeds capacity (unless it started above), nobody waits while a seat is free, holders are unique', () => {
    const status = fc.constantFrom<RegistrationStatus>('registered', 'waitlisted', 'cancelled');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 7 }), status), { maxLength: 40 }),
        (capacity, moves) => {
          let ledger: EventLedger = { capacity, confirmed: 0, waitlist: [] };
          const held = new Map<string, RegistrationStatus>();
          for (const [who, wish] of moves) {
            const holder = `u${who}`;
            const s = settleSeats(ledger, [{ holder, before: held.get(holder) ?? null, wish }]);
            for (const [h, st] of s.statuses) held.set(h, st);
            ledger = s.ledger;
            const registered = [...held.values()].filter((v) => v === 'registered').length;
            const waiting = [...held.entries()].filter(([, v]) => v === 'waitlisted').map(([h]) => h);
            expect(ledger.confirmed).toBe(registered);
            expect(ledger.confirmed).toBeLessThanOrEqual(capacity);
            expect([...ledger.waitlist].sort()).toEqual(waiting.sort());
            expect(new Set(ledger.waitlist).size).toBe(ledger.waitlist.length);
            if (ledger.waitlist.length > 0) expect(ledger.confirmed).toBe(capacity);
          }
        },
      ),
      { seed: 20261206, numRuns: 300 },
    );
  });
});
