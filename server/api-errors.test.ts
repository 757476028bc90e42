import type { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import { ERROR_STATUS, errorBodySchema } from '../shared/api-errors.ts';
import { errorResponseSchema, PROTOCOL_HEADER, PROTOCOL_VERSION, PUSH_MAX_ROWS } from '../sync/protocol.ts';
import { createMemoryChangeFeed } from '../sync/server/memory-feed.ts';
import { createMemorySyncStore } from '../sync/server/memory-store.ts';
import type { LoginRecord } from './auth/store.ts';
import type { AppEnv } from './http/context.ts';
import { CookieJar, jsonHeaders, login, makeTestApp, testLogins } from './http/testing.ts';
import { syncAppOver } from './sync/sync-app.ts';

/**
 * One error family for the whole API (shared/api-errors.ts): the sync routes, mounted in the real app the way
 * server/main.ts mounts them (over the memory store here), answer with the same codes as every other route,
 * and no route answers with a code outside the one list.
 */

let logins: LoginRecord[];
beforeAll(async () => {
  logins = await testLogins();
});

async function signedIn(email: string) {
  const feed = createMemoryChangeFeed();
  const store = createMemorySyncStore({ feed, clock: () => new Date('2026-03-02T12:00:00.000Z') });
  const { app } = makeTestApp(logins, { apiRoutes: { sync: syncAppOver(store, feed) } });
  const jar = new CookieJar();
  expect((await login(app, email, undefined, { jar })).status).toBe(200);
  return { app, cookie: jar.header() };
}

interface ErrorCase {
  readonly name: string;
  readonly path: string;
  readonly method?: 'GET' | 'POST' | 'PATCH';
  readonly body?: string;
  readonly headers?: Record<string, string>;
  /** Send the signed-in user's cookie. */
  readonly auth?: boolean;
  readonly status: number;
  readonly code: string;
  readonly reason?: string;
}

const json = (value: unknown) => JSON.stringify(value);
const tooManyRows = json(
  Array.from({ length: PUSH_MAX_ROWS + 1 }, (_, i) => ({ newDocumentState: { id: `r${i}` } })),
);
const twice = json([{ newDocumentState: { id: 'a' } }, { newDocumentState: { id: 'a' } }]);

/** The error cases of both apps, side by side. */
const CASES: readonly ErrorCase[] = [
  // The rest of the API.
  { name: 'me, anonymous', path: '/api/auth/me', status: 401, code: 'unauthorized' },
  {
    name: 'login, wrong password',
    path: '/api/auth/login',
    method: 'POST',
    body: json({ email: 'maria@arco.example', password: 'wrong password' }),
    status: 401,
    code: 'unauthorized',
  },
  {
    name: 'login, cross-site',
    path: '/api/auth/login',
    method: 'POST',
    body: '{}',
    headers: { origin: 'https://evil.example' },
    status: 403,
    code: 'forbidden',
  },
  {
    name: 'login, not JSON',
    path: '/api/auth/login',
    method: 'POST',
    body: '{oops',
    status: 400,
    code: 'bad_request',
  },
  {
    name: 'login, wrong shape',
    path: '/api/auth/login',
    method: 'POST',
    body: json({ email: 1 }),
    status: 422,
    code: 'validation_failed',
  },
  {
    name: 'login, text/plain',
    path: '/api/auth/login',
    method: 'POST',
    body: '{}',
    headers: { 'content-type': 'text/plain' },
    status: 415,
    code: 'unsupported_media_type',
  },

  { name: 'unknown API route', path: '/api/nope', status: 404, code: 'not_found' },
  // The sync routes.
  { name: 'sync pull, anonymous', path: '/api/sync/goals/pull', status: 401, code: 'unauthorized' },
  { name: 'sync stream, anonymous', path: '/api/sync/stream', status: 401, code: 'unauthorized' },
  {
    name: 'sync push, anonymous',
    path: '/api/sync/goals/push',
    method: 'POST',
    body: '[]',
    status: 401,
    code: 'unauthorized',
  },
  {
    name: 'sync push, not JSON',
    path: '/api/sync/goals/push',
    method: 'POST',
    body: '{oops',
    auth: true,
    status: 400,
    code: 'bad_request',
  },
  {
    name: 'sync push, wrong shape',
    path: '/api/sync/goals/push',
    method: 'POST',
    body: json({ newDocumentState: {} }),
    auth: true,
    status: 422,
    code: 'validation_failed',
  },
  {
    name: 'sync push, the same id twice',
    path: '/api/sync/goals/push',
    method: 'POST',
    body: twice,
    auth: true,
    status: 422,
    code: 'validation_failed',
  },
  {
    name: 'sync push, text/plain',
    path: '/api/sync/goals/push',
    method: 'POST',
    body: '[]',
    headers: { 'content-type': 'text/plain' },
    auth: true,
    status: 415,
    code: 'unsupported_media_type',
  },
  {
    name: 'sync push, too many rows',
    path: '/api/sync/goals/push',
    method: 'POST',
    body: tooManyRows,
    auth: true,
    status: 413,
    code: 'payload_too_large',
    reason: 'too_many_rows',
  },
  {
    name: 'sync pull, bad checkpoint',
    path: '/api/sync/goals/pull?checkpoint=nope',
    auth: true,
    status: 400,
    code: 'bad_request',
    reason: 'invalid_checkpoint',
  },
  {
    name: 'sync pull, bad limit',
    path: '/api/sync/goals/pull?limit=abc',
    auth: true,
    status: 400,
    code: 'bad_request',
    reason: 'invalid_query',
  },
  {
    name: 'sync pull, protocol too old',
    path: '/api/sync/goals/pull',
    headers: { [PROTOCOL_HEADER]: '0' },
    auth: true,
    status: 426,
    code: 'upgrade_required',
    reason: 'protocol_outdated',
  },
  {
    name: 'sync pull, protocol too new',
    path: '/api/sync/goals/pull',
    headers: { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION + 1) },
    auth: true,
    status: 400,
    code: 'bad_request',
    reason: 'protocol_unsupported',
  },
  {
    name: 'sync, unknown collection',
    path: '/api/sync/users/pull',
    auth: true,
    status: 404,
    code: 'not_found',
  },
  { name: 'sync, unknown route', path: '/api/sync/goals/nope', auth: true, status: 404, code: 'not_found' },
];

async function send(app: Hono<AppEnv>, cookie: string, c: ErrorCase): Promise<Response> {
  const method = c.method ?? 'GET';
  const headers = {
    ...(method === 'GET' ? {} : jsonHeaders()),
    ...(c.auth ? { cookie } : {}),
    ...c.headers,
  };
  return app.request(c.path, { method, headers, ...(c.body === undefined ? {} : { body: c.body }) });
}

describe('one error family for the whole API', () => {
  it('every error case of both apps answers with a code of the one list, at its status', async () => {
    const { app, cookie } = await signedIn('maria@arco.example');
    for (const c of CASES) {
      const res = await send(app, cookie, c);
      const body = errorBodySchema.parse(await res.json());
      expect({
        name: c.name,
        status: res.status,
        code: body.error.code,
        reason: body.error.details?.reason,
      }).toEqual({
        name: c.name,
        status: c.status,
        code: c.code,
        reason: c.reason,
      });
      expect(res.status).toBe(ERROR_STATUS[body.error.code]);
      // The sync protocol's own reading of the same body (its reasons are a closed list too).
      if (c.path.startsWith('/api/sync')) errorResponseSchema.parse(body);
    }
  });

  it('unauthenticated sync calls answer exactly like the other routes', async () => {
    const { app } = await signedIn('maria@arco.example');
    const answer = async (res: Response) => [res.status, errorBodySchema.parse(await res.json()).error.code];
    const me = await answer(await app.request('/api/auth/me'));
    expect(me).toEqual([401, 'unauthorized']);
    expect(await answer(await app.request('/api/sync/goals/pull'))).toEqual(me);
    expect(await answer(await app.request('/api/sync/stream'))).toEqual(me);
  });

  it('malformed sync bodies answer with the same codes as the other routes', async () => {
    const { app, cookie } = await signedIn('maria@arco.example');
    const post = async (path: string, body: string) => {
      const res = await app.request(path, { method: 'POST', headers: jsonHeaders({ cookie }), body });
      return [res.status, errorBodySchema.parse(await res.json()).error.code];
    };
    expect(await post('/api/sync/goals/push', '{oops')).toEqual(await post('/api/auth/login', '{oops'));
    expect(await post('/api/sync/goals/push', '{"x":1}')).toEqual(await post('/api/auth/login', '{"x":1}'));
  });

  it('a role that never syncs a collection is refused with the same forbidden as elsewhere', async () => {
    const { app, cookie } = await signedIn('cliente@techcorp.example');
    const res = await app.request('/api/sync/health/pull', { headers: { cookie } });
    expect(res.status).toBe(403);
    expect(errorBodySchema.parse(await res.json()).error.code).toBe('forbidden');
  });
});
