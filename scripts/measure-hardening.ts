/**
 * The figures of issue 15 ("Hardening"), items 2, 3 and 5, each beside a baseline measured in the same run with
 * the protection turned off (the behaviour before the fix):
 *
 * - sign-in bursts: 60 parallel wrong passwords for one account and 120 parallel sign-ins to different accounts
 *   from one address, across two app instances on one database — password checks (argon2 verifications,
 *   counted) against the limits;
 * - a 15 s ACCESS EXCLUSIVE lock on `sessions`: the latency and status of signed-in requests and of
 *   `/api/health` meanwhile (default bounds vs unbounded waits and a `SELECT 1` health check);
 * - 1,000 stream attempts from one session: streams admitted, server sockets open and the process's file
 *   handles and memory (default caps vs uncapped).
 *
 *   npx tsx scripts/measure-hardening.ts                       # embedded PGlite
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx scripts/measure-hardening.ts
 *
 * Everything runs on loopback and stops by itself; the real-server lock figures need DATABASE_URL (PGlite
 * serves one transaction at a time, so a lock there holds everything until the client-side bound).
 */
import { readdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import pg from 'pg';
import { createApp } from '../server/app.ts';
import { PgAuthStore } from '../server/auth/pg-store.ts';
import { testConfig } from '../server/config.ts';
import { createDatabase, type Database } from '../server/db/database.ts';
import { probeDatabase } from '../server/db/health-probe.ts';
import {
  createSignInUsers,
  createTestDatabase,
  createTestTenant,
  type TestDatabase,
} from '../server/db/testing.ts';
import { directoryRoutes } from '../server/directory/routes.ts';
import { StreamRegistry } from '../server/http/streams.ts';
import { countingVerifier } from '../server/http/testing.ts';
import { createLogger } from '../server/logger.ts';
import { openChangeFeed } from '../server/sync/change-feed.ts';
import { createSyncApp } from '../server/sync/sync-app.ts';

const PASSWORD = 'senha-medida';
const LOCK_SECONDS = 15;
const STREAM_ATTEMPTS = 1_000;
const log = (line: string) => console.log(line);

interface Instance {
  readonly origin: string;
  readonly server: Server;
  readonly streams: StreamRegistry;
}

async function main(): Promise<void> {
  const t = await createTestDatabase();
  const opened: { close(): Promise<void> }[] = [];
  try {
    const { organizationId } = await createTestTenant(t.db);
    await createSignInUsers(t.db, PASSWORD, [
      { organizationId, email: 'vitima@medida.example', name: 'Vítima', role: 'csm' },
      { organizationId, email: 'ops@medida.example', name: 'Ops', role: 'admin' },
    ]);
    log(`database: ${t.kind}`);
    await bursts(t, opened);
    await streams(t, opened);
    if (t.kind === 'postgres') await tableLock(t, opened);
    else log('\n(table lock: run with DATABASE_URL for a real server)');
  } finally {
    for (const o of opened.reverse()) await o.close();
    await t.close();
  }
}

/** A database of its own to the test database, with the given bounds. */
async function openDb(t: TestDatabase, timeouts: Parameters<typeof createDatabase>[0] = {}) {
  return createDatabase({
    url: t.db.ownerConnectionString,
    ...(t.kind === 'embedded' ? { poolSize: 1 } : {}),
    ...timeouts,
  });
}

async function instance(
  db: Database,
  opened: { close(): Promise<void> }[],
  options: {
    verify?: ReturnType<typeof countingVerifier>['verify'];
    perUser?: number;
    probe?: 'probe' | 'select1';
  } = {},
): Promise<Instance> {
  const feed = await openChangeFeed(db, () => undefined);
  const streams = new StreamRegistry({ limits: { perUser: options.perUser ?? 10, perInstance: 100_000 } });
  const app = createApp({
    config: testConfig({ trustProxy: 1 }),
    logger: createLogger({ level: 'silent' }),
    auth: new PgAuthStore(db),
    streams,
    health: {
      check:
        options.probe === 'select1' ? async () => void (await db.query('SELECT 1')) : () => probeDatabase(db),
    },
    apiRoutes: {
      directory: directoryRoutes(db),
      sync: createSyncApp({ db, feed: feed.feed, clock: () => new Date() }),
    },
    ...(options.verify ? { verifyPassword: options.verify } : {}),
  });
  const server = await new Promise<Server>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s as Server));
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  opened.push({
    async close() {
      streams.endAll('shutdown');
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      await feed.close();
    },
  });
  return { origin, server, streams };
}

const signInBody = (email: string, password: string, ip: string, origin: string): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', origin, 'x-forwarded-for': ip },
  body: JSON.stringify({ email, password }),
});

async function signIn(origin: string, email = 'ops@medida.example'): Promise<string> {
  const res = await fetch(`${origin}/api/auth/login`, signInBody(email, PASSWORD, '198.51.100.1', origin));
  if (res.status !== 200) throw new Error(`sign-in answered ${res.status}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

const tally = (statuses: number[]) =>
  Object.entries(
    statuses.reduce<Record<number, number>>((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {}),
  )
    .map(([status, n]) => `${n}× ${status}`)
    .join(', ');

async function bursts(t: TestDatabase, opened: { close(): Promise<void> }[]): Promise<void> {
  log('\n## Sign-in bursts (two instances on one database)');
  const dbs = [
    await openDb(t),
    await openDb(t, t.kind === 'embedded' ? { timeouts: { connectMs: 60_000 } } : {}),
  ];
  opened.push({ close: async () => void (await Promise.all(dbs.map((d) => d.close()))) });
  const cases = [
    {
      name: '60 parallel wrong passwords, one account, one address',
      limit: 5,
      attempts: Array.from({ length: 60 }, (_, i) => ({
        email: 'vitima@medida.example',
        password: `errada-${i}`,
        ip: '192.0.2.7',
      })),
    },
    {
      name: '120 parallel sign-ins, 120 accounts, one address',
      limit: 50,
      attempts: Array.from({ length: 120 }, (_, i) => ({
        email: `conta${i}@medida.example`,
        password: 'errada',
        ip: '192.0.2.8',
      })),
    },
  ];
  for (const c of cases) {
    await t.db.privileged((q) => q.query('DELETE FROM login_attempts'));
    const counter = countingVerifier();
    const apps = await Promise.all(dbs.map((db) => instance(db, opened, { verify: counter.verify })));
    const started = performance.now();
    const statuses = await Promise.all(
      c.attempts.map(async (a, i) => {
        const origin = apps[i % apps.length]!.origin;
        return (await fetch(`${origin}/api/auth/login`, signInBody(a.email, a.password, a.ip, origin)))
          .status;
      }),
    );
    const ms = Math.round(performance.now() - started);
    log(`- ${c.name}: ${counter.calls()} password checks (limit ${c.limit}); ${tally(statuses)}; ${ms} ms`);
  }
}

async function streams(t: TestDatabase, opened: { close(): Promise<void> }[]): Promise<void> {
  log(`\n## ${STREAM_ATTEMPTS} stream attempts from one session`);
  const db = await openDb(t, t.kind === 'embedded' ? { timeouts: { connectMs: 60_000 } } : {});
  opened.push(db);
  for (const [label, perUser] of [
    ['baseline: uncapped (before)', 100_000],
    ['STREAMS_PER_USER default (10)', 10],
  ] as const) {
    const app = await instance(db, opened, { perUser });
    const cookie = await signIn(app.origin);
    global.gc?.();
    const before = { rss: process.memoryUsage().rss, fds: readdirSync('/proc/self/fd').length };
    const responses: Response[] = [];
    for (let i = 0; i < STREAM_ATTEMPTS; i += 50) {
      responses.push(
        ...(await Promise.all(
          Array.from({ length: 50 }, () => fetch(`${app.origin}/api/sync/stream`, { headers: { cookie } })),
        )),
      );
    }
    // Refused ones are read to the end (their sockets go back to the pool); admitted ones stay open.
    for (const r of responses) if (r.status !== 200) await r.arrayBuffer();
    await new Promise((r) => setTimeout(r, 500));
    const connections = await new Promise<number>((r) => app.server.getConnections((_, n) => r(n)));
    const after = { rss: process.memoryUsage().rss, fds: readdirSync('/proc/self/fd').length };
    log(
      `- ${label}: ${tally(responses.map((r) => r.status))}; open streams ${app.streams.size}; ` +
        `server sockets ${connections}; process file handles +${after.fds - before.fds}; ` +
        `RSS +${Math.round((after.rss - before.rss) / 2 ** 20)} MiB (client and server share this process)`,
    );
    for (const r of responses) if (r.status === 200) await r.body?.cancel();
    app.streams.endAll('shutdown');
  }
}

async function tableLock(t: TestDatabase, opened: { close(): Promise<void> }[]): Promise<void> {
  log(`\n## Signed-in requests during a ${LOCK_SECONDS} s ACCESS EXCLUSIVE lock on sessions`);
  const unbounded = { connectMs: 600_000, statementMs: 3_600_000, lockMs: 3_600_000 };
  for (const [label, timeouts, probe] of [
    ['baseline: no bounds, health = SELECT 1 (before)', unbounded, 'select1'],
    ['default bounds (connect 5 s, statement 10 s, lock 3 s), health probe', {}, 'probe'],
  ] as const) {
    const db = await openDb(t, { timeouts });
    opened.push(db);
    const app = await instance(db, opened, { probe });
    const cookie = await signIn(app.origin);
    const locker = new pg.Client({ connectionString: t.db.ownerConnectionString });
    await locker.connect();
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE sessions IN ACCESS EXCLUSIVE MODE');
    const release = setTimeout(() => void locker.query('ROLLBACK'), LOCK_SECONDS * 1000);
    const timed = async (path: string, headers: Record<string, string> = {}) => {
      const started = performance.now();
      const res = await fetch(`${app.origin}${path}`, { headers });
      await res.arrayBuffer();
      return { status: res.status, ms: Math.round(performance.now() - started) };
    };
    const results = await Promise.all([
      ...Array.from({ length: 10 }, () => timed('/api/directory', { cookie })),
      timed('/api/health'),
    ]);
    await new Promise((r) => setTimeout(r, LOCK_SECONDS * 1000 + 200));
    clearTimeout(release);
    await locker.end();
    const requests = results.slice(0, -1);
    const health = results.at(-1)!;
    const ms = requests.map((r) => r.ms).sort((a, b) => a - b);
    log(
      `- ${label}: 10 × GET /api/directory → ${tally(requests.map((r) => r.status))}, ` +
        `latency median ${ms[5]} ms, max ${ms[9]} ms; GET /api/health → ${health.status} in ${health.ms} ms`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
