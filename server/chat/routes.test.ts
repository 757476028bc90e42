import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema } from '../../shared/api-errors.ts';
import { chatPresenceResponseSchema } from '../../shared/chat-api.ts';
import type { UserIdentity } from '../../shared/identity.ts';
import { requireUser } from '../auth/require-user.ts';
import type { LoginRecord } from '../auth/store.ts';
import type { AuthedEnv } from '../http/context.ts';
import { StreamRegistry } from '../http/streams.ts';
import {
  CookieJar,
  login,
  makeTestApp,
  ORG_ID,
  TECHCORP_ID,
  testClock,
  testLogins,
} from '../http/testing.ts';
import { chatRoutes, type ChatSource } from './routes.ts';

/**
 * `GET /api/chat/presence` through the whole app (app.request): the account manager is online while they hold a
 * live stream (the real StreamRegistry and a stand-in stream route) within business hours, away a minute after
 * it closed, closed outside hours with the next opening; the median response time from the source's messages.
 * The source is a memory stand-in (the pg test checks the SQL under RLS).
 */
let logins: LoginRecord[];
beforeAll(async () => {
  logins = await testLogins();
});

const MARIA_ID = '00000000-0000-7000-8000-00000000000b';
const UNKNOWN_ID = '01900000-0000-7000-8000-0000000009ff';
// Monday 2026-12-07 12:00 in São Paulo.
const MONDAY_NOON = new Date('2026-12-07T15:00:00.000Z');

function setup(accountManagerId: string | null = MARIA_ID) {
  const calls: [UserIdentity, string][] = [];
  const clock = testClock(MONDAY_NOON);
  const streams = new StreamRegistry({
    limits: { perUser: 3, perInstance: 100 },
    now: () => clock.now().getTime(),
  });
  const source: ChatSource = {
    read: async (identity, customerId, since) => {
      calls.push([identity, customerId]);
      expect(since.toISOString()).toBe(new Date(clock.now().getTime() - 30 * 86_400_000).toISOString());
      if (identity.organizationId !== ORG_ID || customerId !== TECHCORP_ID) return null;
      return {
        timeZone: 'America/Sao_Paulo',
        accountManagerId,
        chats: [
          [
            { senderType: 'client', createdAt: '2026-12-07T13:00:00.000Z' },
            { senderType: 'support', createdAt: '2026-12-07T13:02:00.000Z' },
            { senderType: 'client', createdAt: '2026-12-07T14:00:00.000Z' },
            { senderType: 'support', createdAt: '2026-12-07T14:03:00.000Z' },
            { senderType: 'client', createdAt: '2026-12-07T14:10:00.000Z' },
            { senderType: 'support', createdAt: '2026-12-07T14:11:00.000Z' },
          ],
        ],
      };
    },
  };
  const sync = new Hono<AuthedEnv>().use(requireUser).get('/stream', (c) =>
    streamSSE(c, async (stream) => {
      await stream.writeSSE({ event: 'hello', data: 'RESYNC' });
      await new Promise<void>((resolve) => stream.onAbort(resolve));
    }),
  );
  const t = makeTestApp(logins, {
    clock,
    streams,
    apiRoutes: { sync, chat: chatRoutes({ source, presence: streams, clock }) },
  });
  return { ...t, calls, clock };
}

async function signIn(app: ReturnType<typeof makeTestApp>['app'], email: string) {
  const jar = new CookieJar();
  expect((await login(app, email, undefined, { jar })).status).toBe(200);
  return jar;
}

const presence = async (app: ReturnType<typeof makeTestApp>['app'], jar: CookieJar | null, query = '') =>
  app.request(`/api/chat/presence${query}`, { headers: jar ? { cookie: jar.header() } : {} });

describe('GET /api/chat/presence', () => {
  it('online while the account manager holds a live stream in hours; away a minute after it closed', async () => {
    const { app, clock, calls } = setup();
    const client = await signIn(app, 'cliente@techcorp.example');
    const read = async () => {
      const res = await presence(app, client);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      return chatPresenceResponseSchema.parse(await res.json());
    };
    const before = await read();
    expect(before).toMatchObject({
      customerId: TECHCORP_ID,
      accountManagerId: MARIA_ID,
      presence: 'away',
      opensAt: null,
      // waits 2, 3 and 1 min → median 2 min
      responseTimeMs: 120_000,
      businessHours: {
        timeZone: 'America/Sao_Paulo',
        days: [1, 2, 3, 4, 5],
        startMinute: 540,
        endMinute: 1080,
      },
      now: MONDAY_NOON.toISOString(),
    });
    expect(calls[0]?.[0]).toMatchObject({ role: 'client', customerId: TECHCORP_ID });

    const maria = await signIn(app, 'maria@arco.example');
    const stream = await app.request('/api/sync/stream', { headers: { cookie: maria.header() } });
    expect(stream.status).toBe(200);
    expect((await read()).presence).toBe('online');
    clock.advance(10 * 60_000);
    expect((await read()).presence).toBe('online');

    await stream.body!.cancel();
    await new Promise((resolve) => setTimeout(resolve, 20));
    clock.advance(60_000);
    expect((await read()).presence).toBe('online');
    clock.advance(1_000);
    expect((await read()).presence).toBe('away');
  });

  it('closed outside hours, with the next opening, even while the stream is open', async () => {
    const { app, clock } = setup();
    const maria = await signIn(app, 'maria@arco.example');
    const stream = await app.request('/api/sync/stream', { headers: { cookie: maria.header() } });
    clock.set(new Date('2026-12-11T22:00:00.000Z')); // Friday 19:00 in São Paulo
    const res = await presence(app, maria, `?customerId=${TECHCORP_ID}`);
    expect(chatPresenceResponseSchema.parse(await res.json())).toMatchObject({
      presence: 'closed',
      opensAt: '2026-12-14T12:00:00.000Z', // Monday 9h
      // the waits are older than nothing: the window moved with the clock but still holds them
      responseTimeMs: 120_000,
    });
    await stream.body!.cancel();
  });

  it('no account manager assigned → away in hours (nobody to be online)', async () => {
    const { app } = setup(null);
    const client = await signIn(app, 'cliente@techcorp.example');
    const body = chatPresenceResponseSchema.parse(await (await presence(app, client)).json());
    expect(body).toMatchObject({ accountManagerId: null, presence: 'away' });
  });

  it('a client always asks about their own customer, whatever they pass', async () => {
    const { app, calls } = setup();
    const client = await signIn(app, 'cliente@techcorp.example');
    expect((await presence(app, client, `?customerId=${UNKNOWN_ID}`)).status).toBe(200);
    expect(calls.map((c) => c[1])).toEqual([TECHCORP_ID]);
  });

  it.each([
    ['nobody signed in', null, `?customerId=${TECHCORP_ID}`, 401, 'unauthorized', 0],
    ['staff without a customer', 'maria@arco.example', '', 400, 'bad_request', 0],
    ['staff, a malformed id', 'maria@arco.example', '?customerId=x', 404, 'not_found', 0],
    ['staff, an unknown customer', 'maria@arco.example', `?customerId=${UNKNOWN_ID}`, 404, 'not_found', 1],
    [
      "another organization's admin",
      'admin@outra.example',
      `?customerId=${TECHCORP_ID}`,
      404,
      'not_found',
      1,
    ],
  ])('refuses %s (%i %s)', async (_, email, query, status, code, reads) => {
    const { app, calls } = setup();
    const jar = email ? await signIn(app, email) : null;
    const res = await presence(app, jar, query);
    expect(res.status).toBe(status);
    expect(errorBodySchema.parse(await res.json()).error.code).toBe(code);
    expect(calls).toHaveLength(reads);
  });
});
