import { Writable } from 'node:stream';
import type { Hono } from 'hono';
import { createApp, type AppDeps } from '../app.ts';
import { testConfig, type Config } from '../config.ts';
import { createLogger } from '../logger.ts';
import { MemoryAuthStore } from '../auth/memory-store.ts';
import { hashPassword, verifyPassword } from '../auth/passwords.ts';
import type { LoginRecord } from '../auth/store.ts';
import type { SignedInUser } from '../../shared/identity.ts';
import type { AppEnv, Clock } from './context.ts';

/**
 * Test helpers for route tests through `app.request()` (no sockets): an app over the in-memory store with a
 * controllable clock, captured log lines, a tiny cookie jar and request builders that look like the PWA's own
 * fetches (same-origin `Origin`, JSON).
 */

/** `app.request('/x')` resolves against http://localhost, so that is "our" origin in tests. */
export const TEST_ORIGIN = 'http://localhost';
export const TEST_PASSWORD = 'arco-demo';

export interface TestClock extends Clock {
  advance(ms: number): void;
  set(at: Date): void;
}

export function testClock(start = new Date('2026-03-02T12:00:00.000Z')): TestClock {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance: (ms) => {
      now += ms;
    },
    set: (at) => {
      now = at.getTime();
    },
  };
}

export const ORG_ID = '0190a000-0000-7000-8000-000000000001';
export const OTHER_ORG_ID = '0190a000-0000-7000-8000-000000000002';
export const TECHCORP_ID = '0190a000-0000-7000-8000-0000000000c1';

export const TEST_USERS: readonly SignedInUser[] = [
  user('00000000-0000-7000-8000-00000000000a', 'admin@arco.example', 'Ana Admin', 'admin', ORG_ID, null),
  user('00000000-0000-7000-8000-00000000000b', 'maria@arco.example', 'Maria Santos', 'csm', ORG_ID, null),
  user(
    '00000000-0000-7000-8000-00000000000c',
    'cliente@techcorp.example',
    'Carla Cliente',
    'client',
    ORG_ID,
    TECHCORP_ID,
  ),
  user(
    '00000000-0000-7000-8000-00000000000d',
    'admin@outra.example',
    'Otto Outra',
    'admin',
    OTHER_ORG_ID,
    null,
  ),
];

function user(
  id: string,
  email: string,
  name: string,
  role: SignedInUser['role'],
  organizationId: string,
  customerId: string | null,
): SignedInUser {
  return {
    id,
    email,
    name,
    role,
    organizationId,
    customerId,
    locale: 'pt-BR',
    timeZone: 'America/Sao_Paulo',
  };
}

/** Argon2 is deliberately slow: hash the shared password once per test file. */
export async function testLogins(users: readonly SignedInUser[] = TEST_USERS): Promise<LoginRecord[]> {
  const passwordHash = await hashPassword(TEST_PASSWORD);
  return users.map((u) => ({ user: u, passwordHash, disabled: false }));
}

export interface TestApp {
  readonly app: Hono<AppEnv>;
  readonly store: MemoryAuthStore;
  readonly clock: TestClock;
  readonly config: Config;
  /** Every JSON log line written so far. */
  readonly logs: string[];
}

export function makeTestApp(
  logins: readonly LoginRecord[],
  overrides: { config?: Partial<Config> } & Partial<Omit<AppDeps, 'config' | 'logger' | 'auth'>> = {},
): TestApp {
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      logs.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  // trustProxy 1 lets tests choose the client address with X-Forwarded-For.
  const config = testConfig({ trustProxy: 1, ...overrides.config });
  const store = new MemoryAuthStore(logins);
  const clock = overrides.clock ? (overrides.clock as TestClock) : testClock();
  const app = createApp({
    health: { check: async () => undefined },
    ...overrides,
    config,
    clock,
    auth: store,
    logger: createLogger({ level: 'debug' }, sink),
  });
  return { app, store, clock, config, logs };
}

/** Headers of a same-origin JSON request from the PWA. */
export function jsonHeaders(
  opts: { cookie?: string; ip?: string; origin?: string | null } = {},
): Record<string, string> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (opts.origin !== null) headers.origin = opts.origin ?? TEST_ORIGIN;
  if (opts.cookie) headers.cookie = opts.cookie;
  if (opts.ip) headers['x-forwarded-for'] = opts.ip;
  return headers;
}

/** Name=value pairs a browser would store from this response (an empty value/Max-Age=0 deletes). */
export function setCookies(res: Response): Map<string, { value: string; attributes: string[] }> {
  const out = new Map<string, { value: string; attributes: string[] }>();
  for (const line of res.headers.getSetCookie()) {
    const [pair = '', ...attributes] = line.split(';').map((s) => s.trim());
    const eq = pair.indexOf('=');
    out.set(pair.slice(0, eq), { value: pair.slice(eq + 1), attributes });
  }
  return out;
}

/** A minimal browser cookie jar. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  store(res: Response): void {
    for (const [name, { value, attributes }] of setCookies(res)) {
      if (value === '' || attributes.some((a) => /^max-age=0$/i.test(a))) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }

  set(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/** Signs in through the API like the PWA does. */
export async function login(
  app: Hono<AppEnv>,
  email: string,
  password = TEST_PASSWORD,
  opts: { jar?: CookieJar; ip?: string } = {},
): Promise<Response> {
  const res = await app.request('/api/auth/login', {
    method: 'POST',
    headers: jsonHeaders({ cookie: opts.jar?.header(), ip: opts.ip ?? '203.0.113.10' }),
    body: JSON.stringify({ email, password }),
  });
  opts.jar?.store(res);
  return res;
}

/** Anything that answers a request like a Hono app (`app.request`) — an app, or a wrapper around a real server. */
export interface RequestTarget {
  request(path: string, init: RequestInit): Response | Promise<Response>;
}

/**
 * Signs in through `/api/auth/login` as the PWA does (same-origin JSON) and returns the `Cookie` header the
 * browser would send next; throws with the answer unless the sign-in succeeded. `previousCookie` is an earlier
 * session of the same browser.
 */
export async function signedInCookie(
  target: RequestTarget,
  credentials: { email: string | undefined; password: string; origin: string; previousCookie?: string },
): Promise<string> {
  const { email, password, origin, previousCookie } = credentials;
  // Tests look e-mails up in a map of the users they seeded: a miss is the test's mistake, said plainly.
  if (email === undefined) throw new Error('signedInCookie: no e-mail to sign in with');
  const res = await target.request('/api/auth/login', {
    method: 'POST',
    headers: jsonHeaders({ origin, cookie: previousCookie }),
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in as ${email}: ${res.status} ${await res.text()}`);
  return [...setCookies(res)].map(([name, { value }]) => `${name}=${value}`).join('; ');
}

/** The real argon2 password check, counting its calls (sign-in bursts: how many guesses were really tried). */
export function countingVerifier(): {
  readonly verify: typeof verifyPassword;
  readonly calls: () => number;
} {
  let calls = 0;
  return {
    verify: (storedHash, password) => {
      calls += 1;
      return verifyPassword(storedHash, password);
    },
    calls: () => calls,
  };
}

/**
 * Sends all sign-ins at once (round-robin over `apps`, e.g. two server instances on one database) and returns
 * their statuses, sorted.
 */
export async function loginBurst(
  apps: readonly Hono<AppEnv>[],
  attempts: readonly { email: string; password: string; ip: string }[],
): Promise<number[]> {
  const responses = await Promise.all(
    attempts.map((a, i) => login(apps[i % apps.length]!, a.email, a.password, { ip: a.ip })),
  );
  return responses.map((r) => r.status).sort((a, b) => a - b);
}
