import type { DocOf } from '../../shared/collections/index.ts';
import {
  settleSeats,
  waitlistPosition,
  type EventLedger,
  type RegistrationStatus,
  type SeatRequest,
} from '../../shared/domain/portal/event-seats.ts';
import type { Engagement } from '../../shared/entities/portal.ts';
import { systemIdentity, type UserIdentity } from '../../shared/identity.ts';
import type { PlainObject, SyncDocument } from '../../sync/documents.ts';
import type { Change } from '../../sync/server/store.ts';
import {
  identityParams,
  nextServerSeqs,
  readDocuments,
  SET_APP_IDENTITY_SQL,
  writeDocuments,
  type DbClient,
} from '../db/index.ts';

/**
 * The server's side of event capacity (shared/domain/portal/event-seats.ts) inside an engagement push: the
 * registration changes of the accepted rows are settled against each event's capacity, confirmed count and
 * waiting list, authoritatively, in the push transaction.
 *
 * - What the device wrote about the server's part is never trusted: every registration's `waitlistPosition`
 *   is restored from the stored master, and a changed status is only a wish (`SeatRequest`) that
 *   `settleSeats` turns into a seat, a place in line or a cancellation.
 * - The event rows are locked (`FOR UPDATE`) before they are read, on top of the organization's write lock the
 *   push already holds: two pushes for the last seat are settled one after the other, on the embedded
 *   database and on a real PostgreSQL alike (server/sync/event-seats.pg.test.ts).
 * - Seeing other users' places in line and writing their promotions and the events' confirmed counts needs
 *   the organization's `system` identity; the transaction switches to it for this step only and back to the
 *   caller's before the pushed rows are written (RLS still bounds everything to the organization).
 * - Documents the step writes beyond the pushed rows (the events, other users' records) get fresh
 *   server_seqs in the same transaction and come back as changes to announce with the push's own.
 */
export interface SeatStepResult {
  /** The pushed engagement documents with their registrations settled (same order as given). */
  readonly docs: PlainObject[];
  /** Other documents written (events' counts, promoted or moved-up users), to announce after the push's. */
  readonly changes: Change[];
}

type Registration = Engagement['eventRegistrations'][number];

const registrationsOf = (doc: PlainObject | null): Registration[] =>
  (doc?.eventRegistrations as Registration[] | undefined) ?? [];

export async function settleEventSeats(
  client: DbClient,
  identity: UserIdentity,
  pushed: readonly { readonly doc: PlainObject; readonly before: PlainObject | null }[],
  now: Date,
): Promise<SeatStepResult> {
  const { organizationId } = identity;
  // The server's part restored from the master first: a device never sets its own place in line.
  const docs = pushed.map(({ doc, before }): PlainObject => {
    const held = new Map(registrationsOf(before).map((r) => [r.contentId, r]));
    return {
      ...doc,
      eventRegistrations: registrationsOf(doc).map((r) => ({
        ...r,
        waitlistPosition: held.get(r.contentId)?.waitlistPosition ?? null,
      })),
    };
  });
  const requests = new Map<string, SeatRequest[]>();
  docs.forEach((doc, i) => {
    const held = new Map(registrationsOf(pushed[i]!.before).map((r) => [r.contentId, r.status]));
    for (const r of registrationsOf(doc)) {
      const before = held.get(r.contentId) ?? null;
      if (before === r.status) continue;
      const list = requests.get(r.contentId) ?? [];
      list.push({ holder: String(doc.id), before, wish: r.status });
      requests.set(r.contentId, list);
    }
  });
  if (requests.size === 0) return { docs, changes: [] };

  await client.query(SET_APP_IDENTITY_SQL, identityParams(systemIdentity(organizationId)));
  const result = await settleAsSystem(client, organizationId, docs, requests, now);
  // Back to the caller before the pushed rows are written (on an error the transaction is rolled back anyway).
  await client.query(SET_APP_IDENTITY_SQL, identityParams(identity));
  return result;
}

async function settleAsSystem(
  client: DbClient,
  organizationId: string,
  docs: PlainObject[],
  requests: ReadonlyMap<string, SeatRequest[]>,
  now: Date,
): Promise<SeatStepResult> {
  const eventIds = [...requests.keys()];
  await client.query(
    `SELECT id FROM content WHERE organization_id = $1 AND id = ANY($2::uuid[]) ORDER BY id FOR UPDATE`,
    [organizationId, eventIds],
  );
  const events = new Map(
    (
      await readDocuments(client, 'content', {
        where: `organization_id = $1 AND id = ANY($2::uuid[]) AND kind = 'event' AND NOT deleted`,
        params: [organizationId, eventIds],
      })
    ).map((s) => [s.doc.id.toLowerCase(), s.doc]),
  );
  // Everyone in line for these events (the pushing users' masters included).
  const waiting = await readDocuments(client, 'engagement', {
    where: `organization_id = $1 AND NOT deleted AND EXISTS (
                SELECT 1 FROM jsonb_array_elements(event_registrations) AS e
                 WHERE e->>'contentId' = ANY($2::text[]) AND e->>'status' = 'waitlisted')`,
    params: [organizationId, eventIds],
  });

  const pushedIds = new Set(docs.map((d) => String(d.id)));
  const others = new Map(
    waiting.filter((s) => !pushedIds.has(s.doc.id)).map((s) => [s.doc.id, s.doc as Engagement]),
  );
  const outcome = new Map<
    string,
    { ledger: EventLedger; statuses: ReadonlyMap<string, RegistrationStatus> }
  >();
  const changedEvents: DocOf<'content'>[] = [];
  for (const [eventId, list] of requests) {
    const event = events.get(eventId.toLowerCase());
    const line = waiting
      .flatMap((s) =>
        s.doc.eventRegistrations
          .filter((r) => r.contentId === eventId && r.status === 'waitlisted')
          .map((r) => ({ holder: s.doc.id, at: r.waitlistPosition ?? Number.MAX_SAFE_INTEGER })),
      )
      .sort((a, b) => a.at - b.at || a.holder.localeCompare(b.holder))
      .map((w) => w.holder);
    const start: EventLedger = {
      // A registration for something that is not a live event has nothing to count.
      capacity: event ? event.maxAttendees : null,
      confirmed: event ? event.attendees : 0,
      waitlist: line,
    };
    const settled = settleSeats(start, list);
    outcome.set(eventId, settled);
    if (event && settled.ledger.confirmed !== event.attendees)
      changedEvents.push({ ...event, attendees: settled.ledger.confirmed });
  }

  // Each registration of a touched event takes the settled status and place in line.
  const settle = (holder: string, registrations: Registration[]): Registration[] =>
    registrations.map((r) => {
      const settled = outcome.get(r.contentId);
      if (!settled) return r;
      const status = settled.statuses.get(holder) ?? r.status;
      return { ...r, status, waitlistPosition: waitlistPosition(settled.ledger, holder) };
    });
  const settledDocs = docs.map((d) => ({
    ...d,
    eventRegistrations: settle(String(d.id), registrationsOf(d)),
  }));
  const changedOthers = [...others.values()]
    .map((doc) => ({
      before: doc,
      after: { ...doc, eventRegistrations: settle(doc.id, doc.eventRegistrations) },
    }))
    .filter(({ before, after }) => JSON.stringify(before) !== JSON.stringify(after))
    .map(({ after }) => after);

  const changes: Change[] = [];
  const store = async <N extends 'content' | 'engagement'>(collection: N, list: DocOf<N>[]) => {
    if (list.length === 0) return;
    const seqs = await nextServerSeqs(client, organizationId, list.length);
    const updatedAt = now.toISOString();
    const written = await writeDocuments(
      client,
      { organizationId },
      collection,
      list.map((doc, i) => ({ doc, server: { serverSeq: seqs[i]!, updatedAt, deleted: false } })),
    );
    changes.push({
      organizationId,
      collection,
      documents: written.map((d) => ({ ...d, _deleted: false }) as unknown as SyncDocument),
      checkpoint: { seq: seqs[seqs.length - 1]! },
    });
  };
  await store('content', changedEvents);
  await store('engagement', changedOthers);
  return { docs: settledDocs, changes };
}
