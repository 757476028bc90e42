import {
  startAuthentication,
  startRegistration,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/browser';
import { z } from 'zod';
import type { SignedInUser } from '../../../shared/identity.ts';
import {
  JSON_HEADERS,
  discard,
  fail,
  readUser,
  send,
  statusFailure,
  type AuthFailure,
} from '../../auth/auth-api.ts';

/**
 * The device side of passkeys and signed-in devices (docs/api.md "Passkeys", "Signed-in devices"), with
 * @simplewebauthn/browser driving `navigator.credentials`. Outcomes are values, as in auth-api.ts, plus
 * `cancelled` (the person closed the browser's passkey dialog, or no passkey was chosen) and `rejected` (the
 * server did not accept the passkey).
 */
export type SecurityFailure =
  | AuthFailure
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'rejected' }
  | { readonly kind: 'duplicate' };
export type SecurityResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: SecurityFailure };

type Fetch = typeof fetch;

const refuse = (error: SecurityFailure): { ok: false; error: SecurityFailure } => ({ ok: false, error });

const passkeySchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  backedUp: z.boolean(),
});
export type Passkey = z.infer<typeof passkeySchema>;

const sessionSchema = z.object({
  id: z.string(),
  browser: z.string().nullable(),
  os: z.string().nullable(),
  device: z.enum(['mobile', 'tablet', 'desktop']).nullable(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  current: z.boolean(),
});
export type DeviceSession = z.infer<typeof sessionSchema>;

async function call(fetchFn: Fetch, method: string, path: string, body?: unknown) {
  return send(fetchFn, path, {
    method,
    headers: JSON_HEADERS,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function readJson<T>(res: Response, schema: z.ZodType<T>): Promise<SecurityResult<T>> {
  if (!res.ok) return discard(res, fail(statusFailure(res)));
  const parsed = schema.safeParse(await res.json().catch(() => null));
  return parsed.success ? { ok: true, value: parsed.data } : fail({ kind: 'server', status: res.status });
}

const unauthenticated = (res: Response) =>
  res.status === 401 ? discard(res, fail({ kind: 'unauthenticated' })) : null;

/** The browser refused or the person cancelled (NotAllowedError, AbortError): nothing to report as a fault. */
const ceremonyFailure = (error: unknown): SecurityResult<never> =>
  refuse(
    error instanceof Error && ['NotAllowedError', 'AbortError'].includes(error.name)
      ? { kind: 'cancelled' }
      : { kind: 'rejected' },
  );

export async function listPasskeys(fetchFn: Fetch): Promise<SecurityResult<Passkey[]>> {
  const response = await call(fetchFn, 'GET', '/api/auth/passkeys');
  if (!response.ok) return response;
  const res = response.value;
  const result = await readJson(res, z.object({ passkeys: z.array(passkeySchema) }));
  return result.ok ? { ok: true, value: result.value.passkeys } : result;
}

/** Creates a passkey on this device (the browser's own dialog) and registers it under `name`. */
export async function registerPasskey(fetchFn: Fetch, name: string): Promise<SecurityResult<Passkey>> {
  const optionsResponse = await call(fetchFn, 'POST', '/api/auth/passkeys/registration/options', {});
  if (!optionsResponse.ok) return optionsResponse;
  const options = await readJson(
    optionsResponse.value,
    z.custom<PublicKeyCredentialCreationOptionsJSON>((v) => typeof v === 'object' && v !== null),
  );
  if (!options.ok) return options;
  let response;
  try {
    response = await startRegistration({ optionsJSON: options.value });
  } catch (error) {
    return ceremonyFailure(error);
  }
  const saved = await call(fetchFn, 'POST', '/api/auth/passkeys/registration', { name, response });
  if (!saved.ok) return saved;
  const res = saved.value;
  if (res.status === 401) return discard(res, refuse({ kind: 'rejected' }));
  if (res.status === 409) return discard(res, refuse({ kind: 'duplicate' }));
  const result = await readJson(res, z.object({ passkey: passkeySchema }));
  return result.ok ? { ok: true, value: result.value.passkey } : result;
}

export async function removePasskey(fetchFn: Fetch, id: string): Promise<SecurityResult<null>> {
  const response = await call(fetchFn, 'DELETE', `/api/auth/passkeys/${encodeURIComponent(id)}`);
  if (!response.ok) return response;
  const res = response.value;
  // 404: already gone — the goal is reached.
  if (res.status === 204 || res.status === 404) return discard(res, { ok: true, value: null });
  return (await unauthenticated(res)) ?? discard(res, fail(statusFailure(res)));
}

/**
 * Signs in with a discoverable passkey: no e-mail. `autofill` waits for the person to pick a passkey in the
 * e-mail field's suggestions (conditional UI) instead of opening the browser's dialog.
 */
export async function signInWithPasskey(
  fetchFn: Fetch,
  options: { autofill: boolean },
): Promise<SecurityResult<SignedInUser>> {
  const optionsResponse = await call(fetchFn, 'POST', '/api/auth/passkeys/authentication/options', {});
  if (!optionsResponse.ok) return optionsResponse;
  const request = await readJson(
    optionsResponse.value,
    z.custom<PublicKeyCredentialRequestOptionsJSON>((v) => typeof v === 'object' && v !== null),
  );
  if (!request.ok) return request;
  let response;
  try {
    response = await startAuthentication({
      optionsJSON: request.value,
      useBrowserAutofill: options.autofill,
    });
  } catch (error) {
    return ceremonyFailure(error);
  }
  const verified = await call(fetchFn, 'POST', '/api/auth/passkeys/authentication', { response });
  if (!verified.ok) return verified;
  const res = verified.value;
  if (res.status === 401) return discard(res, refuse({ kind: 'rejected' }));
  return readUser(res);
}

export async function listSessions(fetchFn: Fetch): Promise<SecurityResult<DeviceSession[]>> {
  const response = await call(fetchFn, 'GET', '/api/auth/sessions');
  if (!response.ok) return response;
  const result = await readJson(response.value, z.object({ sessions: z.array(sessionSchema) }));
  return result.ok ? { ok: true, value: result.value.sessions } : result;
}

export async function endSession(fetchFn: Fetch, id: string): Promise<SecurityResult<null>> {
  const response = await call(fetchFn, 'DELETE', `/api/auth/sessions/${encodeURIComponent(id)}`);
  if (!response.ok) return response;
  const res = response.value;
  if (res.status === 204 || res.status === 404) return discard(res, { ok: true, value: null });
  return (await unauthenticated(res)) ?? discard(res, fail(statusFailure(res)));
}

export async function endOtherSessions(fetchFn: Fetch): Promise<SecurityResult<number>> {
  const response = await call(fetchFn, 'POST', '/api/auth/sessions/revoke-others', {});
  if (!response.ok) return response;
  const result = await readJson(response.value, z.object({ ended: z.number() }));
  return result.ok ? { ok: true, value: result.value.ended } : result;
}
