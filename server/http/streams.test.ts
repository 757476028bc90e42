import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireUser } from '../auth/require-user.ts';
import type { LoginRecord } from '../auth/store.ts';
import type { AuthedEnv } from './context.ts';
import { StreamRegistry } from './streams.ts';
import { CookieJar, TEST_USERS, jsonHeaders, login, makeTestApp, testLogins } from './testing.ts';

/**
 * Event streams are capped per user and per instance, and end (with a reconnect hint) when their session ends
 * or the server shuts down (issue 15, item 5). A stand-in stream route at `/api/sync/stream` that stays open
 * until it is cancelled, as the real ones do.
 */
let logins: LoginRecord[];
beforeAll(async () => {
  logins = await testLogins();
});

function setup(options: { perUser?: number; perInstance?: number } = {}) {
  const cleanedUp = { count: 0 };
  const streams = new StreamRegistry({
    limits: { perUser: options.perUser ?? 3, perInstance: options.perInstance ?? 100 },
    recheckMs: 50,
  });
  const sync = new Hono<AuthedEnv>().use(requireUser).get('/stream', (c) =>
    streamSSE(c, async (stream) => {
      await stream.writeSSE({ event: 'hello', data: 'RESYNC' });
      await new Promise<void>((resolve) =>
        stream.onAbort(() => {
          cleanedUp.count += 1;
          resolve();
        }),
      );
    }),
  );
  const t = makeTestApp(logins, { apiRoutes: { sync }, streams });
  return { ...t, streams, cleanedUp };
}

async function signIn(app: ReturnType<typeof makeTestApp>['app'], email: string) {
  const jar = new CookieJar();
  expect((await login(app, email, undefined, { jar })).status).toBe(200);
  return jar;
}

const open = (app: ReturnType<typeof makeTestApp>['app'], jar: CookieJar) =>
  app.request('/api/sync/stream', { headers: { cookie: jar.header() } });

/** Everything the stream sends until it ends (fails the test if it does not end within `ms`). */
async function readToEnd(res: Response, ms = 3_000): Promise<string> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const deadline = Date.now() + ms;
  for (;;) {
    const left = deadline - Date.now();
    const next = await Promise.race([
      reader.read(),
      new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), Math.max(0, left))),
    ]);
    if (next === 'timeout') throw new Error(`stream still open after ${ms} ms: ${text}`);
    if (next.done) return text;
    text += decoder.decode(next.value);
  }
}

const RECONNECT = (reason: string) => `retry: 1000\nevent: reconnect\ndata: {"reason":"${reason}"}\n\n`;

describe('event stream caps', () => {
  it('refuses a user past the per-user cap with 429 and the error shape, until one of theirs closes', async () => {
    const { app, streams } = setup({ perUser: 3 });
    const maria = await signIn(app, 'maria@arco.example');
    const mine = await Promise.all([1, 2, 3].map(() => open(app, maria)));
    expect(mine.map((r) => r.status)).toEqual([200, 200, 200]);

    const refused = await open(app, maria);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('30');
    expect(await refused.json()).toEqual({
      error: {
        code: 'rate_limited',
        message: 'Too many open live connections for this account (at most 3). Close other tabs or devices.',
        details: { retryAfterSeconds: 30 },
      },
    });
    // Another user is not affected.
    const admin = await signIn(app, 'admin@arco.example');
    expect((await open(app, admin)).status).toBe(200);

    await mine[0]!.body!.cancel();
    expect(streams.size).toBe(3);
    expect((await open(app, maria)).status).toBe(200);
  });

  it('refuses anyone past the per-instance cap', async () => {
    const { app } = setup({ perUser: 10, perInstance: 2 });
    const maria = await signIn(app, 'maria@arco.example');
    const admin = await signIn(app, 'admin@arco.example');
    expect((await open(app, maria)).status).toBe(200);
    expect((await open(app, admin)).status).toBe(200);
    const refused = await open(app, admin);
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toBe(
      'This server has too many open live connections. Try again later.',
    );
  });

  it('does not count refused or failed streams (no session → 401, nothing held)', async () => {
    const { app, streams } = setup();
    expect((await app.request('/api/sync/stream')).status).toBe(401);
    expect(streams.size).toBe(0);
  });
});

describe('event streams end with their session', () => {
  it('sign-out ends the session’s streams at once with a reconnect hint, and the handler cleans up', async () => {
    const { app, streams, cleanedUp } = setup();
    const maria = await signIn(app, 'maria@arco.example');
    const other = await signIn(app, 'maria@arco.example'); // another browser: its own session
    const stream = await open(app, maria);
    const kept = await open(app, other);
    const logout = await app.request('/api/auth/logout', {
      method: 'POST',
      headers: jsonHeaders({ cookie: maria.header() }),
    });
    expect(logout.status).toBe(204);
    const text = await readToEnd(stream, 1_000);
    expect(text.startsWith('event: hello\ndata: RESYNC\n\n')).toBe(true);
    expect(text.endsWith(RECONNECT('session_ended'))).toBe(true);
    expect(cleanedUp.count).toBe(1);
    expect(streams.size).toBe(1);
    await kept.body!.cancel();
  });

  it('a user disabled elsewhere loses their streams within the re-check interval', async () => {
    const { app, store } = setup();
    const maria = await signIn(app, 'maria@arco.example');
    const stream = await open(app, maria);
    store.setDisabled(TEST_USERS[1]!.id, true);
    expect((await readToEnd(stream, 2_000)).endsWith(RECONNECT('session_ended'))).toBe(true);
  });

  it('an expired session loses its streams within the re-check interval', async () => {
    const { app, clock, config } = setup();
    const maria = await signIn(app, 'maria@arco.example');
    const stream = await open(app, maria);
    clock.advance(config.session.absoluteMs + 1);
    expect((await readToEnd(stream, 2_000)).endsWith(RECONNECT('session_ended'))).toBe(true);
  });

  it('shutdown ends every stream with the reconnect hint', async () => {
    const { app, streams } = setup();
    const maria = await signIn(app, 'maria@arco.example');
    const admin = await signIn(app, 'admin@arco.example');
    const all = [await open(app, maria), await open(app, admin)];
    streams.endAll('shutdown');
    for (const res of all) expect((await readToEnd(res, 1_000)).endsWith(RECONNECT('shutdown'))).toBe(true);
    expect(streams.size).toBe(0);
  });
});
