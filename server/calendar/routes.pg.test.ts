import { Writable } from 'node:stream';
import type { Hono } from 'hono';
import ICAL from 'ical.js';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { calendarFeedCreatedSchema, calendarFeedStatusSchema } from '../../shared/calendar-feed.ts';
import type { Meeting } from '../../shared/entities/support.ts';
import { createMemoryChangeFeed } from '../../sync/server/memory-feed.ts';
import { createApp } from '../app.ts';
import { PgAuthStore } from '../auth/pg-store.ts';
import { testConfig } from '../config.ts';
import { hashPassword } from '../auth/passwords.ts';
import { createTestDatabase, createTestTenant, type TestDatabase, type TestTenant } from '../db/testing.ts';
import type { AppEnv } from '../http/context.ts';
import { createLogger } from '../logger.ts';
import { createServerWriter, type ServerWriter } from '../sync/server-writes.ts';
import { calendarRoutes } from './routes.ts';
import { signedInCookie } from '../http/testing.ts';

/**
 * The private ICS feed on PostgreSQL through `app.request()`: created from a session, read without one by a
 * standard iCalendar parser (ical.js), following a moved meeting (server write) with a higher SEQUENCE,
 * ending with revocation or rotation (404), bounded by RLS to the user's meetings, and never logging its token.
 */
const PASSWORD = 'senha-de-teste-123';
const ORIGIN = 'http://localhost:3000';
let now = new Date('2026-03-02T12:00:00.000Z');

let t: TestDatabase;
let tenant: TestTenant;
let app: Hono<AppEnv>;
let writer: ServerWriter;
const emails = new Map<string, string>();
const logs: string[] = [];

function meeting(over: Partial<Meeting> = {}): Meeting {
  return {
    id: uuidv7(),
    updatedAt: now.toISOString(),
    serverSeq: 0,
    clientUpdatedAt: now.toISOString(),
    customerId: tenant.customerId,
    accountManagerId: tenant.csm.userId,
    title: 'Revisão trimestral; resultados, metas',
    description: 'Pauta: campanhas de março.\nLevar números de leads.',
    scheduledAt: '2026-03-10T17:00:00.000Z',
    durationMinutes: 45,
    meetingLink: 'https://meet.arco.example/qbr-techcorp',
    notes: null,
    status: 'scheduled',
    clientRequest: null,
    completedAt: null,
    requestAnswer: null,
    ...over,
  };
}

const store = async (doc: Meeting) =>
  (await writer.transaction(tenant.organizationId, (tx) => tx.write('meetings', [doc])))[0]!;

beforeAll(async () => {
  t = await createTestDatabase();
  tenant = await createTestTenant(t.db, { name: 'Arco Digital' });
  const hash = await hashPassword(PASSWORD);
  await t.db.privileged(async (c) => {
    const { rows } = await c.query<{ id: string; email: string }>(
      'UPDATE users SET password_hash = $1 WHERE organization_id = $2 RETURNING id, email',
      [hash, tenant.organizationId],
    );
    for (const row of rows) emails.set(row.id, row.email);
  });
  writer = createServerWriter({ db: t.db, feed: createMemoryChangeFeed(() => undefined), clock: () => now });
  const sink = new Writable({
    write(chunk, _enc, done) {
      logs.push(String(chunk));
      done();
    },
  });
  app = createApp({
    config: testConfig({ publicOrigin: ORIGIN }),
    logger: createLogger({ level: 'debug' }, sink),
    auth: new PgAuthStore(t.db),
    health: { check: async () => undefined },
    clock: { now: () => now },
    apiRoutes: {
      calendar: calendarRoutes({
        db: t.db,
        config: { publicOrigin: ORIGIN, trustProxy: 0 },
        clock: () => now,
      }),
    },
  });
}, 120_000);
afterAll(async () => {
  await t?.close();
});
beforeEach(async () => {
  await t.db.privileged((c) => c.query('DELETE FROM calendar_feed_tokens'));
});

/** Signs in through the real auth routes; returns a request function carrying the session cookie. */
async function as(userId: string) {
  const cookie = await signedInCookie(app, {
    email: emails.get(userId),
    password: PASSWORD,
    origin: ORIGIN,
  });
  return (method: 'GET' | 'POST' | 'DELETE') =>
    app.request('/api/calendar/feed', {
      method,
      headers: { cookie, origin: ORIGIN, 'content-type': 'application/json' },
      ...(method === 'GET' ? {} : { body: '{}' }),
    });
}

async function newFeed(user: string | Awaited<ReturnType<typeof as>>): Promise<string> {
  const res = await (typeof user === 'string' ? await as(user) : user)('POST');
  expect(res.status).toBe(201);
  return calendarFeedCreatedSchema.parse(await res.json()).feed.url;
}

/** Fetches the feed as a calendar app would (no cookie, no Origin) and parses it with ical.js. */
async function fetchFeed(url: string) {
  const res = await app.request(new URL(url).pathname);
  if (res.status !== 200) return { status: res.status, events: [] };
  expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
  const text = await res.text();
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
      startIsUtc: event.startDate.zone?.tzid === 'UTC',
      sequence: event.sequence,
      status: vevent.getFirstPropertyValue('status'),
      lastModified: (vevent.getFirstPropertyValue('last-modified') as { toJSDate(): Date })
        .toJSDate()
        .toISOString(),
      stamp: (vevent.getFirstPropertyValue('dtstamp') as { toJSDate(): Date }).toJSDate().toISOString(),
    };
  });
  return { status: 200, events, text, name: calendar.getFirstPropertyValue('x-wr-calname') };
}

describe('GET /api/calendar/<token>.ics', () => {
  it('serves the staff member’s meetings to an iCalendar parser, and follows a moved meeting with a higher SEQUENCE', async () => {
    const qbr = await store(meeting());
    const otherManagers = await store(
      meeting({ accountManagerId: tenant.admin.userId, title: 'Reunião do admin' }),
    );
    const url = await newFeed(tenant.csm.userId);
    expect(url).toMatch(/^http:\/\/localhost:3000\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);

    const first = await fetchFeed(url);
    expect(first.status).toBe(200);
    expect(first.name).toBe('Arco — reuniões');
    expect(first.events).toHaveLength(1); // only the meetings this user is account manager of
    const [event] = first.events;
    expect(event).toMatchObject({
      uid: `${qbr.id}@meetings.arco`,
      summary: 'Revisão trimestral; resultados, metas · TechCorp LTDA',
      start: '2026-03-10T17:00:00.000Z',
      end: '2026-03-10T17:45:00.000Z',
      startIsUtc: true,
      sequence: qbr.serverSeq,
      status: 'CONFIRMED',
      lastModified: now.toISOString(),
      stamp: now.toISOString(),
    });
    // Escaping and folding survive the round trip (newlines, the link appended).
    expect(event!.description).toBe(
      'Pauta: campanhas de março.\nLevar números de leads.\n\nLink da reunião: https://meet.arco.example/qbr-techcorp',
    );
    expect(first.text).toMatch(/\r\n /); // long lines folded
    expect(first.text!.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    expect(first.events.map((e) => e.uid)).not.toContain(`${otherManagers.id}@meetings.arco`);

    // The meeting moves (a server write, as when staff answer a reschedule request).
    now = new Date(now.getTime() + 60 * 60_000);
    const moved = await store({ ...qbr, scheduledAt: '2026-03-11T18:30:00.000Z', status: 'rescheduled' });
    const second = await fetchFeed(url);
    expect(second.events).toHaveLength(1);
    expect(second.events[0]).toMatchObject({
      uid: event!.uid,
      start: '2026-03-11T18:30:00.000Z',
      lastModified: now.toISOString(),
    });
    expect(second.events[0]!.sequence).toBeGreaterThan(event!.sequence);

    // Cancelled: still in the feed, STATUS:CANCELLED and a higher SEQUENCE again.
    now = new Date(now.getTime() + 60 * 60_000);
    await store({ ...moved, status: 'cancelled' });
    const third = await fetchFeed(url);
    expect(third.events[0]).toMatchObject({ uid: event!.uid, status: 'CANCELLED' });
    expect(third.events[0]!.sequence).toBeGreaterThan(second.events[0]!.sequence);
  });

  it("serves a client user their customer's meetings only (RLS bounds the feed like the user's own requests)", async () => {
    const own = await store(meeting({ title: 'Alinhamento TechCorp' }));
    await store(meeting({ customerId: tenant.otherCustomerId, title: 'Reunião de outro cliente' }));
    const url = await newFeed(tenant.client.userId);
    const feed = await fetchFeed(url);
    const summaries = feed.events.map((e) => e.summary);
    expect(summaries).toContain('Alinhamento TechCorp'); // no customer suffix in a client's own feed
    expect(summaries).not.toContain('Reunião de outro cliente');
    expect(feed.events.map((e) => e.uid)).toContain(`${own.id}@meetings.arco`);
  });

  it('ends access when the link is revoked or replaced, and answers 404 for unknown tokens', async () => {
    const request = await as(tenant.csm.userId);
    expect(calendarFeedStatusSchema.parse(await (await request('GET')).json())).toEqual({ feed: null });
    const first = await newFeed(request);
    expect((await fetchFeed(first)).status).toBe(200);
    const status = calendarFeedStatusSchema.parse(await (await request('GET')).json());
    expect(status.feed?.createdAt).toBe(now.toISOString());

    const second = await newFeed(request); // "Gerar novo link": the old URL stops at once
    expect(second).not.toBe(first);
    expect((await fetchFeed(first)).status).toBe(404);
    expect((await fetchFeed(second)).status).toBe(200);

    expect((await request('DELETE')).status).toBe(204); // "Revogar"
    expect((await fetchFeed(second)).status).toBe(404);
    expect((await request('DELETE')).status).toBe(204); // idempotent
    expect(calendarFeedStatusSchema.parse(await (await request('GET')).json())).toEqual({ feed: null });

    const unknown = await app.request(`/api/calendar/${'A'.repeat(43)}.ics`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: 'not_found' } });
    expect((await app.request('/api/calendar/short.ics')).status).toBe(404);
  });

  it('stores only the hash, needs a session to manage, stops for a disabled user, and never logs the token', async () => {
    logs.length = 0;
    const url = await newFeed(tenant.csm.userId);
    const token = /\/api\/calendar\/([^/]+)\.ics$/.exec(url)![1]!;
    await fetchFeed(url);
    await app.request(`/api/calendar/${token}`); // a mistyped URL still holds the token
    await app.request(`/API/calendar/${token}.ics`);
    expect(logs.join('\n')).toContain('/api/calendar/[redacted]');
    expect(logs.join('\n')).toContain('calendar_feed_served');
    expect(logs.join('\n')).not.toContain(token);

    const stored = await t.db.privileged((c) =>
      c.query<{ token_hash: string }>('SELECT token_hash FROM calendar_feed_tokens WHERE user_id = $1', [
        tenant.csm.userId,
      ]),
    );
    expect(stored.rows[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored.rows)).not.toContain(token);

    expect((await app.request('/api/calendar/feed')).status).toBe(401);
    expect(
      (
        await app.request('/api/calendar/feed', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{}',
        })
      ).status,
    ).toBe(401);

    await t.db.privileged((c) =>
      c.query('UPDATE users SET disabled_at = now() WHERE id = $1', [tenant.csm.userId]),
    );
    try {
      expect((await fetchFeed(url)).status).toBe(404);
    } finally {
      await t.db.privileged((c) =>
        c.query('UPDATE users SET disabled_at = NULL WHERE id = $1', [tenant.csm.userId]),
      );
    }
  });
});
