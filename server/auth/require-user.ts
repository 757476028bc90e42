import { createMiddleware } from 'hono/factory';
import type { AuthedEnv } from '../http/context.ts';
import { ApiError, unauthorized } from '../../shared/api-errors.ts';
import { clearSessionCookie, readSessionCookie } from './cookies.ts';
import { sessionIdentity } from './types.ts';

/**
 * Lets the request through only with a live session (sessions.ts decides what "live" means), and gives the
 * handler `c.get('user')`, `c.get('session')` and `c.get('identity')` (for `db.withIdentity`).
 * A dead cookie is cleared, so the browser stops sending it. Use on a sub-app (`app.use(requireUser)`) or
 * per route.
 */
export const requireUser = createMiddleware<AuthedEnv>(async (c, next) => {
  const secure = c.get('secure');
  const token = readSessionCookie(c, secure);
  const resolved = await c.get('sessions').resolve(token);
  if (!resolved) {
    // A disabled user's device keeps its cookie and hears `account_disabled` on every contact until it has
    // wiped its local data and signed out (client/auth/session-context.tsx); any other dead cookie is cleared.
    if (await c.get('sessions').belongsToDisabledUser(token)) throw accountDisabled();
    if (token !== undefined) clearSessionCookie(c, secure);
    throw unauthorized();
  }
  c.set('user', resolved.user);
  c.set('session', resolved.session);
  c.set('identity', sessionIdentity(resolved.user));
  await next();
});

/** 401 with `details.reason: 'account_disabled'` (docs/api.md "Sessions"). */
export const accountDisabled = () =>
  new ApiError('unauthorized', 'This account has been disabled by an administrator.', {
    reason: 'account_disabled',
  });
