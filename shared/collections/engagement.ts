import { deriveAchievements } from '../domain/portal/achievements.ts';
import { SEED_INDUSTRY_BENCHMARK } from '../domain/portal/benchmarks.ts';
import { DEFAULT_TIME_ZONE, isKnownTimeZone } from '../domain/portal/time.ts';
import { engagementSchema } from '../entities/portal.ts';
import {
  allFields,
  CLOCK,
  type DocFields,
  defineCollection,
  limited,
  none,
  type Violation,
} from './define.ts';
import { firstTime } from './merge-rules.ts';
import { jsonEqual, listOf, str } from './values.ts';

/**
 * A client user's own engagement record (Score ARCO inputs). The device creates and updates it: `timeZone`;
 * `visitDays` and `quickWins` append-only; `reading` entries never removed, progress never decreases, a
 * completion date never changes; `eventRegistrations` never removed and only `registered` / `waitlisted` ⇄
 * `cancelled` (seats, places in line and attendance are the server's). XP and badges are the server's: on every accepted push the server derives them
 * with the rule the device runs (`deriveAchievements`) from the record, the customer's goals, metrics and
 * action cards, and its own clock — stored badges are never revoked, XP is recomputed, never accumulated.
 */

const invalid = (field: string, message: string): Violation => ({
  reason: 'invalid_transition',
  field,
  message,
});

function readingKept(before: DocFields | null, after: DocFields): Violation | null {
  const reading = new Map(listOf(after, 'reading').map((r) => [r.contentId, r]));
  for (const old of listOf(before, 'reading')) {
    const now = reading.get(old.contentId);
    const grew = now !== undefined && Number(now.progress) >= Number(old.progress);
    const keptDate = now !== undefined && (old.completedAt === null || now.completedAt === old.completedAt);
    if (!grew || !keptDate)
      return invalid('reading', 'Reading progress is never removed, lowered or re-dated.');
  }
  return null;
}

/**
 * A device asks for a seat (`registered`, or `waitlisted` when it sees the event full) and cancels; whether the
 * request got a seat or a place in line, the place itself (`waitlistPosition`) and attendance (attended /
 * no_show) are the server's: the PostgreSQL store settles every registration change of a push under the
 * event's lock (shared/domain/portal/event-seats.ts, server/sync/event-seats.ts) and overwrites what the device
 * wrote there.
 */
const DEVICE_STATUSES = ['registered', 'waitlisted', 'cancelled'];

function registrationsKept(before: DocFields | null, after: DocFields): Violation | null {
  const events = new Map(listOf(after, 'eventRegistrations').map((e) => [e.contentId, e]));
  const previous = new Map(listOf(before, 'eventRegistrations').map((e) => [e.contentId, e]));
  for (const old of previous.values()) {
    const now = events.get(old.contentId);
    const same = now !== undefined && jsonEqual(now, old);
    const deviceChange =
      now !== undefined &&
      DEVICE_STATUSES.includes(String(old.status)) &&
      DEVICE_STATUSES.includes(String(now.status)) &&
      now.registeredAt === old.registeredAt;
    if (!same && !deviceChange) {
      return invalid('eventRegistrations', 'Registrations are never removed; only register/cancel is yours.');
    }
  }
  for (const e of events.values()) {
    if (!previous.has(e.contentId) && !DEVICE_STATUSES.includes(String(e.status))) {
      return invalid('eventRegistrations', 'Attendance is recorded by the server.');
    }
  }
  return null;
}

export const engagement = defineCollection({
  name: 'engagement',
  schema: engagementSchema,
  scope: 'user',
  access: {
    staff: none,
    client: limited({
      actions: ['read', 'create', 'update'],
      create: allFields(),
      update: {
        ...CLOCK,
        timeZone: 'set',
        visitDays: 'append',
        quickWins: 'append',
        // Element-level rules (never removed, progress only grows, attendance is the server's) are invariants.
        reading: 'set',
        eventRegistrations: 'set',
      },
    }),
  },
  serverOwned: { xp: 0, badges: [] },
  serverDerived: [
    {
      input: 'achievements',
      sets: ['xp', 'badges'],
      derive: (doc, input) => {
        const { xp, badges } = deriveAchievements({
          ...input,
          // `timeZone` is free text in the schema: an unknown zone must not fail the push, so it counts in
          // the product default.
          timeZone: isKnownTimeZone(doc.timeZone) ? doc.timeZone : DEFAULT_TIME_ZONE,
          engagement: doc,
          industryConversionRate: SEED_INDUSTRY_BENCHMARK.conversionRate,
        });
        return { xp: xp.total, badges };
      },
    },
  ],
  embedded: {
    visitDays: 'json',
    reading: 'json',
    eventRegistrations: 'json',
    quickWins: 'json',
    badges: 'json',
  },
  // Lists typed loosely here: the rules compare elements by key without trusting their shape.
  invariants: [
    ({ before, after }) => readingKept(before, after),
    ({ before, after }) => registrationsKept(before, after),
  ],
  merge: {
    fields: {
      visitDays: { kind: 'set' },
      reading: {
        kind: 'keyed',
        key: (e) => str(e.contentId),
        element: { progress: { kind: 'max' }, completedAt: firstTime },
      },
      eventRegistrations: { kind: 'keyed', key: (e) => str(e.contentId) },
      quickWins: { kind: 'keyed', key: (e) => str(e.actionId), element: { completedAt: firstTime } },
    },
  },
});
