import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

/**
 * Cookie names and attributes (docs/architecture.md §6). Over HTTPS the names carry the `__Host-` prefix, which makes the
 * browser insist on Secure, Path=/ and no Domain — so a sibling subdomain cannot plant or shadow them.
 *
 * - session: the opaque session token; HttpOnly (no script can read it), SameSite=Lax (not sent on
 *   cross-site subrequests; the CSRF middleware covers the rest), lives until the absolute expiry.
 * - device: a random id remembered by a browser that signed in successfully; it lets that browser sign in
 *   even while its account is throttled by someone else's failed attempts (see login-throttle.ts).
 *   SameSite=Strict: only our own pages ever need it.
 */
const SESSION = 'arco_session';
const DEVICE = 'arco_device';
/** Browsers cap cookie lifetimes at 400 days. */
export const DEVICE_COOKIE_MAX_AGE_SECONDS = 400 * 24 * 60 * 60;

const nameFor = (base: string, secure: boolean) => (secure ? `__Host-${base}` : base);

export const sessionCookieName = (secure: boolean) => nameFor(SESSION, secure);
export const deviceCookieName = (secure: boolean) => nameFor(DEVICE, secure);

export const readSessionCookie = (c: Context, secure: boolean) => getCookie(c, sessionCookieName(secure));
export const readDeviceCookie = (c: Context, secure: boolean) => getCookie(c, deviceCookieName(secure));

export function writeSessionCookie(c: Context, token: string, maxAgeSeconds: number, secure: boolean): void {
  setCookie(c, sessionCookieName(secure), token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure,
    maxAge: maxAgeSeconds,
  });
}

export function writeDeviceCookie(c: Context, deviceId: string, secure: boolean): void {
  setCookie(c, deviceCookieName(secure), deviceId, {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
    secure,
    maxAge: DEVICE_COOKIE_MAX_AGE_SECONDS,
  });
}

export function clearSessionCookie(c: Context, secure: boolean): void {
  deleteCookie(c, sessionCookieName(secure), { path: '/', secure, httpOnly: true, sameSite: 'Lax' });
}
