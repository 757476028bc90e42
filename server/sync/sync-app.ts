import { Hono } from 'hono';
import { requireUser } from '../auth/require-user.ts';
import type { AuthedEnv } from '../http/context.ts';
import { createSyncRoutes } from '../../sync/server/routes.ts';
import { createPgSyncStore, type PgSyncStoreDeps } from './pg-store.ts';

/**
 * `/api/sync/*` for the signed-in user: the protocol routes of sync/server over the PostgreSQL store. The
 * identity comes from the session (requireUser), never from the request.
 */
export function createSyncApp(deps: PgSyncStoreDeps): Hono<AuthedEnv> {
  const store = createPgSyncStore(deps);
  const app = new Hono<AuthedEnv>();
  app.use('*', requireUser);
  app.route(
    '/',
    createSyncRoutes<AuthedEnv>({
      getIdentity: (c) => c.get('identity'),
      store,
      feed: deps.feed,
    }),
  );
  return app;
}
