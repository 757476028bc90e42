import { Hono } from 'hono';
import { z } from 'zod';
import type { Clock, AppEnv } from '../http/context.ts';
import { limitBody, readJson } from '../http/body.ts';
import { rateLimited, unauthorized } from '../../shared/api-errors.ts';
import { addressKey, clientAddress } from '../http/request-info.ts';
import type { Config } from '../config.ts';
import {
  clearSessionCookie,
  readDeviceCookie,
  readSessionCookie,
  writeDeviceCookie,
  writeSessionCookie,
} from './cookies.ts';
import { admitLoginAttempt } from './login-throttle.ts';
import { MAX_PASSWORD_LENGTH, needsRehash, hashPassword, verifyPassword } from './passwords.ts';
import { requireUser } from './require-user.ts';
import type { AuthStore, SessionRef } from './store.ts';
import type { SignedInUser } from '../../shared/identity.ts';
import { hashToken, isWellFormedToken, newToken, type RandomBytes } from './tokens.ts';

export const loginBodySchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254)
    .regex(/^[^\s@]+@[^\s@]+$/, 'Enter an email address.'),
  password: z.string().min(1, 'Enter your password.').max(MAX_PASSWORD_LENGTH),
});

/** One answer for every failed sign-in: unknown email, wrong password, disabled account, no password set. */
export const INVALID_CREDENTIALS = 'Incorrect email or password.';

/** Sign-in bodies are tiny; refuse anything bigger before reading it. */
const LOGIN_BODY_LIMIT = 8 * 1024;

/**
 * A session ended: signed out (`next` null), or replaced by the sign-in that started `next` for `nextUser` on the
 * same browser (the same user or another one).
 */
export type SessionEndedHandler = (ended: {
  readonly session: SessionRef;
  readonly reason: 'sign_out' | 'replaced';
  readonly next: string | null;
  readonly nextUser: SignedInUser | null;
}) => Promise<void>;

export const CLEAR_SITE_DATA = '"cache", "cookies", "storage"';

/**
 * `/api/auth`: sign-in, sign-out, current user. See docs/api.md.
 */
export function authRoutes(deps: {
  readonly store: AuthStore;
  readonly clock: Clock;
  readonly random: RandomBytes;
  readonly config: Pick<Config, 'publicOrigin' | 'trustProxy'>;
  /** Told when a session ends by sign-out or is replaced by a new sign-in (push subscriptions follow it). */
  readonly onSessionEnded?: SessionEndedHandler;
  /** The password check (argon2id; injectable so tests can count verifications). */
  readonly verifyPassword?: typeof verifyPassword;
}) {
  const { store, clock, random, config } = deps;
  const verify = deps.verifyPassword ?? verifyPassword;
  const onSessionEnded = deps.onSessionEnded ?? (async () => {});

  return new Hono<AppEnv>()
    .post('/login', limitBody(LOGIN_BODY_LIMIT), async (c) => {
      const { email, password } = await readJson(c, loginBodySchema);
      const secure = c.get('secure');
      const address = clientAddress(c, config);
      const ip = addressKey(address);
      const deviceCookie = readDeviceCookie(c, secure);
      const existingDeviceKey = isWellFormedToken(deviceCookie) ? hashToken(deviceCookie) : null;
      const now = clock.now();

      const verdict = await admitLoginAttempt(store, now, {
        accountKey: email,
        ip,
        deviceKey: existingDeviceKey,
      });
      if (!verdict.allowed) {
        c.get('log').warn(
          { event: 'login_throttled', ip, knownDevice: verdict.knownDevice },
          'sign-in throttled',
        );
        throw rateLimited(verdict.retryAfterSeconds, 'Too many failed sign-in attempts. Try again later.');
      }

      // Same work on every path: one lookup, one argon2 verification (against a dummy hash when there is no
      // usable account), one attempt settled — so neither the body nor the timing tells accounts apart.
      const login = await store.findLoginByEmail(email);
      const usableHash = login && !login.disabled ? login.passwordHash : null;
      const ok = (await verify(usableHash, password)) && login !== null;

      // A browser without a device cookie gets one at its first successful sign-in; the success is recorded
      // under it so the browser is a known device from now on.
      const newDeviceId = ok && !existingDeviceKey ? newToken(random) : null;
      const deviceKey = newDeviceId ? hashToken(newDeviceId) : existingDeviceKey;
      await store.settleLoginAttempt(verdict.attemptId, {
        succeeded: ok,
        userId: login?.user.id ?? null,
        deviceKey,
      });
      if (!ok || !login) {
        c.get('log').info({ event: 'login_failed', ip, knownDevice: verdict.knownDevice }, 'sign-in failed');
        throw unauthorized(INVALID_CREDENTIALS);
      }

      // Rotation: whatever session this browser had is revoked; the sign-in always starts a new one.
      const replaced = await c.get('sessions').end(readSessionCookie(c, secure), 'replaced');
      const started = await c.get('sessions').start(login.user, {
        userAgent: c.req.header('user-agent') ?? null,
        ip: address,
      });
      if (replaced)
        await onSessionEnded({
          session: replaced,
          reason: 'replaced',
          next: started.session.id,
          nextUser: login.user,
        });
      writeSessionCookie(c, started.token, started.maxAgeSeconds, secure);
      if (newDeviceId) writeDeviceCookie(c, newDeviceId, secure);
      if (login.passwordHash && needsRehash(login.passwordHash)) {
        await store.updatePasswordHash(login.user, await hashPassword(password));
      }
      c.get('log').info({ event: 'login_succeeded', userId: login.user.id }, 'signed in');
      return c.json({ user: login.user }, 200);
    })
    .post('/logout', async (c) => {
      const secure = c.get('secure');
      const ended = await c.get('sessions').end(readSessionCookie(c, secure), 'sign_out');
      if (ended) await onSessionEnded({ session: ended, reason: 'sign_out', next: null, nextUser: null });
      const userId = ended?.user.id;
      clearSessionCookie(c, secure);
      // Tells the browser to drop this origin's caches, cookies and storage (docs/api.md, "POST /api/auth/logout").
      c.header('Clear-Site-Data', CLEAR_SITE_DATA);
      if (userId) c.get('log').info({ event: 'logout', userId }, 'signed out');
      return c.body(null, 204);
    })
    .get('/me', requireUser, (c) => c.json({ user: c.get('user') }, 200));
}
