import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LoginRecord } from './auth/store.ts';
import { requireUser } from './auth/require-user.ts';
import { readJson } from './http/body.ts';
import type { AppEnv, AuthedEnv } from './http/context.ts';
import { ApiError, conflict, notFound } from '../shared/api-errors.ts';
import { CookieJar, TEST_ORIGIN, jsonHeaders, login, makeTestApp, testLogins } from './http/testing.ts';

let logins: LoginRecord[];
beforeAll(async () => {
  logins = await testLogins();
});

type ErrorJson = { error: { code: string; message: string; details?: unknown } };

/** A sub-app like the sync routes will be: mounted under /api through `apiRoutes`. */
function probeRoutes(writes: unknown[]) {
  return new Hono<AppEnv>()
    .post('/echo', async (c) => {
      const body = await readJson(c, z.strictObject({ n: z.number().int() }));
      writes.push(body);
      return c.json(body, 201);
    })
    .get('/mine', requireUser, (c) => c.json({ identity: c.get('identity') }))
    .get('/missing', () => {
      throw notFound();
    })
    .get('/conflict', () => {
      throw conflict('Somebody changed this first.', { serverSeq: 7 });
    })
    .get('/crash', () => {
      throw new Error('secret internals: connection string postgres://u:p@h/db');
    })
    .get('/exposed', () => {
      // Every layer (sync/ included) throws the one ApiError of shared/api-errors.ts.
      throw new ApiError('upgrade_required', 'Protocol too old.');
    })
    .get('/look-alike', () => {
      // The old duck-typed "exposed" errors are no longer trusted: anything that is not an ApiError is internal.
      throw Object.assign(new Error('Protocol too old.'), { code: 'upgrade_required', expose: true });
    })
    .get('/http-exception', () => {
      throw new HTTPException(401, { message: 'nope' });
    });
}

/** A sub-app protected as a whole, the way `/api/sync` will be. */
const privateRoutes = () =>
  new Hono<AuthedEnv>().use(requireUser).get('/whoami', (c) => c.json({ email: c.get('user').email }));

function appWithProbe(overrides: Parameters<typeof makeTestApp>[1] = {}) {
  const writes: unknown[] = [];
  const t = makeTestApp(logins, {
    apiRoutes: { probe: probeRoutes(writes), private: privateRoutes() },
    ...overrides,
  });
  return { ...t, writes };
}

describe('security headers', () => {
  const csp = (res: Response) => res.headers.get('content-security-policy') ?? '';

  it.each(['/api/health', '/api/nope', '/api/probe/crash', '/not-an-api-path'])(
    'are on every response (%s)',
    async (path) => {
      const { app } = appWithProbe();
      const res = await app.request(path);
      for (const directive of [
        "default-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "script-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
      ]) {
        expect(csp(res)).toContain(directive);
      }
      expect(csp(res)).not.toMatch(/script-src[^;]*unsafe/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    },
  );

  it('sends HSTS (≥ 1 year) only over HTTPS', async () => {
    const plain = await appWithProbe().app.request('/api/health');
    expect(plain.headers.get('strict-transport-security')).toBeNull();
    const { app } = appWithProbe({ config: { publicOrigin: 'https://arco.example.com' } });
    const res = await app.request('https://arco.example.com/api/health');
    const maxAge = Number(/max-age=(\d+)/.exec(res.headers.get('strict-transport-security') ?? '')?.[1]);
    expect(maxAge).toBeGreaterThanOrEqual(365 * 24 * 60 * 60);
    expect(csp(res)).toContain('upgrade-insecure-requests');
  });

  it('honours X-Forwarded-Proto only behind a trusted proxy', async () => {
    const headers = { 'x-forwarded-proto': 'https' };
    const trusted = await appWithProbe({ config: { trustProxy: 1 } }).app.request('/api/health', { headers });
    expect(trusted.headers.get('strict-transport-security')).not.toBeNull();
    const direct = await appWithProbe({ config: { trustProxy: 0 } }).app.request('/api/health', { headers });
    expect(direct.headers.get('strict-transport-security')).toBeNull();
  });

  it('marks every API response Cache-Control: no-store, errors included', async () => {
    const { app } = appWithProbe();
    for (const path of ['/api/health', '/api/auth/me', '/api/nope']) {
      expect((await app.request(path)).headers.get('cache-control')).toBe('no-store');
    }
  });
});

describe('errors', () => {
  it('maps a typed error to its status and the error shape', async () => {
    const { app } = appWithProbe();
    const res = await app.request('/api/probe/conflict');
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({
      error: { code: 'conflict', message: 'Somebody changed this first.', details: { serverSeq: 7 } },
    });
  });

  it('answers unknown API paths with 404 not_found', async () => {
    const { app } = appWithProbe();
    const res = await app.request('/api/customers/42');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'Not found.' } });
  });

  it('hides unexpected errors: 500 internal, no stack, no message, logged with the request id', async () => {
    const { app, logs } = appWithProbe();
    const res = await app.request('/api/probe/crash');
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({
      error: { code: 'internal', message: 'Something went wrong on our side. Please try again.' },
    });
    expect(text).not.toMatch(/secret|postgres|at \/|\.ts:/);
    const logged = logs.map((l) => JSON.parse(l) as { msg: string; reqId: string; err?: { stack?: string } });
    const entry = logged.find((l) => l.msg === 'unhandled error');
    expect(entry?.err?.stack).toContain('secret internals');
    expect(entry?.reqId).toBe(res.headers.get('x-request-id'));
  });

  it('answers ApiErrors from any layer, maps Hono exceptions by status, and nothing else by shape', async () => {
    const { app } = appWithProbe();
    const exposed = await app.request('/api/probe/exposed');
    expect(exposed.status).toBe(426);
    expect(((await exposed.json()) as ErrorJson).error).toEqual({
      code: 'upgrade_required',
      message: 'Protocol too old.',
    });
    const hono = await app.request('/api/probe/http-exception');
    expect(hono.status).toBe(401);
    expect(((await hono.json()) as ErrorJson).error.code).toBe('unauthorized');
    const lookAlike = await app.request('/api/probe/look-alike');
    expect(lookAlike.status).toBe(500);
    expect(((await lookAlike.json()) as ErrorJson).error.code).toBe('internal');
  });
});

describe('CSRF', () => {
  const echo = (app: Hono<AppEnv>, headers: Record<string, string>, body = '{"n":1}') =>
    app.request('/api/probe/echo', { method: 'POST', headers, body });

  it('accepts a same-origin JSON request', async () => {
    const { app, writes } = appWithProbe();
    const res = await echo(app, jsonHeaders());
    expect(res.status).toBe(201);
    expect(writes).toEqual([{ n: 1 }]);
  });

  it.each([
    ['another origin', { origin: 'https://evil.example' }],
    ['a look-alike origin', { origin: `${TEST_ORIGIN}.evil.example` }],
    ['Origin: null', { origin: 'null' }],
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }],
    ['Sec-Fetch-Site: same-site', { 'sec-fetch-site': 'same-site' }],
  ])('refuses %s with 403 and writes nothing', async (_name, extra) => {
    const { app, writes } = appWithProbe();
    const res = await echo(app, { ...jsonHeaders(), ...extra });
    expect(res.status).toBe(403);
    expect(((await res.json()) as ErrorJson).error.code).toBe('forbidden');
    expect(writes).toEqual([]);
  });

  it('refuses a cookie-carrying mutation without Origin, but lets a cookieless client through', async () => {
    const { app, writes } = appWithProbe();
    const jar = new CookieJar();
    await login(app, 'maria@arco.example', undefined, { jar });
    const withCookie = await echo(app, jsonHeaders({ origin: null, cookie: jar.header() }));
    expect(withCookie.status).toBe(403);
    const script = await echo(app, jsonHeaders({ origin: null }));
    expect(script.status).toBe(201);
    expect(writes).toHaveLength(1);
  });

  it.each([
    ['text/plain', 'text/plain'],
    ['a form', 'application/x-www-form-urlencoded'],
    ['multipart', 'multipart/form-data; boundary=x'],
    ['no content type', undefined],
  ])('refuses %s bodies with 415', async (_name, type) => {
    const { app, writes } = appWithProbe();
    const headers = jsonHeaders();
    if (type) headers['content-type'] = type;
    else delete headers['content-type'];
    const res = await echo(app, headers);
    expect(res.status).toBe(415);
    expect(((await res.json()) as ErrorJson).error.code).toBe('unsupported_media_type');
    expect(writes).toEqual([]);
  });

  it('accepts application/json with a charset and checks the configured PUBLIC_ORIGIN', async () => {
    const { app } = appWithProbe({ config: { publicOrigin: 'https://arco.example.com' } });
    const headers = {
      ...jsonHeaders({ origin: 'https://arco.example.com' }),
      'content-type': 'application/json; charset=utf-8',
    };
    expect((await echo(app, headers)).status).toBe(201);
    expect((await echo(app, jsonHeaders({ origin: TEST_ORIGIN }))).status).toBe(403);
  });
});

describe('request bodies', () => {
  it('rejects malformed JSON with 400 and a clear message, writing nothing', async () => {
    const { app, writes } = appWithProbe();
    const res = await app.request('/api/probe/echo', {
      method: 'POST',
      headers: jsonHeaders(),
      body: '{"n":1,}',
    });
    expect(res.status).toBe(400);
    const json = (await res.json()) as ErrorJson;
    expect(json.error.code).toBe('bad_request');
    expect(json.error.message).toMatch(/^The request body is not valid JSON \(.+\)\.$/);
    expect(writes).toEqual([]);
  });

  it('rejects a JSON body that fails the schema with 422 listing the issues', async () => {
    const { app } = appWithProbe();
    const res = await app.request('/api/probe/echo', {
      method: 'POST',
      headers: jsonHeaders(),
      body: '{"n":1.5,"x":2}',
    });
    expect(res.status).toBe(422);
    const json = (await res.json()) as { error: { details: { issues: { path: string }[] } } };
    expect(json.error.details.issues.map((i) => i.path).sort()).toEqual(['', 'n']);
  });

  it('caps every body at MAX_BODY_BYTES, declared or chunked', async () => {
    const { app, writes } = appWithProbe({ config: { maxBodyBytes: 2048 } });
    const big = JSON.stringify({ n: 1, pad: 'x'.repeat(4096) });
    const declared = await app.request('/api/probe/echo', {
      method: 'POST',
      headers: jsonHeaders(),
      body: big,
    });
    expect(declared.status).toBe(413);
    expect(await declared.json()).toEqual({
      error: {
        code: 'payload_too_large',
        message: 'The request body is larger than 2048 bytes.',
        details: { maxBytes: 2048 },
      },
    });
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 8; i++)
          controller.enqueue(new TextEncoder().encode(big.slice(i * 600, (i + 1) * 600)));
        controller.close();
      },
    });
    const chunked = await app.request('/api/probe/echo', {
      method: 'POST',
      headers: jsonHeaders(),
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect(writes).toEqual([]);
  });

  it('caps a chunked body over a real socket (Transfer-Encoding: chunked, no Content-Length)', async () => {
    const { app, writes } = appWithProbe({ config: { maxBodyBytes: 2048, trustProxy: 0 } });
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const send = (chunks: string[]) =>
        new Promise<{ status: number; body: string }>((resolve, reject) => {
          const req = httpRequest(
            {
              host: '127.0.0.1',
              port,
              method: 'POST',
              path: '/api/probe/echo',
              headers: { 'content-type': 'application/json', origin: `http://127.0.0.1:${port}` },
            },
            (res) => {
              let body = '';
              res.on('data', (d: Buffer) => (body += d.toString()));
              res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
            },
          );
          req.on('error', reject);
          for (const chunk of chunks) req.write(chunk);
          req.end();
        });
      const small = await send(['{"n":', '2}']);
      expect(small.status).toBe(201);
      const big = await send(
        Array.from({ length: 10 }, (_, i) => (i === 0 ? '{"n":3,"pad":"' : 'x'.repeat(500))),
      );
      expect(big.status).toBe(413);
      expect((JSON.parse(big.body) as ErrorJson).error.code).toBe('payload_too_large');
      expect(writes).toEqual([{ n: 2 }]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('requireUser', () => {
  it('gives handlers the RLS identity derived from the session', async () => {
    const { app } = appWithProbe();
    const jar = new CookieJar();
    await login(app, 'cliente@techcorp.example', undefined, { jar });
    const res = await app.request('/api/probe/mine', { headers: { cookie: jar.header() } });
    expect(await res.json()).toEqual({
      identity: {
        userId: '00000000-0000-7000-8000-00000000000c',
        organizationId: '0190a000-0000-7000-8000-000000000001',
        role: 'client',
        customerId: '0190a000-0000-7000-8000-0000000000c1',
      },
    });
    expect((await app.request('/api/probe/mine')).status).toBe(401);
  });

  it('protects a whole sub-app mounted through apiRoutes', async () => {
    const { app } = appWithProbe();
    expect((await app.request('/api/private/whoami')).status).toBe(401);
    const jar = new CookieJar();
    await login(app, 'maria@arco.example', undefined, { jar });
    const res = await app.request('/api/private/whoami', { headers: { cookie: jar.header() } });
    expect(await res.json()).toEqual({ email: 'maria@arco.example' });
  });
});

describe('GET /api/health', () => {
  it('answers {"ok":true} when the database answers', async () => {
    const { app } = appWithProbe();
    const res = await app.request('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('answers 503 unavailable when the database does not', async () => {
    const { app } = appWithProbe({
      health: {
        check: async () => {
          throw new Error('ECONNREFUSED');
        },
      },
    });
    const res = await app.request('/api/health');
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({
      error: { code: 'unavailable', message: 'The database is unreachable.' },
    });
  });
});
