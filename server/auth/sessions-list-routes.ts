import Bowser from 'bowser';
import { Hono } from 'hono';
import { conflict, notFound } from '../../shared/api-errors.ts';
import type { Config } from '../config.ts';
import type { AuthedEnv, Clock } from '../http/context.ts';
import type { AccountStore, SessionInfo } from './account-store.ts';
import { requireUser } from './require-user.ts';
import type { SessionEndedHandler } from './routes.ts';

/**
 * `/api/auth/sessions` (docs/api.md "Signed-in devices"): the user's own live sessions — browser and system
 * read from the user agent the session started with, when it was last used, which one is this device — and
 * signing out of one other device or of all others. Only the user's own sessions, ever (the store acts as the
 * user; RLS agrees). This device is ended by `POST /api/auth/logout`, which also wipes the browser's data.
 */
export function sessionsListRoutes(deps: {
  readonly accounts: AccountStore;
  readonly clock: Clock;
  readonly config: Pick<Config, 'session'>;
  readonly onSessionEnded?: SessionEndedHandler;
}) {
  const { accounts, clock, config } = deps;
  const ended = async (sessions: readonly { id: string; user: AuthedEnv['Variables']['user'] }[]) => {
    for (const session of sessions)
      await deps.onSessionEnded?.({ session, reason: 'sign_out', next: null, nextUser: null });
  };

  return new Hono<AuthedEnv>()
    .use(requireUser)
    .get('/', async (c) => {
      const now = clock.now();
      const current = c.get('session').id;
      // Idle-expired sessions are dead already (sessions.ts) even if no request has pruned them yet.
      const live = (await accounts.listSessions(c.get('user'), now)).filter(
        (s) => s.lastSeenAt.getTime() + config.session.idleMs > now.getTime(),
      );
      return c.json({ sessions: live.map((s) => sessionJson(s, current)) }, 200);
    })
    .post('/revoke-others', async (c) => {
      const user = c.get('user');
      const others = await accounts.revokeOtherSessions(user, c.get('session').id, clock.now());
      await ended(others);
      c.get('log').info(
        { event: 'other_sessions_ended', userId: user.id, count: others.length },
        'signed out elsewhere',
      );
      return c.json({ ended: others.length }, 200);
    })
    .delete('/:id', async (c) => {
      const user = c.get('user');
      const id = c.req.param('id');
      if (id === c.get('session').id)
        throw conflict('This is the session of this device: sign out instead (POST /api/auth/logout).');
      if (!(await accounts.revokeOwnSession(user, id, clock.now()))) throw notFound('No such session.');
      await ended([{ id, user }]);
      return c.body(null, 204);
    });
}

/** Browser and system names as people know them ("Chrome", "Android"); null when the agent says nothing. */
export function describeUserAgent(userAgent: string | null): {
  browser: string | null;
  os: string | null;
  device: 'mobile' | 'tablet' | 'desktop' | null;
} {
  if (!userAgent) return { browser: null, os: null, device: null };
  const parsed = Bowser.parse(userAgent);
  const type = parsed.platform.type;
  return {
    browser: parsed.browser.name || null,
    os: parsed.os.name || null,
    device: type === 'mobile' || type === 'tablet' || type === 'desktop' ? type : null,
  };
}

function sessionJson(s: SessionInfo, current: string) {
  return {
    id: s.id,
    ...describeUserAgent(s.userAgent),
    createdAt: s.createdAt.toISOString(),
    lastSeenAt: s.lastSeenAt.toISOString(),
    current: s.id === current,
  };
}
