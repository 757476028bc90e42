import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import type { Content, Engagement } from '../../shared/entities/portal.ts';
import type { UserIdentity } from '../../shared/identity.ts';
import type { SyncDocument } from '../../sync/documents.ts';
import { authorizeWithPermissions, createPushDecider } from '../../sync/push/decide.ts';
import { createMemoryChangeFeed } from '../../sync/server/memory-feed.ts';
import type { Change } from '../../sync/server/store.ts';
import { sampleDocuments } from '../db/collections/samples.ts';
import { nextServerFields, readDocuments, writeDocument } from '../db/index.ts';
import { createTestDatabase, createTestTenant, type TestDatabase, type TestTenant } from '../db/testing.ts';
import { createPgSyncStore } from './pg-store.ts';

/**
 * Event capacity is the server's (shared/domain/portal/event-seats.ts, server/sync/event-seats.ts): pushes of
 * engagement records that register for an event are settled in the push transaction under the event's lock.
 * Two clients pushing for the last seat at once: exactly one seat, one place in line — on the embedded
 * database and, with DATABASE_URL, on a real PostgreSQL where the two pushes run on separate connections.
 */
let t: TestDatabase;
let tenant: TestTenant;
let third: UserIdentity;
const NOW = new Date('2026-01-15T13:00:00.000Z');

beforeAll(async () => {
  t = await createTestDatabase();
}, 120_000);
afterAll(() => t?.close());

let eventId: string;
let feed: ReturnType<typeof createMemoryChangeFeed>;
const published: Change[] = [];

beforeEach(async () => {
  await t.truncateAll();
  tenant = await createTestTenant(t.db, { now: NOW });
  const userId = uuidv7();
  await t.db.withIdentity(tenant.system, (c) =>
    c.query(
      `INSERT INTO users (id, organization_id, email, name, role, customer_id) VALUES ($1,$2,$3,'Rita Lima','client',$4)`,
      [userId, tenant.organizationId, `rita+${userId}@arco.example`, tenant.customerId],
    ),
  );
  third = { role: 'client', organizationId: tenant.organizationId, userId, customerId: tenant.customerId };
  const samples = sampleDocuments({
    customerId: tenant.customerId,
    clientUserId: tenant.client.userId,
    staffUserId: tenant.csm.userId,
    newId: uuidv7,
  });
  // One seat left: 2 of 3 taken (elsewhere).
  const event: Content = { ...samples.content, maxAttendees: 3, attendees: 2 };
  eventId = event.id;
  await t.db.withIdentity(tenant.system, async (c) =>
    writeDocument(c, tenant, 'content', event, await nextServerFields(c, tenant.organizationId, NOW)),
  );
  feed = createMemoryChangeFeed();
  published.length = 0;
  feed.subscribe((change) => {
    if (change !== 'RESYNC') published.push(change);
  });
}, 60_000);

const store = () => createPgSyncStore({ db: t.db, feed, clock: () => NOW, verifyStoredJson: true });
const decide = createPushDecider('engagement', { authorize: authorizeWithPermissions });

function record(user: UserIdentity, status: 'registered' | 'waitlisted' | 'cancelled' | null): Engagement {
  const at = NOW.toISOString();
  return {
    id: uuidv7(),
    updatedAt: at,
    serverSeq: 0,
    clientUpdatedAt: at,
    userId: user.userId,
    customerId: user.customerId!,
    timeZone: 'America/Sao_Paulo',
    visitDays: [],
    reading: [],
    eventRegistrations:
      status === null ? [] : [{ contentId: eventId, status, registeredAt: at, waitlistPosition: null }],
    quickWins: [],
    xp: 0,
    badges: [],
  };
}

async function push(user: UserIdentity, before: Engagement | null, after: Engagement) {
  const [decision] = await store().push({
    identity: user,
    collection: 'engagement',
    rows: [
      {
        assumedMasterState:
          before === null ? null : ({ ...before, _deleted: false } as unknown as SyncDocument),
        newDocumentState: { ...after, _deleted: false } as unknown as SyncDocument,
      },
    ],
    decide,
  });
  expect(decision?.kind).toBe('write');
}

const stored = async (id: string) =>
  (
    await t.db.withIdentity(tenant.system, (c) =>
      readDocuments(c, 'engagement', { where: 'id = $1', params: [id] }),
    )
  )[0]!.doc;
const storedEvent = async () =>
  (
    await t.db.withIdentity(tenant.system, (c) =>
      readDocuments(c, 'content', { where: 'id = $1', params: [eventId] }),
    )
  )[0]!.doc;
const statusIn = (doc: Engagement) => doc.eventRegistrations.find((r) => r.contentId === eventId);

describe('event capacity on push (PostgreSQL)', () => {
  it('two clients registering for the last seat at once: one seat, one place in line', async () => {
    const a = record(tenant.client, 'registered');
    const b = record(tenant.otherClient, 'registered');
    await Promise.all([push(tenant.client, null, a), push(tenant.otherClient, null, b)]);

    const results = [statusIn(await stored(a.id)), statusIn(await stored(b.id))];
    expect(results.map((r) => r?.status).sort()).toEqual(['registered', 'waitlisted']);
    expect(results.find((r) => r?.status === 'waitlisted')?.waitlistPosition).toBe(1);
    expect(results.find((r) => r?.status === 'registered')?.waitlistPosition).toBeNull();
    expect((await storedEvent()).attendees).toBe(3);
    // The event's new count reached the change feed, so every device pulls the seats left.
    expect(published.some((c) => c.collection === 'content')).toBe(true);
  });

  it('a cancellation promotes the first in line in the same transaction; the one behind moves up', async () => {
    const a = record(tenant.client, 'registered');
    await push(tenant.client, null, a);
    const b = record(tenant.otherClient, 'registered');
    await push(tenant.otherClient, null, b);
    const c = record(third, 'waitlisted');
    await push(third, null, c);
    expect(statusIn(await stored(b.id))).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect(statusIn(await stored(c.id))).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 });
    expect((await storedEvent()).attendees).toBe(3);

    const aStored = await stored(a.id);
    published.length = 0;
    await push(tenant.client, aStored, {
      ...aStored,
      eventRegistrations: aStored.eventRegistrations.map((r) => ({ ...r, status: 'cancelled' as const })),
    });
    expect(statusIn(await stored(a.id))?.status).toBe('cancelled');
    const promoted = await stored(b.id);
    expect(statusIn(promoted)).toMatchObject({ status: 'registered', waitlistPosition: null });
    expect(promoted.serverSeq).toBeGreaterThan(aStored.serverSeq);
    expect(statusIn(await stored(c.id))).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect((await storedEvent()).attendees).toBe(3);
    // The promoted users' records were announced (their devices pull the seat).
    const announced = published.flatMap((ch) => (ch.collection === 'engagement' ? ch.documents : []));
    expect(announced.map((d) => d.id)).toEqual(expect.arrayContaining([b.id, c.id, a.id]));
  });

  it('a device cannot take a seat by writing it, nor forge its place in line', async () => {
    const a = record(tenant.client, 'registered');
    await push(tenant.client, null, a);
    const b = record(tenant.otherClient, 'registered');
    await push(tenant.otherClient, null, b);
    const c = record(third, 'registered');
    await push(third, null, c);
    const cStored = await stored(c.id);
    expect(statusIn(cStored)).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 });
    // Third user writes "registered" with position 1 over its waitlisted record: nothing moves.
    await push(third, cStored, {
      ...cStored,
      visitDays: ['2026-01-15'],
      eventRegistrations: [{ ...statusIn(cStored)!, status: 'registered', waitlistPosition: 1 }],
    });
    expect(statusIn(await stored(c.id))).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 });
    expect(statusIn(await stored(b.id))).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect((await storedEvent()).attendees).toBe(3);
  });

  it('leaving the waiting list frees the place without touching the seats', async () => {
    const a = record(tenant.client, 'registered');
    await push(tenant.client, null, a);
    const b = record(tenant.otherClient, 'waitlisted');
    await push(tenant.otherClient, null, b);
    const bStored = await stored(b.id);
    expect(statusIn(bStored)?.status).toBe('waitlisted');
    await push(tenant.otherClient, bStored, {
      ...bStored,
      eventRegistrations: [{ ...statusIn(bStored)!, status: 'cancelled' }],
    });
    expect(statusIn(await stored(b.id))).toMatchObject({ status: 'cancelled', waitlistPosition: null });
    expect((await storedEvent()).attendees).toBe(3);
  });
});
