import { Hono } from 'hono';
import { requireUser } from '../auth/require-user.ts';
import type { AuthedEnv } from '../http/context.ts';
import { createSyncRoutes } from '../../sync/server/routes.ts';
import type { ChangeFeed, SyncStore } from '../../sync/server/store.ts';
import { createPgSyncStore, type PgSyncStoreDeps } from './pg-store.ts';

/**
 * `/api/sync/*` for the signed-in user: the protocol routes of sync/server over the PostgreSQL store. The
 * identity comes from the session (requireUser), never from the request. Failures are the API's one error
 * family, answered by the app's handler.
 */
export function createSyncApp(deps: PgSyncStoreDeps): Hono<AuthedEnv> {
  return syncAppOver(createPgSyncStore(deps), deps.feed);
}

/** The same sub-app over any `SyncStore` (tests serve it over the memory store). */
export function syncAppOver(store: SyncStore, feed: ChangeFeed): Hono<AuthedEnv> {
  const app = new Hono<AuthedEnv>();
  app.use('*', requireUser);
  app.route('/', createSyncRoutes<AuthedEnv>({ getIdentity: (c) => c.get('identity'), store, feed }));
  return app;
}
