import type { Content, Engagement } from '../../entities/portal.ts';

/**
 * Event capacity and the waiting list (dashboard §6C "vagas restantes"; issue 12: "the server enforces capacity
 * (a full event offers the waiting list)").
 *
 * - **Seats left** = capacity − confirmed registrations (`Content.attendees`, the server's count of confirmed
 *   seats: the app's own registrations plus those taken elsewhere, as the demo data's 88 of 100), never below
 *   0; null for an event without a capacity.
 * - **What a tap asks for** (`requestedRegistration`, the device's optimistic guess): a seat while the device
 *   sees one left, else the waiting list. It is only a wish: the server decides (below) and the device shows
 *   the server's answer when it pulls.
 * - **The server's decision** (`settleSeats`, run in the push transaction with the event row locked, so two
 *   requests for the last seat are decided one after the other): a request (`registered` or `waitlisted`) from
 *   someone holding nothing gets a seat when one is free and nobody is waiting, else the end of the waiting
 *   list; a holder keeps what they hold (a seat is never taken back, a place in line never jumps); a
 *   cancellation frees the seat or the place in line. After every change the first in line are promoted while
 *   seats are free. Attendance (`attended`, `no_show`) is the server's record and never changes here.
 * - **Positions** are 1-based places in line, rewritten by the server for everyone behind a change.
 *
 * The request order within one push batch is the batch order; across batches, the order in which the server
 * takes the event's lock.
 */
export type RegistrationStatus = Engagement['eventRegistrations'][number]['status'];

const WANTS: ReadonlySet<RegistrationStatus> = new Set(['registered', 'waitlisted']);
/** Whether a status asks for a place (a seat or a place in line). */
export const wantsSeat = (status: RegistrationStatus | null): boolean => status !== null && WANTS.has(status);

export function seatsLeft(event: Pick<Content, 'maxAttendees' | 'attendees'>): number | null {
  return event.maxAttendees === null ? null : Math.max(0, event.maxAttendees - event.attendees);
}

/** What the device writes when the user asks to attend: a seat if it sees one left, else the waiting list. */
export function requestedRegistration(
  event: Pick<Content, 'maxAttendees' | 'attendees'>,
): 'registered' | 'waitlisted' {
  return seatsLeft(event) === 0 ? 'waitlisted' : 'registered';
}

/** One event's state as the server holds it. */
export interface EventLedger {
  /** null: no limit (nobody ever waits). */
  readonly capacity: number | null;
  /** Confirmed seats (`Content.attendees`). */
  readonly confirmed: number;
  /** Holders waiting, first in line first. */
  readonly waitlist: readonly string[];
}

/** A holder's change of mind: the status the server holds (`before`) and the one their device wrote. */
export interface SeatRequest {
  readonly holder: string;
  readonly before: RegistrationStatus | null;
  readonly wish: RegistrationStatus;
}

export interface SeatSettlement {
  readonly ledger: EventLedger;
  /** The resulting status of every holder the requests or the promotions touched. */
  readonly statuses: ReadonlyMap<string, RegistrationStatus>;
}

export function settleSeats(start: EventLedger, requests: readonly SeatRequest[]): SeatSettlement {
  let confirmed = start.confirmed;
  const waitlist = [...start.waitlist];
  const statuses = new Map<string, RegistrationStatus>();
  const free = () => start.capacity === null || confirmed < start.capacity;
  const leaveLine = (holder: string) => {
    const at = waitlist.indexOf(holder);
    if (at >= 0) waitlist.splice(at, 1);
  };

  for (const { holder, before, wish } of requests) {
    let next: RegistrationStatus;
    if (before === 'attended' || before === 'no_show') next = before;
    else if (!wantsSeat(wish)) {
      if (before === 'registered') confirmed -= 1;
      leaveLine(holder);
      next = wish;
    } else if (before === 'registered') next = 'registered';
    else if (before === 'waitlisted' && waitlist.includes(holder)) next = 'waitlisted';
    else if (free() && waitlist.length === 0) {
      confirmed += 1;
      next = 'registered';
    } else {
      waitlist.push(holder);
      next = 'waitlisted';
    }
    statuses.set(holder, next);
    while (free() && waitlist.length > 0) {
      statuses.set(waitlist.shift()!, 'registered');
      confirmed += 1;
    }
  }
  return { ledger: { capacity: start.capacity, confirmed: Math.max(0, confirmed), waitlist }, statuses };
}

/** 1-based place in line of `holder`, null when not waiting. */
export function waitlistPosition(ledger: EventLedger, holder: string): number | null {
  const at = ledger.waitlist.indexOf(holder);
  return at < 0 ? null : at + 1;
}
