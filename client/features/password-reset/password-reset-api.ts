import { z } from 'zod';
import {
  JSON_HEADERS,
  discard,
  fail,
  send,
  statusFailure,
  type AuthFailure,
  type AuthResult,
} from '../../auth/auth-api.ts';

/**
 * The three calls of the reset flow (docs/api.md "Password reset"). Outcomes are values, as in auth-api.ts;
 * `invalid_link` is the one 404 for a link that is unknown, used, expired or of a disabled user.
 */
export type ResetFailure = AuthFailure | { readonly kind: 'invalid_link' };
export type ResetResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ResetFailure };

type Fetch = typeof fetch;

const post = (fetchFn: Fetch, path: string, body: unknown) =>
  send(fetchFn, `/api/auth/password-reset${path}`, {
    method: 'POST',
    headers: JSON_HEADERS,
    body: JSON.stringify(body),
  });

/** Always "sent" on 202, whether or not the address has an account (the server never says). */
export async function requestPasswordReset(fetchFn: Fetch, email: string): Promise<AuthResult<null>> {
  const response = await post(fetchFn, '', { email: email.trim() });
  if (!response.ok) return response;
  const res = response.value;
  return discard(res, res.status === 202 ? { ok: true, value: null } : fail(statusFailure(res)));
}

const verifiedSchema = z.object({ email: z.string(), expiresAt: z.string() });

export async function verifyResetLink(
  fetchFn: Fetch,
  token: string,
): Promise<ResetResult<{ email: string }>> {
  const response = await post(fetchFn, '/verify', { token });
  if (!response.ok) return response;
  const res = response.value;
  if (res.status === 404 || res.status === 422) return discard(res, invalidLink);
  if (!res.ok) return discard(res, fail(statusFailure(res)));
  const parsed = verifiedSchema.safeParse(await res.json().catch(() => null));
  return parsed.success
    ? { ok: true, value: { email: parsed.data.email } }
    : fail({ kind: 'server', status: res.status });
}

export async function confirmPasswordReset(
  fetchFn: Fetch,
  token: string,
  password: string,
): Promise<ResetResult<null>> {
  const response = await post(fetchFn, '/confirm', { token, password });
  if (!response.ok) return response;
  const res = response.value;
  if (res.status === 204) return discard(res, { ok: true, value: null });
  if (res.status === 404) return discard(res, invalidLink);
  return discard(res, fail(statusFailure(res)));
}

const invalidLink = { ok: false, error: { kind: 'invalid_link' } } as const;
