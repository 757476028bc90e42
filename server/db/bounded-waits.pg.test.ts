import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { testConfig } from '../config.ts';
import { createLogger } from '../logger.ts';
import { PgAuthStore } from '../auth/pg-store.ts';
import { directoryRoutes } from '../directory/routes.ts';
import { CookieJar, login } from '../http/testing.ts';
import { createDatabase, type Database } from './database.ts';
import { switchableProxy, type SwitchableProxy } from './fault-servers.ts';
import { probeDatabase } from './health-probe.ts';
import { createSignInUsers, createTestDatabase, createTestTenant, type TestDatabase } from './testing.ts';

/**
 * Bounded database waits over HTTP (issue 15, item 3): while the database refuses connections, or a table every
 * signed-in request reads is locked, requests answer 503 `unavailable` within the bounds and `/api/health`
 * says so; once the database serves again, so do they. The app reaches the database through a loopback proxy
 * that can refuse connections.
 */
const PASSWORD = 'senha-limites';
const LOCK_MS = 500;
const STATEMENT_MS = 2_000;

let t: TestDatabase;
let proxy: SwitchableProxy;
let db: Database;
beforeAll(async () => {
  t = await createTestDatabase();
  proxy = await switchableProxy(t.db.ownerConnectionString);
  db = await createDatabase({
    url: proxy.url(),
    poolSize: t.kind === 'embedded' ? 1 : 4,
    timeouts: { connectMs: 1_000, statementMs: STATEMENT_MS, lockMs: LOCK_MS },
  });
});
afterAll(async () => {
  await db.close();
  await proxy.close();
  await t.close();
});

let app: ReturnType<typeof createApp>;
const jar = new CookieJar();
beforeEach(async () => {
  await t.truncateAll();
  const { organizationId } = await createTestTenant(t.db);
  await createSignInUsers(t.db, PASSWORD, [
    { organizationId, email: 'ops@limites.example', name: 'Ops', role: 'admin' },
  ]);
  app = createApp({
    config: testConfig({ trustProxy: 1 }),
    logger: createLogger({ level: 'silent' }),
    auth: new PgAuthStore(db),
    health: { check: () => probeDatabase(db) },
    apiRoutes: { directory: directoryRoutes(db) },
  });
  expect((await login(app, 'ops@limites.example', PASSWORD, { jar })).status).toBe(200);
});

const get = (path: string) => app.request(path, { headers: { cookie: jar.header() } });

async function expectUnavailable(res: Response) {
  expect(res.status).toBe(503);
  expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unavailable');
}

describe('bounded database waits over HTTP', () => {
  it('answers 503 unavailable (with Retry-After) while the database refuses connections, and recovers', async () => {
    await proxy.refuse();
    try {
      const directory = await get('/api/directory');
      expect(directory.headers.get('retry-after')).toBe('5');
      await expectUnavailable(directory);
      await expectUnavailable(await get('/api/auth/me'));
      await expectUnavailable(await login(app, 'ops@limites.example', PASSWORD));
      await expectUnavailable(await get('/api/health'));
    } finally {
      await proxy.accept();
    }
    expect((await get('/api/directory')).status).toBe(200);
    expect((await get('/api/health')).status).toBe(200);
  });

  it('answers 503 within the lock bound while the sessions table is locked; health says so too', async () => {
    const locker = new pg.Client({ connectionString: t.db.ownerConnectionString });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE sessions IN ACCESS EXCLUSIVE MODE');
      const started = Date.now();
      await expectUnavailable(await get('/api/directory'));
      const waited = Date.now() - started;
      // PGlite serves one transaction at a time: there the client-side bound (statement + slack) applies.
      expect(waited).toBeLessThan(t.kind === 'embedded' ? 3 * (STATEMENT_MS + 2_000) : LOCK_MS + 1_500);
      await expectUnavailable(await get('/api/health'));
    } finally {
      await locker.query('ROLLBACK').catch(() => undefined);
      await locker.end();
    }
    expect((await get('/api/directory')).status).toBe(200);
    expect((await get('/api/health')).status).toBe(200);
  });

  it('ends a statement that runs past the statement bound as unavailable', async () => {
    // PGlite cannot interrupt a running statement (no statement_timeout): there the client-side bound answers,
    // and the backend stays busy until the sleep ends, so it sleeps less.
    const seconds = t.kind === 'embedded' ? 6 : 30;
    const started = Date.now();
    const error = await db.query(`SELECT pg_sleep(${seconds})`).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(t.kind === 'embedded' ? 9_000 : STATEMENT_MS + 1_500);
    expect(error).toMatchObject({ code: 'unavailable' });
    expect((await db.query<{ one: number }>('SELECT 1 AS one')).rows[0]?.one).toBe(1);
  });
});
