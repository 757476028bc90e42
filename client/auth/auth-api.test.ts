import { describe, expect, it } from 'vitest';
import { fetchCurrentUser, parseRetryAfter, signIn, signOut } from './auth-api.ts';
import { forgetUser, readRememberedUser, rememberUser } from './profile-store.ts';
import { memoryStore } from '../platform/key-value-store.ts';
import type { SignedInUser } from '../../shared/identity.ts';

const user: SignedInUser = {
  id: '0190a8e4-0000-7000-8000-000000000001',
  email: 'maria@arco.example',
  name: 'Maria Santos',
  role: 'csm',
  organizationId: '0190a8e4-0000-7000-8000-0000000000aa',
  customerId: null,
  locale: 'pt-BR',
  timeZone: 'America/Sao_Paulo',
};

const respond = (status: number, body?: unknown, headers: Record<string, string> = {}) =>
  (async () =>
    new Response(body === undefined ? null : JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json', ...headers },
    })) as unknown as typeof fetch;

describe('signIn', () => {
  it('returns the parsed user, ignoring fields a newer server adds', async () => {
    const result = await signIn(respond(200, { user: { ...user, avatarUrl: '/x.png' } }), {
      email: 'a',
      password: 'b',
    });
    expect(result).toEqual({ ok: true, value: user });
  });

  it.each([
    [
      '401',
      respond(401, { error: { code: 'invalid_credentials', message: 'x' } }),
      { kind: 'invalid_credentials' },
    ],
    ['429', respond(429, {}, { 'retry-after': '90' }), { kind: 'rate_limited', retryAfterSeconds: 90 }],
    ['500', respond(500, {}), { kind: 'server', status: 500 }],
    ['unknown role', respond(200, { user: { ...user, role: 'superuser' } }), { kind: 'server', status: 200 }],
    [
      'network failure',
      (async () => {
        throw new TypeError('Failed to fetch');
      }) as unknown as typeof fetch,
      { kind: 'offline' },
    ],
  ] as const)('maps %s to its failure kind', async (_case, fetchFn, error) => {
    expect(await signIn(fetchFn, { email: 'a', password: 'b' })).toEqual({ ok: false, error });
  });

  it('sends trimmed JSON with same-origin credentials and no caching', async () => {
    let seen: { url: string; init: RequestInit } | undefined;
    const fetchFn = (async (url: string, init: RequestInit) => {
      seen = { url, init };
      return new Response(JSON.stringify({ user }), { status: 200 });
    }) as unknown as typeof fetch;
    await signIn(fetchFn, { email: '  maria@arco.example ', password: ' senha com espaço ' });
    expect(seen?.url).toBe('/api/auth/login');
    expect(seen?.init).toMatchObject({ method: 'POST', credentials: 'same-origin', cache: 'no-store' });
    expect(new Headers(seen?.init.headers).get('content-type')).toBe('application/json');
    // The password is sent exactly as typed: spaces can be part of it.
    expect(JSON.parse(String(seen?.init.body))).toEqual({
      email: 'maria@arco.example',
      password: ' senha com espaço ',
    });
  });
});

describe('fetchCurrentUser / signOut', () => {
  it('distinguishes an expired session from a server problem', async () => {
    expect(await fetchCurrentUser(respond(401, {}))).toEqual({
      ok: false,
      error: { kind: 'unauthenticated' },
    });
    expect(await fetchCurrentUser(respond(502, {}))).toEqual({
      ok: false,
      error: { kind: 'server', status: 502 },
    });
  });

  it('treats an already-gone session as signed out', async () => {
    expect(await signOut(respond(204))).toEqual({ ok: true, value: null });
    expect(await signOut(respond(401, {}))).toEqual({ ok: true, value: null });
    expect(await signOut(respond(500, {}))).toEqual({ ok: false, error: { kind: 'server', status: 500 } });
  });
});

describe('parseRetryAfter', () => {
  it.each([
    ['120', 120],
    [' 5 ', 5],
    ['Wed, 21 Oct 2026 07:28:00 GMT', null],
    ['-1', null],
    [null, null],
  ])('%j → %j', (value, expected) => expect(parseRetryAfter(value)).toBe(expected));
});

describe('remembered profile', () => {
  it('round-trips and forgets', () => {
    const store = memoryStore();
    rememberUser(store, user);
    expect(readRememberedUser(store)).toEqual(user);
    forgetUser(store);
    expect(readRememberedUser(store)).toBeNull();
  });

  it('forgets a corrupt or outdated profile instead of crashing', () => {
    expect(readRememberedUser(memoryStore({ 'arco.profile.v1': '{nope' }))).toBeNull();
    expect(readRememberedUser(memoryStore({ 'arco.profile.v1': JSON.stringify({ id: 'x' }) }))).toBeNull();
  });
});
