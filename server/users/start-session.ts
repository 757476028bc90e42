import type { Context } from 'hono';
import type { SignedInUser } from '../../shared/identity.ts';
import { readSessionCookie, writeSessionCookie } from '../auth/cookies.ts';
import type { SessionEndedHandler } from '../auth/routes.ts';
import type { Config } from '../config.ts';
import type { AppEnv } from '../http/context.ts';
import { clientAddress } from '../http/request-info.ts';

/**
 * Signs `user` in on this browser the way `POST /api/auth/login` does after checking a password: whatever
 * session the browser had is revoked ("replaced"), a fresh one starts and its cookie is set. Used where a
 * person has just proved who they are another way (accepting an invitation, the first run).
 */
export async function startSessionFor(
  c: Context<AppEnv>,
  user: SignedInUser,
  deps: {
    readonly config: Pick<Config, 'publicOrigin' | 'trustProxy'>;
    readonly onSessionEnded?: SessionEndedHandler;
  },
): Promise<void> {
  const secure = c.get('secure');
  const sessions = c.get('sessions');
  const replaced = await sessions.end(readSessionCookie(c, secure), 'replaced');
  const started = await sessions.start(user, {
    userAgent: c.req.header('user-agent') ?? null,
    ip: clientAddress(c, deps.config),
  });
  if (replaced && deps.onSessionEnded)
    await deps.onSessionEnded({
      session: replaced,
      reason: 'replaced',
      next: started.session.id,
      nextUser: user,
    });
  writeSessionCookie(c, started.token, started.maxAgeSeconds, secure);
}
