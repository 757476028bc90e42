import { z } from 'zod';
import { errorBodySchema } from '../../shared/api-errors.ts';
import { signedInUserSchema, type SignedInUser } from '../../shared/identity.ts';

/**
 * The three auth calls of the stable HTTP surface (docs/api.md). Every outcome is a value, never a throw, so
 * screens can map each one to a clear message. `fetch` is injected.
 *
 * Failure kinds:
 * - `invalid_credentials` (401 on login) — unknown user and wrong password are one answer on purpose.
 * - `unauthenticated` (401 on /me) — no or expired session.
 * - `account_disabled` (401 on /me with `details.reason: "account_disabled"`) — an admin disabled the user: the
 *   device must wipe what it holds of them (docs/api.md "Sessions").
 * - `rate_limited` (429) — with the server's `Retry-After` in seconds when given.
 * - `offline` — the request never reached the server (no network, DNS, connection refused).
 * - `server` — anything else: 5xx, an unexpected status or a body that does not parse.
 */
export type AuthFailure =
  | { readonly kind: 'invalid_credentials' }
  | { readonly kind: 'unauthenticated' }
  | { readonly kind: 'account_disabled' }
  | { readonly kind: 'rate_limited'; readonly retryAfterSeconds: number | null }
  | { readonly kind: 'offline' }
  | { readonly kind: 'server'; readonly status: number | null };

export type AuthResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AuthFailure };

type Fetch = typeof fetch;

export const JSON_HEADERS = { 'content-type': 'application/json', accept: 'application/json' };

export async function signIn(
  fetchFn: Fetch,
  credentials: { readonly email: string; readonly password: string },
): Promise<AuthResult<SignedInUser>> {
  const response = await send(fetchFn, '/api/auth/login', {
    method: 'POST',
    headers: JSON_HEADERS,
    body: JSON.stringify({ email: credentials.email.trim(), password: credentials.password }),
  });
  if (!response.ok) return response;
  const res = response.value;
  if (res.status === 401) return discard(res, fail({ kind: 'invalid_credentials' }));
  return readUser(res);
}

export async function fetchCurrentUser(fetchFn: Fetch): Promise<AuthResult<SignedInUser>> {
  const response = await send(fetchFn, '/api/auth/me', {
    method: 'GET',
    headers: { accept: 'application/json' },
  });
  if (!response.ok) return response;
  const res = response.value;
  if (res.status === 401)
    return fail({ kind: (await disabledReason(res)) ? 'account_disabled' : 'unauthenticated' });
  return readUser(res);
}

/** Whether a 401 body says the account was disabled (any unreadable body: no). */
async function disabledReason(res: Response): Promise<boolean> {
  try {
    const parsed = errorBodySchema.safeParse(await res.json());
    return parsed.success && parsed.data.error.details?.reason === 'account_disabled';
  } catch {
    return false;
  }
}

export async function signOut(fetchFn: Fetch): Promise<AuthResult<null>> {
  const response = await send(fetchFn, '/api/auth/logout', {
    method: 'POST',
    headers: JSON_HEADERS,
    body: '{}',
  });
  if (!response.ok) return response;
  const res = response.value;
  // 401: the session was already gone — the goal (no live session) is reached.
  if (res.ok || res.status === 401) return discard(res, { ok: true, value: null });
  return discard(res, fail(statusFailure(res)));
}

export async function send(fetchFn: Fetch, url: string, init: RequestInit): Promise<AuthResult<Response>> {
  try {
    return {
      ok: true,
      value: await fetchFn(url, { ...init, credentials: 'same-origin', cache: 'no-store' }),
    };
  } catch {
    // fetch only rejects when no HTTP response arrived at all.
    return fail({ kind: 'offline' });
  }
}

/** `/api/auth/login` and `/api/auth/me` answer `{ user }` (docs/api.md). */
const authResponseSchema = z.object({ user: signedInUserSchema });

export async function readUser(res: Response): Promise<AuthResult<SignedInUser>> {
  if (!res.ok) return discard(res, fail(statusFailure(res)));
  try {
    const parsed = authResponseSchema.safeParse(await res.json());
    return parsed.success
      ? { ok: true, value: parsed.data.user }
      : fail({ kind: 'server', status: res.status });
  } catch {
    return fail({ kind: 'server', status: res.status });
  }
}

export function statusFailure(res: Response): AuthFailure {
  if (res.status === 429)
    return { kind: 'rate_limited', retryAfterSeconds: parseRetryAfter(res.headers.get('retry-after')) };
  return { kind: 'server', status: res.status };
}

/** `Retry-After` is either delta-seconds or an HTTP date; we only trust the seconds form (no clock here). */
export function parseRetryAfter(value: string | null): number | null {
  if (value === null || !/^\s*\d+\s*$/.test(value)) return null;
  return Number(value);
}

/**
 * Releases a body we do not read. An unread body keeps the request open in the browser, which holds an
 * HTTP/1.1 connection (six per origin) and never lets the page reach network idle.
 */
export async function discard<T>(res: Response, result: T): Promise<T> {
  await res.body?.cancel().catch(() => undefined);
  return result;
}

export const fail = (error: AuthFailure): { ok: false; error: AuthFailure } => ({ ok: false, error });
