import { createHash } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LoginRecord } from './store.ts';
import { LOGIN_THROTTLE } from './login-throttle.ts';
import { ARGON2_POLICY } from './passwords.ts';
import {
  CookieJar,
  TEST_PASSWORD,
  countingVerifier,
  loginBurst,
  TEST_USERS,
  jsonHeaders,
  login,
  makeTestApp,
  setCookies,
  testLogins,
} from '../http/testing.ts';

let logins: LoginRecord[];
beforeAll(async () => {
  logins = await testLogins();
});

const MARIA = TEST_USERS[1]!;
const SESSION = 'arco_session';
const DEVICE = 'arco_device';
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const me = (app: ReturnType<typeof makeTestApp>['app'], jar: CookieJar) =>
  app.request('/api/auth/me', { headers: { cookie: jar.header() } });

describe('POST /api/auth/login', () => {
  it('signs in: 200 with the user profile and an HttpOnly, SameSite=Lax session cookie', async () => {
    const { app } = makeTestApp(logins);
    const res = await login(app, 'maria@arco.example');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      user: {
        id: MARIA.id,
        email: 'maria@arco.example',
        name: 'Maria Santos',
        role: 'csm',
        organizationId: MARIA.organizationId,
        customerId: null,
        locale: 'pt-BR',
        timeZone: 'America/Sao_Paulo',
      },
    });
    const cookie = setCookies(res).get(SESSION);
    expect(cookie?.value).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 bits, base64url
    expect(cookie?.attributes).toEqual(
      expect.arrayContaining(['HttpOnly', 'SameSite=Lax', 'Path=/', `Max-Age=${30 * 24 * 60 * 60}`]),
    );
    expect(cookie?.attributes).not.toContain('Secure');
  });

  it('over HTTPS uses the __Host- prefix and Secure', async () => {
    const { app } = makeTestApp(logins, { config: { publicOrigin: 'https://arco.example.com' } });
    const res = await app.request('https://arco.example.com/api/auth/login', {
      method: 'POST',
      headers: { ...jsonHeaders({ origin: 'https://arco.example.com' }) },
      body: JSON.stringify({ email: 'maria@arco.example', password: TEST_PASSWORD }),
    });
    expect(res.status).toBe(200);
    const cookies = setCookies(res);
    expect(cookies.has(SESSION)).toBe(false);
    const session = cookies.get(`__Host-${SESSION}`);
    expect(session?.attributes).toEqual(
      expect.arrayContaining(['Secure', 'HttpOnly', 'SameSite=Lax', 'Path=/']),
    );
    expect(session?.attributes.some((a) => a.startsWith('Domain'))).toBe(false);
    expect(cookies.get(`__Host-${DEVICE}`)?.attributes).toEqual(
      expect.arrayContaining(['Secure', 'HttpOnly']),
    );
  });

  it('accepts the email in any case and with surrounding spaces', async () => {
    const { app } = makeTestApp(logins);
    expect((await login(app, '  Maria@ARCO.example ')).status).toBe(200);
  });

  it('stores only the SHA-256 of the session token', async () => {
    const { app, store } = makeTestApp(logins);
    const jar = new CookieJar();
    await login(app, 'maria@arco.example', TEST_PASSWORD, { jar });
    const token = jar.get(SESSION)!;
    expect(await store.findSession(token)).toBeNull();
    const digest = createHash('sha256').update(token).digest('hex');
    expect((await store.findSession(digest))?.user.id).toBe(MARIA.id);
  });

  it('answers unknown email, wrong password and disabled account with the same 401 body', async () => {
    const { app, store } = makeTestApp(logins);
    store.setDisabled(TEST_USERS[0]!.id, true);
    const cases = [
      ['nobody@arco.example', TEST_PASSWORD],
      ['maria@arco.example', 'wrong-password'],
      ['admin@arco.example', TEST_PASSWORD], // disabled
    ] as const;
    const bodies = [];
    for (const [email, password] of cases) {
      const res = await login(app, email, password);
      expect(res.status).toBe(401);
      expect(setCookies(res).size).toBe(0);
      bodies.push(await res.text());
    }
    expect(new Set(bodies).size).toBe(1);
    expect(JSON.parse(bodies[0]!)).toEqual({
      error: { code: 'unauthorized', message: 'Incorrect email or password.' },
    });
    // Same work on both paths: every attempt is recorded, known account or not.
    expect(store.loginAttempts().map((a) => [a.accountKey, a.succeeded])).toEqual([
      ['nobody@arco.example', false],
      ['maria@arco.example', false],
      ['admin@arco.example', false],
    ]);
  });

  it('rotates: a second sign-in from the same browser revokes the previous session', async () => {
    const { app } = makeTestApp(logins);
    const jar = new CookieJar();
    await login(app, 'maria@arco.example', TEST_PASSWORD, { jar });
    const first = jar.get(SESSION)!;
    await login(app, 'maria@arco.example', TEST_PASSWORD, { jar });
    const second = jar.get(SESSION)!;
    expect(second).not.toBe(first);
    expect((await app.request('/api/auth/me', { headers: { cookie: `${SESSION}=${first}` } })).status).toBe(
      401,
    );
    expect((await me(app, jar)).status).toBe(200);
  });

  it('re-hashes a password stored under a weaker policy after a successful sign-in', async () => {
    const weak = await hash(TEST_PASSWORD, { ...ARGON2_POLICY, memoryCost: 4096, timeCost: 1 });
    const { app, store } = makeTestApp([{ ...logins[1]!, passwordHash: weak }]);
    expect((await login(app, 'maria@arco.example')).status).toBe(200);
    const stored = (await store.findLoginByEmail('maria@arco.example'))!.passwordHash!;
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect((await login(app, 'maria@arco.example')).status).toBe(200);
  });

  it.each([
    ['missing password', { email: 'maria@arco.example' }, 'password'],
    ['not an email', { email: 'maria', password: 'x' }, 'email'],
    ['empty password', { email: 'maria@arco.example', password: '' }, 'password'],
    [
      'password over 1024 characters',
      { email: 'maria@arco.example', password: 'x'.repeat(1025) },
      'password',
    ],
  ])('rejects %s with 422 validation_failed naming the field', async (_name, body, field) => {
    const { app, store } = makeTestApp(logins);
    const res = await app.request('/api/auth/login', {
      method: 'POST',
      headers: jsonHeaders(),
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(422);
    const json = (await res.json()) as { error: { code: string; details: { issues: { path: string }[] } } };
    expect(json.error.code).toBe('validation_failed');
    expect(json.error.details.issues.map((i) => i.path)).toContain(field);
    expect(store.loginAttempts()).toHaveLength(0);
  });

  it('rejects malformed JSON with 400 and records nothing', async () => {
    const { app, store } = makeTestApp(logins);
    const res = await app.request('/api/auth/login', {
      method: 'POST',
      headers: jsonHeaders(),
      body: '{"email":"maria@arco.example","password":',
    });
    expect(res.status).toBe(400);
    const json = (await res.json()) as { error: { code: string; message: string } };
    expect(json.error.code).toBe('bad_request');
    expect(json.error.message).toMatch(/not valid JSON/);
    expect(store.loginAttempts()).toHaveLength(0);
    expect(setCookies(res).size).toBe(0);
  });

  it('rejects an empty body with 400', async () => {
    const { app } = makeTestApp(logins);
    const res = await app.request('/api/auth/login', { method: 'POST', headers: jsonHeaders(), body: '' });
    expect(res.status).toBe(400);
  });

  it('refuses a sign-in body over 8 KiB with 413, declared or chunked', async () => {
    const { app, store } = makeTestApp(logins);
    const big = JSON.stringify({ email: 'maria@arco.example', password: 'x'.repeat(9000) });
    const declared = await app.request('/api/auth/login', {
      method: 'POST',
      headers: jsonHeaders(),
      body: big,
    });
    expect(declared.status).toBe(413);
    const chunked = await app.request('/api/auth/login', {
      method: 'POST',
      headers: jsonHeaders(),
      body: streamOf(big, 1000),
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect(((await chunked.json()) as { error: { code: string } }).error.code).toBe('payload_too_large');
    expect(store.loginAttempts()).toHaveLength(0);
  });
});

describe('sessions', () => {
  it('GET /api/auth/me returns the signed-in user, and 401 without a session', async () => {
    const { app } = makeTestApp(logins);
    const jar = new CookieJar();
    await login(app, 'cliente@techcorp.example', TEST_PASSWORD, { jar });
    const res = await me(app, jar);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { user: { role: string; customerId: string } }).user).toMatchObject({
      role: 'client',
      customerId: TEST_USERS[2]!.customerId,
    });
    const anonymous = await app.request('/api/auth/me');
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({
      error: { code: 'unauthorized', message: 'Sign in to continue.' },
    });
  });

  it('rejects a forged or garbage cookie and clears it', async () => {
    const { app } = makeTestApp(logins);
    for (const value of ['x'.repeat(43), 'not-a-token', '']) {
      const res = await app.request('/api/auth/me', { headers: { cookie: `${SESSION}=${value}` } });
      expect(res.status).toBe(401);
    }
    const res = await app.request('/api/auth/me', { headers: { cookie: `${SESSION}=${'x'.repeat(43)}` } });
    expect(setCookies(res).get(SESSION)?.attributes).toContain('Max-Age=0');
  });

  it('expires after the idle timeout, but activity keeps it alive', async () => {
    const { app, clock, config } = makeTestApp(logins);
    const jar = new CookieJar();
    await login(app, 'maria@arco.example', TEST_PASSWORD, { jar });
    const idle = config.session.idleMs;
    clock.advance(idle - MINUTE);
    expect((await me(app, jar)).status).toBe(200); // activity moves the idle expiry
    clock.advance(idle - MINUTE);
    expect((await me(app, jar)).status).toBe(200);
    clock.advance(idle + 1);
    const res = await me(app, jar);
    expect(res.status).toBe(401);
    expect(setCookies(res).get(SESSION)?.attributes).toContain('Max-Age=0');
  });

  it('expires at the absolute timeout however active', async () => {
    const { app, clock, config } = makeTestApp(logins);
    const jar = new CookieJar();
    await login(app, 'maria@arco.example', TEST_PASSWORD, { jar });
    const steps = Math.floor(config.session.absoluteMs / DAY);
    for (let day = 1; day < steps; day++) {
      clock.advance(DAY);
      expect((await me(app, jar)).status).toBe(200);
    }
    clock.advance(DAY);
    expect((await me(app, jar)).status).toBe(401);
  });

  it('dies when its user is disabled, and stays dead when the user is re-enabled', async () => {
    const { app, store } = makeTestApp(logins);
    const jar = new CookieJar();
    await login(app, 'maria@arco.example', TEST_PASSWORD, { jar });
    store.setDisabled(MARIA.id, true);
    expect((await me(app, jar)).status).toBe(401);
    store.setDisabled(MARIA.id, false);
    const token = jar.get(SESSION) ?? '';
    expect((await app.request('/api/auth/me', { headers: { cookie: `${SESSION}=${token}` } })).status).toBe(
      401,
    );
  });
});

describe('POST /api/auth/logout', () => {
  it('revokes the session, clears the cookie and asks the browser to clear site data', async () => {
    const { app } = makeTestApp(logins);
    const jar = new CookieJar();
    await login(app, 'maria@arco.example', TEST_PASSWORD, { jar });
    const token = jar.get(SESSION)!;
    const res = await app.request('/api/auth/logout', {
      method: 'POST',
      headers: jsonHeaders({ cookie: jar.header() }),
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('clear-site-data')).toBe('"cache", "cookies", "storage"');
    expect(setCookies(res).get(SESSION)?.attributes).toContain('Max-Age=0');
    const replay = await app.request('/api/auth/me', { headers: { cookie: `${SESSION}=${token}` } });
    expect(replay.status).toBe(401);
  });

  it('is idempotent without a session', async () => {
    const { app } = makeTestApp(logins);
    const res = await app.request('/api/auth/logout', { method: 'POST', headers: jsonHeaders() });
    expect(res.status).toBe(204);
  });

  it('refuses a cross-site logout (CSRF)', async () => {
    const { app } = makeTestApp(logins);
    const jar = new CookieJar();
    await login(app, 'maria@arco.example', TEST_PASSWORD, { jar });
    const res = await app.request('/api/auth/logout', {
      method: 'POST',
      headers: jsonHeaders({ cookie: jar.header(), origin: 'https://evil.example' }),
    });
    expect(res.status).toBe(403);
    expect((await me(app, jar)).status).toBe(200);
  });
});

describe('sign-in throttling', () => {
  const { windowMs, perAccountAndSource, perAccount, perAddress } = LOGIN_THROTTLE;

  it(`blocks an account+address pair after ${perAccountAndSource} failures with 429 and Retry-After`, async () => {
    const { app, clock } = makeTestApp(logins);
    for (let i = 0; i < perAccountAndSource; i++) {
      expect((await login(app, 'maria@arco.example', `wrong-${i}`)).status).toBe(401);
      clock.advance(1000);
    }
    // Even the right password is refused while blocked (it is not even checked).
    const blocked = await login(app, 'maria@arco.example', TEST_PASSWORD);
    expect(blocked.status).toBe(429);
    const retryAfter = Number(blocked.headers.get('retry-after'));
    // The block ends when the oldest counted failure (5 s ago) leaves the 15-minute window.
    expect(retryAfter).toBe(windowMs / 1000 - perAccountAndSource);
    expect(await blocked.json()).toEqual({
      error: {
        code: 'rate_limited',
        message: 'Too many failed sign-in attempts. Try again later.',
        details: { retryAfterSeconds: retryAfter },
      },
    });
    // Another address is not affected by this pair's block.
    expect((await login(app, 'maria@arco.example', TEST_PASSWORD, { ip: '198.51.100.7' })).status).toBe(200);
    clock.advance(retryAfter * 1000);
    expect((await login(app, 'maria@arco.example', TEST_PASSWORD)).status).toBe(200);
  });

  it('throttles unknown emails exactly like real ones (no account enumeration)', async () => {
    const { app } = makeTestApp(logins);
    const statuses = async (email: string) => {
      const out = [];
      for (let i = 0; i <= perAccountAndSource; i++)
        out.push((await login(app, email, 'wrong', { ip: '192.0.2.44' })).status);
      return out;
    };
    const unknown = await statuses('nobody@arco.example');
    const existing = await statuses('admin@arco.example');
    expect(existing).toEqual(unknown);
    expect(unknown.at(-1)).toBe(429);
  });

  it('a success resets the account+address counter', async () => {
    const { app } = makeTestApp(logins);
    for (let i = 0; i < perAccountAndSource - 1; i++) await login(app, 'maria@arco.example', 'wrong');
    expect((await login(app, 'maria@arco.example')).status).toBe(200);
    for (let i = 0; i < perAccountAndSource - 1; i++) await login(app, 'maria@arco.example', 'wrong');
    expect((await login(app, 'maria@arco.example')).status).toBe(200);
  });

  it(`blocks an address after ${perAddress} failures across accounts (password spraying)`, async () => {
    const { app } = makeTestApp(logins);
    for (let i = 0; i < perAddress; i++) {
      expect((await login(app, `user${i}@spray.example`, 'wrong', { ip: '192.0.2.99' })).status).toBe(401);
    }
    expect((await login(app, 'maria@arco.example', TEST_PASSWORD, { ip: '192.0.2.99' })).status).toBe(429);
    expect((await login(app, 'maria@arco.example', TEST_PASSWORD, { ip: '192.0.2.100' })).status).toBe(200);
  });

  it(`blocks new browsers on an account after ${perAccount} failures from many addresses, but never the user's own device`, async () => {
    const { app } = makeTestApp(logins);
    const device = new CookieJar();
    expect((await login(app, 'maria@arco.example', TEST_PASSWORD, { jar: device })).status).toBe(200);
    expect(device.get(DEVICE)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // A distributed attack: every failure from a different address, never more than the pair limit.
    for (let i = 0; i < perAccount; i++) {
      expect((await login(app, 'maria@arco.example', 'guess', { ip: `10.0.${i}.1` })).status).toBe(401);
    }
    expect((await login(app, 'maria@arco.example', TEST_PASSWORD, { ip: '10.9.9.9' })).status).toBe(429);
    // Maria's own browser (device cookie from an earlier sign-in) still gets in, from anywhere.
    const known = await login(app, 'maria@arco.example', TEST_PASSWORD, { jar: device, ip: '10.0.0.1' });
    expect(known.status).toBe(200);
  });

  it(`a burst of 60 parallel wrong passwords for one account gets only ${perAccountAndSource} password checks`, async () => {
    const verifier = countingVerifier();
    const { app } = makeTestApp(logins, { verifyPassword: verifier.verify });
    const statuses = await loginBurst(
      [app],
      Array.from({ length: 60 }, (_, i) => ({
        email: 'maria@arco.example',
        password: `wrong-${i}`,
        ip: '192.0.2.7',
      })),
    );
    expect(verifier.calls()).toBe(perAccountAndSource);
    expect(statuses.filter((s) => s === 401)).toHaveLength(perAccountAndSource);
    expect(statuses.filter((s) => s === 429)).toHaveLength(60 - perAccountAndSource);
  });

  it(`a burst of 120 parallel sign-ins to different accounts from one address gets only ${perAddress} checks`, async () => {
    const verifier = countingVerifier();
    const { app } = makeTestApp(logins, { verifyPassword: verifier.verify });
    const statuses = await loginBurst(
      [app],
      Array.from({ length: 120 }, (_, i) => ({
        email: `user${i}@spray.example`,
        password: 'wrong',
        ip: '192.0.2.8',
      })),
    );
    expect(verifier.calls()).toBe(perAddress);
    expect(statuses.filter((s) => s === 429)).toHaveLength(120 - perAddress);
  });

  it('counts IPv6 clients per /64', async () => {
    const { app } = makeTestApp(logins);
    for (let i = 0; i < perAccountAndSource; i++) {
      await login(app, 'maria@arco.example', 'wrong', { ip: `2001:db8:1:2::${(i + 1).toString(16)}` });
    }
    expect(
      (await login(app, 'maria@arco.example', TEST_PASSWORD, { ip: '2001:db8:1:2:ffff::1' })).status,
    ).toBe(429);
    expect((await login(app, 'maria@arco.example', TEST_PASSWORD, { ip: '2001:db8:1:3::1' })).status).toBe(
      200,
    );
  });
});

describe('logging', () => {
  it('never writes passwords, tokens or cookies to the log', async () => {
    const { app, logs } = makeTestApp(logins);
    const jar = new CookieJar();
    const secret = 'Sup3r-Secret-Typo';
    await login(app, 'maria@arco.example', secret);
    await login(app, 'maria@arco.example', TEST_PASSWORD, { jar });
    await me(app, jar);
    const token = jar.get(SESSION)!;
    const deviceId = jar.get(DEVICE)!;
    await app.request('/api/auth/logout', { method: 'POST', headers: jsonHeaders({ cookie: jar.header() }) });
    const text = logs.join('\n');
    expect(logs.length).toBeGreaterThan(4);
    for (const forbidden of [secret, TEST_PASSWORD, token, deviceId, 'cookie']) {
      expect(text).not.toContain(forbidden);
    }
    const access = logs
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((l) => l.msg === 'request');
    expect(access[0]).toMatchObject({ method: 'POST', path: '/api/auth/login', status: 401 });
    expect(access[0]).toHaveProperty('reqId');
    expect(access[0]).toHaveProperty('durationMs');
    expect(access.find((l) => l.path === '/api/auth/me')).toMatchObject({ status: 200, userId: MARIA.id });
  });
});

function streamOf(text: string, chunkSize: number): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + chunkSize));
      offset += chunkSize;
    },
  });
}
