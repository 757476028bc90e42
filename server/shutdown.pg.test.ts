import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from './db/database.ts';
import { createSignInUsers, createTestDatabase, createTestTenant, type TestDatabase } from './db/testing.ts';

/**
 * Graceful shutdown of the real server process (issue 15, item 6): SIGTERM to its process group — the way a
 * process manager stops `npm start`, whose wrapper forwards the signal too — lets a request in flight finish,
 * ends open event streams with a reconnect hint (`retry:` + `event: reconnect`), stops taking connections and
 * exits 0 within the grace period.
 */
const ROOT = resolve(import.meta.dirname, '..');
const PASSWORD = 'senha-desligar';
const EMAIL = 'ops@desligar.example';
const GRACE_MS = 4_000;

let t: TestDatabase | null = null;
let dataDir: string | null = null;
let env: Record<string, string>;

/** A database with one user who can sign in (and so no demo data to load at start). */
async function prepare(db: Database): Promise<void> {
  const { organizationId } = await createTestTenant(db);
  await createSignInUsers(db, PASSWORD, [{ organizationId, email: EMAIL, name: 'Ops', role: 'admin' }]);
}

beforeAll(async () => {
  if (process.env.DATABASE_URL) {
    t = await createTestDatabase();
    await prepare(t.db);
    env = { DATABASE_URL: t.db.ownerConnectionString };
  } else {
    // The server's own embedded database, prepared before it starts (one process per data directory).
    dataDir = await mkdtemp(join(tmpdir(), 'arco-shutdown-'));
    const db = await createDatabase({ dataDir: join(dataDir, 'pglite') });
    try {
      await db.migrate();
      await prepare(db);
    } finally {
      await db.close();
    }
    env = { DATABASE_URL: '', DATA_DIR: dataDir };
  }
});
afterAll(async () => {
  await t?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((done, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? done(address.port) : reject(new Error('no port')),
      );
    });
  });
}

interface Started {
  readonly child: ChildProcess;
  readonly origin: string;
  readonly exited: Promise<number | null>;
  output(): string;
}

async function startServer(): Promise<Started> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      SHUTDOWN_GRACE_MS: String(GRACE_MS),
      ...env,
    },
    detached: true, // its own process group, signalled as a whole like a process manager does
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${log}`);
    if (Date.now() > deadline) throw new Error(`server did not become healthy:\n${log}`);
    const ok = await fetch(`${origin}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  return { child, origin, exited, output: () => log };
}

const killGroup = (child: ChildProcess, signal: NodeJS.Signals) => {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // already gone
  }
};

/** A sign-in whose body arrives in two parts, `gapMs` apart: in flight for that long. */
function slowSignIn(origin: string, gapMs: number): { sent: Promise<void>; status: Promise<number> } {
  const body = JSON.stringify({ email: EMAIL, password: 'not-the-password' });
  const url = new URL('/api/auth/login', origin);
  let sent!: () => void;
  const sentPromise = new Promise<void>((r) => (sent = r));
  const status = new Promise<number>((resolveStatus, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin, 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolveStatus(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.write(body.slice(0, 10), () => sent());
    setTimeout(() => req.end(body.slice(10)), gapMs);
  });
  return { sent: sentPromise, status };
}

describe('graceful shutdown of the server process', () => {
  it('finishes a request in flight, ends streams with a reconnect hint, refuses new work and exits 0', async () => {
    const server = await startServer();
    try {
      const signIn = await fetch(`${server.origin}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: server.origin },
        body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
      });
      expect(signIn.status).toBe(200);
      const cookie = signIn.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      const stream = await fetch(`${server.origin}/api/sync/stream`, { headers: { cookie } });
      expect(stream.status).toBe(200);
      const reader = stream.body!.getReader();
      const first = new TextDecoder().decode((await reader.read()).value);
      expect(first).toContain('RESYNC');

      const inFlight = slowSignIn(server.origin, 1_500);
      await inFlight.sent;
      const signalledAt = Date.now();
      // The process manager signals the group, and `npm start`'s wrapper forwards the same signal.
      killGroup(server.child, 'SIGTERM');
      killGroup(server.child, 'SIGTERM');

      let rest = '';
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        rest += new TextDecoder().decode(value);
      }
      expect(rest).toMatch(/retry: \d+\nevent: reconnect\ndata: \{"reason":"shutdown"\}\n\n$/);
      expect(Date.now() - signalledAt).toBeLessThan(1_000);

      // Not listening any more, while the request in flight is still being answered.
      await expect(fetch(`${server.origin}/api/health`)).rejects.toThrow();
      expect(await inFlight.status).toBe(401);

      expect(await server.exited).toBe(0);
      expect(Date.now() - signalledAt).toBeLessThan(GRACE_MS + 5_000);
      expect(server.output()).not.toMatch(/second signal|shutdown failed/);
    } finally {
      killGroup(server.child, 'SIGKILL');
    }
  });
});
