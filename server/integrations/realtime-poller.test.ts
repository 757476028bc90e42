import { describe, expect, it } from 'vitest';
import { createGa4Fake, ga4FakeRealtime } from './fakes/ga4-fake.ts';
import { createGoogleOAuthFake } from './fakes/google-oauth-fake.ts';
import { GA4_DEFAULT_BASE_URL } from './ga4.ts';
import { GOOGLE_OAUTH_DEFAULT_BASE_URL, type SourceCredential } from './oauth.ts';
import { createRealtimePoller, type RealtimeConnection, type RealtimeTimers } from './realtime-poller.ts';
import { fakeFetch } from './setup.ts';

/**
 * The GA4 realtime poller with an injected clock and timers against the local GA4 and token-endpoint fakes:
 * one poll per interval per customer whatever the viewers, none once the last viewer leaves, backoff on 429
 * (Retry-After honoured) and on quota errors.
 */
const ORG = '00000000-0000-4000-8000-000000000001';
const CUSTOMER = '00000000-0000-4000-8000-000000000002';
const target = { organizationId: ORG, customerId: CUSTOMER };
const PROPERTY = '123456';

/** Timers on a virtual clock: `advance` runs what falls due, in order, awaiting each poll it starts. */
function virtualTime(start = Date.parse('2026-03-10T12:00:00.000Z')) {
  let now = start;
  let next = 1;
  const pending = new Map<number, { at: number; fn: () => void }>();
  const timers: RealtimeTimers = {
    setTimeout: (fn, ms) => {
      const id = next++;
      pending.set(id, { at: now + ms, fn });
      return id;
    },
    clearTimeout: (handle) => void pending.delete(handle as number),
  };
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return {
    timers,
    clock: () => new Date(now),
    pending: () => pending.size,
    async advance(ms: number) {
      const until = now + ms;
      for (;;) {
        await settle();
        const due = [...pending.entries()]
          .filter(([, t]) => t.at <= until)
          .sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        pending.delete(due[0]);
        now = due[1].at;
        due[1].fn();
        for (let i = 0; i < 5; i++) await settle();
      }
      now = until;
      await settle();
    },
  };
}

function setup(credential: SourceCredential, options: { realtimeRetryAfterSeconds?: number } = {}) {
  const ga4 = createGa4Fake(options);
  const oauth = createGoogleOAuthFake();
  const fetch = fakeFetch(
    [
      { baseUrl: GA4_DEFAULT_BASE_URL, app: ga4 },
      { baseUrl: GOOGLE_OAUTH_DEFAULT_BASE_URL, app: oauth },
    ],
    () => {
      throw new Error('no network in tests');
    },
  );
  const time = virtualTime();
  let connection: RealtimeConnection = { accountId: PROPERTY, credential, revoked: false };
  let loads = 0;
  const poller = createRealtimePoller({
    load: async () => {
      loads++;
      return connection;
    },
    fetch,
    clock: time.clock,
    timers: time.timers,
    ga4BaseUrl: GA4_DEFAULT_BASE_URL,
    oauthBaseUrl: GOOGLE_OAUTH_DEFAULT_BASE_URL,
    intervalMs: 60_000,
    maxBackoffMs: 15 * 60_000,
  });
  const calls = async () =>
    ((await (await ga4.request('/_fake/realtime-calls')).json()) as { status: number }[]).map(
      (c) => c.status,
    );
  const exchanges = async () =>
    ((await (await oauth.request('/_fake/exchanges')).json()) as { exchanges: number }).exchanges;
  return {
    poller,
    time,
    calls,
    exchanges,
    loads: () => loads,
    disconnect: () => void (connection = null),
  };
}

const token = (t: string): SourceCredential => ({ kind: 'token', token: t });

describe('GA4 realtime poller', () => {
  it('two viewers share one poll per interval; it stops after the last one leaves', async () => {
    const s = setup(token('ya29.realtime-ok'));
    const a = s.poller.watch(target);
    const b = s.poller.watch(target);
    await a.ready;
    await b.ready;
    const fake = ga4FakeRealtime(PROPERTY);
    expect(s.poller.read(target)).toEqual({
      state: 'ga4',
      figures: { activeUsersLast30m: fake.activeUsers, conversionsLast30m: fake.keyEvents },
    });
    expect(await s.calls()).toEqual([200]);

    await s.time.advance(59_000);
    expect(await s.calls()).toHaveLength(1);
    await s.time.advance(1_000);
    expect(await s.calls()).toHaveLength(2);
    await s.time.advance(120_000);
    expect(await s.calls()).toHaveLength(4);

    a.stop();
    await s.time.advance(60_000);
    expect(await s.calls()).toHaveLength(5); // b still watches
    b.stop();
    b.stop(); // idempotent
    expect(s.time.pending()).toBe(0);
    await s.time.advance(10 * 60_000);
    expect(await s.calls()).toHaveLength(5);

    // A viewer back long after polls at once; one back within the interval reuses the last poll (reloads stay
    // polite) and the next poll keeps the interval.
    const c = s.poller.watch(target);
    await c.ready;
    expect(await s.calls()).toHaveLength(6); // the last poll was 10 min ago: polls now
    c.stop();
    const d = s.poller.watch(target);
    await d.ready;
    expect(await s.calls()).toHaveLength(6);
    await s.time.advance(60_000);
    expect(await s.calls()).toHaveLength(7);
    d.stop();
  });

  it('backs off on 429: waits what Retry-After asks (120 s), then the interval again after a success', async () => {
    const s = setup(token('ya29.ratelimit-realtime'), { realtimeRetryAfterSeconds: 300 });
    const a = s.poller.watch(target);
    await a.ready;
    expect(await s.calls()).toEqual([429]);
    expect(s.poller.read(target)).toEqual({ state: 'ga4', figures: null });
    await s.time.advance(299_000);
    expect(await s.calls()).toEqual([429]);
    await s.time.advance(1_000);
    expect(await s.calls()).toEqual([429, 429]);
    await s.time.advance(300_000);
    expect(await s.calls()).toEqual([429, 429, 200]);
    expect(s.poller.read(target)).toMatchObject({
      state: 'ga4',
      figures: { activeUsersLast30m: expect.any(Number) },
    });
    await s.time.advance(60_000);
    expect(await s.calls()).toEqual([429, 429, 200, 200]);
    a.stop();
  });

  it('a quota error without Retry-After doubles the wait from the interval', async () => {
    const s = setup(token('ya29.quota-realtime'));
    const a = s.poller.watch(target);
    await a.ready;
    await s.time.advance(119_000);
    expect(await s.calls()).toEqual([429]);
    await s.time.advance(1_000); // 2 × 60 s
    expect(await s.calls()).toEqual([429, 429]);
    await s.time.advance(239_000);
    expect(await s.calls()).toHaveLength(2);
    await s.time.advance(1_000); // 4 × 60 s
    expect(await s.calls()).toHaveLength(3);
    a.stop();
  });

  it('OAuth: one exchange serves the polls of the hour; without a GA4 connection it reads as none', async () => {
    const s = setup({
      kind: 'oauth',
      refreshToken: '1//realtime-refresh',
      clientId: '1234-client.apps.googleusercontent.com',
      clientSecret: 'GOCSPX-realtime',
    });
    const a = s.poller.watch(target);
    await a.ready;
    await s.time.advance(5 * 60_000);
    expect(await s.calls()).toEqual([200, 200, 200, 200, 200, 200]);
    expect(await s.exchanges()).toBe(1);
    await s.time.advance(60 * 60_000); // past the hour: exchanged again
    expect(await s.exchanges()).toBe(2);
    expect(s.poller.read(target)).toMatchObject({
      state: 'ga4',
      figures: { activeUsersLast30m: expect.any(Number) },
    });
    s.disconnect();
    await s.time.advance(60_000);
    expect(s.poller.read(target)).toEqual({ state: 'none' });
    a.stop();
  });
});
