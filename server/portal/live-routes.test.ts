import { beforeAll, describe, expect, it } from 'vitest';
import { liveSnapshotSchema } from '../../shared/domain/portal/live.ts';
import type { DailyMetric } from '../../shared/entities/portal.ts';
import type { LoginRecord } from '../auth/store.ts';
import { CookieJar, login, makeTestApp, testLogins } from '../http/testing.ts';
import { createGa4Fake, ga4FakeRealtime } from '../integrations/fakes/ga4-fake.ts';
import { GA4_DEFAULT_BASE_URL } from '../integrations/ga4.ts';
import { GOOGLE_OAUTH_DEFAULT_BASE_URL } from '../integrations/oauth.ts';
import { createRealtimePoller } from '../integrations/realtime-poller.ts';
import { fakeFetch } from '../integrations/setup.ts';
import { liveRoutes, type LiveActivitySource, type LiveRoutesDeps, type LiveSource } from './live-routes.ts';

let logins: LoginRecord[];
beforeAll(async () => {
  logins = await testLogins();
});

const NOW = new Date('2026-03-20T18:00:00.000Z'); // 15:00 in São Paulo
const day = (date: string, sessions: number, conversions: number): DailyMetric => ({
  date,
  sessions,
  pageviews: 0,
  bounceRate: null,
  avgSessionSeconds: null,
  conversions,
  revenueCents: 0,
  adSpendCents: 0,
  leads: 0,
  score: null,
});

/** March to date 2,8 % (280/10.000), February 2,4 % (240/10.000). */
function source(reads: { userId: string; months: readonly string[] }[]): LiveSource {
  return {
    read: async (identity, months) => {
      reads.push({ userId: identity.userId, months });
      return {
        customerId: identity.customerId ?? '',
        timeZone: 'America/Sao_Paulo',
        metrics: [
          { month: '2026-02', days: [day('2026-02-10', 10_000, 240)] },
          { month: '2026-03', days: [day('2026-03-01', 6_000, 160), day('2026-03-20', 4_000, 120)] },
        ],
      };
    },
  };
}

const activity: LiveActivitySource = ({ now }) => ({
  visits: [
    {
      startedAt: new Date(now.getTime() - 60_000).toISOString(),
      endedAt: new Date(now.getTime() + 60_000).toISOString(),
    },
  ],
  conversions: [new Date(now.getTime() - 3_600_000).toISOString()],
});

async function as(email: string | null, over: Partial<LiveRoutesDeps> = {}) {
  const reads: { userId: string; months: readonly string[] }[] = [];
  const { app } = makeTestApp(logins, {
    apiRoutes: {
      portal: liveRoutes({ source: source(reads), activity, clock: { now: () => NOW }, ...over }),
    },
  });
  const jar = new CookieJar();
  if (email) await login(app, email, undefined, { jar });
  return { app, reads, headers: { cookie: jar.header() } };
}

describe('GET /api/portal/live', () => {
  it("gives a client their customer's live panel by the shared rule, with the server's clock", async () => {
    const { app, reads, headers } = await as('cliente@techcorp.example');
    const res = await app.request('/api/portal/live', { headers });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({
      computedAt: NOW.toISOString(),
      visitorsNow: 1,
      conversionsLast2h: 1,
      activeUsersLast30m: null,
      conversionsLast30m: null,
      conversionRate: 2.8,
      rateChangePoints: 0.4,
    });
    expect(reads).toEqual([
      {
        userId: '00000000-0000-7000-8000-00000000000c',
        months: ['2026-01', '2026-02', '2026-03', '2026-04'],
      },
    ]);
  });

  it('without a live source: no visitors or conversions (null), the rate still from the metrics', async () => {
    const { app, headers } = await as('cliente@techcorp.example', { activity: () => null });
    const body = liveSnapshotSchema.parse(await (await app.request('/api/portal/live', { headers })).json());
    expect(body).toMatchObject({ visitorsNow: null, conversionsLast2h: null, conversionRate: 2.8 });
  });

  it.each([
    ['a CSM', 'maria@arco.example', 403, 'forbidden'],
    ['an admin', 'admin@arco.example', 403, 'forbidden'],
    ['nobody signed in', null, 401, 'unauthorized'],
  ])('refuses %s (%i) without reading anything', async (_, email, status, code) => {
    const { app, reads, headers } = await as(email);
    for (const path of ['/api/portal/live', '/api/portal/live/stream']) {
      const res = await app.request(path, { headers });
      expect(res.status).toBe(status);
      expect(await res.json()).toMatchObject({ error: { code } });
    }
    expect(reads).toEqual([]);
  });
});

/** Reads SSE events from a streamed response body. */
function sse(res: Response) {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const next = async (): Promise<{ event?: string; data?: string } | null> => {
    for (;;) {
      const end = buffer.indexOf('\n\n');
      if (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const out: { event?: string; data?: string } = {};
        for (const line of block.split('\n')) {
          const [field, ...rest] = line.split(': ');
          if (field === 'event') out.event = rest.join(': ');
          if (field === 'data') out.data = rest.join(': ');
        }
        return out;
      }
      const { done, value } = await reader.read();
      if (done) return null;
      buffer += decoder.decode(value, { stream: true });
    }
  };
  return { next, cancel: () => reader.cancel() };
}

describe('GET /api/portal/live/stream', () => {
  it('sends a live snapshot at once and one per tick; closing stops it', async () => {
    let tick: (() => void) | null = null;
    let cleared = 0;
    let clock = NOW;
    const timers = {
      setInterval: (fn: () => void) => ((tick = fn), 'tick'),
      clearInterval: () => void cleared++,
      setTimeout: () => 'lifetime',
      clearTimeout: () => void cleared++,
    };
    const { app, headers } = await as('cliente@techcorp.example', { timers, clock: { now: () => clock } });
    const res = await app.request('/api/portal/live/stream', { headers });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const events = sse(res);
    const first = await events.next();
    expect(first?.event).toBe('live');
    expect(liveSnapshotSchema.parse(JSON.parse(first!.data!))).toMatchObject({
      computedAt: NOW.toISOString(),
      visitorsNow: 1,
    });

    clock = new Date(NOW.getTime() + 15_000);
    tick!();
    const second = await events.next();
    expect(liveSnapshotSchema.parse(JSON.parse(second!.data!)).computedAt).toBe(clock.toISOString());

    await events.cancel();
    await expect.poll(() => cleared).toBe(2);
  });

  it('ends after its lifetime (the device reconnects)', async () => {
    let end: (() => void) | null = null;
    const timers = {
      setInterval: () => 'tick',
      clearInterval: () => {},
      setTimeout: (fn: () => void) => ((end = fn), 'lifetime'),
      clearTimeout: () => {},
    };
    const { app, headers } = await as('cliente@techcorp.example', { timers });
    const events = sse(await app.request('/api/portal/live/stream', { headers }));
    expect((await events.next())?.event).toBe('live');
    end!();
    expect(await events.next()).toBeNull();
  });
});

describe('GA4 realtime as the live source', () => {
  /** The real poller against the local GA4 fake; the connection store is the one stand-in (no database here). */
  function realtime(connected: boolean) {
    const pending = new Set<unknown>();
    let next = 0;
    const ga4 = createGa4Fake();
    const poller = createRealtimePoller({
      load: async () =>
        connected
          ? { accountId: '123456', credential: { kind: 'token', token: 'ya29.live-ok' }, revoked: false }
          : null,
      fetch: fakeFetch([{ baseUrl: GA4_DEFAULT_BASE_URL, app: ga4 }], () => {
        throw new Error('no network in tests');
      }),
      clock: () => NOW,
      timers: {
        setTimeout: () => {
          const id = ++next;
          pending.add(id);
          return id;
        },
        clearTimeout: (id) => void pending.delete(id),
      },
      ga4BaseUrl: GA4_DEFAULT_BASE_URL,
      oauthBaseUrl: GOOGLE_OAUTH_DEFAULT_BASE_URL,
    });
    const calls = async () =>
      ((await (await ga4.request('/_fake/realtime-calls')).json()) as unknown[]).length;
    return { poller, pending, calls };
  }

  it('a stream watches its customer’s GA4 while open: the first snapshot carries its 30-minute figures', async () => {
    const r = realtime(true);
    const timers = {
      setInterval: () => 'tick',
      clearInterval: () => {},
      setTimeout: () => 'lifetime',
      clearTimeout: () => {},
    };
    const { app, headers } = await as('cliente@techcorp.example', { timers, realtime: r.poller });
    const events = sse(await app.request('/api/portal/live/stream', { headers }));
    const first = liveSnapshotSchema.parse(JSON.parse((await events.next())!.data!));
    const fake = ga4FakeRealtime('123456');
    expect(first).toEqual({
      computedAt: NOW.toISOString(),
      visitorsNow: null, // the activity feed is not read for a GA4 customer
      conversionsLast2h: null,
      activeUsersLast30m: fake.activeUsers,
      conversionsLast30m: fake.keyEvents,
      conversionRate: 2.8,
      rateChangePoints: 0.4,
    });
    expect(await r.calls()).toBe(1);
    expect(r.pending.size).toBe(1); // the next poll, in 60 s
    // GET reuses the poll (same minute): no second call.
    const res = await app.request('/api/portal/live', { headers });
    expect(await res.json()).toMatchObject({ activeUsersLast30m: fake.activeUsers });
    expect(await r.calls()).toBe(1);
    await events.cancel();
    await expect.poll(() => r.pending.size).toBe(0); // nobody watches: no next poll
  });

  it('a customer without GA4 keeps the activity feed', async () => {
    const r = realtime(false);
    const { app, headers } = await as('cliente@techcorp.example', { realtime: r.poller });
    const res = await app.request('/api/portal/live', { headers });
    expect(await res.json()).toMatchObject({ visitorsNow: 1, activeUsersLast30m: null });
    expect(await r.calls()).toBe(0);
  });
});
