import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from './config.ts';
import { createLogger } from './logger.ts';
import { DEMO_LOGINS, DEMO_PASSWORD, startServer, type RunningServer } from './main.ts';
import { seedDemoData } from './seed/index.ts';
import { LOGIN_THROTTLE } from './auth/login-throttle.ts';
import { createTestDatabase, type TestDatabase } from './db/testing.ts';

/**
 * The real server (startServer: migrations, PgAuthStore, @hono/node-server) over real sockets against
 * PostgreSQL (embedded PGlite, or DATABASE_URL): the demo logins, sessions and throttling end to end.
 */
let t: TestDatabase;
let running: RunningServer;
let second: RunningServer;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoData(t.db, { log: () => undefined });
  const logger = createLogger({ level: 'silent' });
  const config = testConfig({ port: 0, host: '127.0.0.1', trustProxy: 0 });
  running = await startServer({ config, logger, db: t.db, seed: false, staticRoot: null });
  // A second instance on the same database: sessions and throttling must be shared (docs/scaling.md).
  second = await startServer({ config, logger, db: t.db, seed: false, staticRoot: null });
  // Loading the full demo data (what `npm start` does) takes tens of seconds on the embedded database.
}, 300_000);

afterAll(async () => {
  await running?.close();
  await second?.close();
  await t?.close();
});

const sessionCookie = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('arco_session='));

function post(server: RunningServer, path: string, body: unknown, cookie?: string) {
  return fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url, ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
}

describe('the running server', () => {
  it('answers GET /api/health with {"ok":true}', async () => {
    const res = await fetch(`${running.url}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it.each(DEMO_LOGINS.map((l) => [l.email]))('signs in %s, serves /me, and signs out', async (email) => {
    const login = await post(running, '/api/auth/login', { email, password: DEMO_PASSWORD });
    expect(login.status).toBe(200);
    const { user } = (await login.json()) as {
      user: { email: string; role: string; customerId: string | null };
    };
    expect(user.email).toBe(email);
    expect(user.role).toBe(
      email.startsWith('admin') ? 'admin' : email.startsWith('cliente') ? 'client' : 'csm',
    );
    expect(user.customerId === null).toBe(user.role !== 'client');
    const cookie = sessionCookie(login)!;
    expect(cookie).toMatch(/^arco_session=[A-Za-z0-9_-]{43}$/);

    // The session lives in the database: the other instance knows it too.
    const me = await fetch(`${second.url}/api/auth/me`, { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { user: { email: string } }).user.email).toBe(email);

    const logout = await post(running, '/api/auth/logout', {}, cookie);
    expect(logout.status).toBe(204);
    expect((await fetch(`${second.url}/api/auth/me`, { headers: { cookie } })).status).toBe(401);
  });

  it('refuses a wrong password with 401', async () => {
    const res = await post(running, '/api/auth/login', { email: 'maria@arco.example', password: 'nope' });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      error: { code: 'unauthorized', message: 'Incorrect email or password.' },
    });
  });

  it('kills the sessions of a user who is disabled', async () => {
    const login = await post(running, '/api/auth/login', {
      email: 'joao@arco.example',
      password: DEMO_PASSWORD,
    });
    const cookie = sessionCookie(login)!;
    await t.db.privileged((c) =>
      c.query(`UPDATE users SET disabled_at = now() WHERE email = 'joao@arco.example'`),
    );
    try {
      expect((await fetch(`${running.url}/api/auth/me`, { headers: { cookie } })).status).toBe(401);
      const again = await post(running, '/api/auth/login', {
        email: 'joao@arco.example',
        password: DEMO_PASSWORD,
      });
      expect(again.status).toBe(401);
    } finally {
      await t.db.privileged((c) =>
        c.query(`UPDATE users SET disabled_at = NULL WHERE email = 'joao@arco.example'`),
      );
    }
    expect((await fetch(`${running.url}/api/auth/me`, { headers: { cookie } })).status).toBe(401);
  });

  it('throttles failed sign-ins across instances (counted in the database)', async () => {
    const email = 'admin@outra.example';
    for (let i = 0; i < LOGIN_THROTTLE.perAccountAndSource; i++) {
      const instance = i % 2 === 0 ? running : second;
      expect((await post(instance, '/api/auth/login', { email, password: `wrong-${i}` })).status).toBe(401);
    }
    const blocked = await post(second, '/api/auth/login', { email, password: DEMO_PASSWORD });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
