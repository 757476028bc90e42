import { Hono } from 'hono';
import {
  pushSubscriptionBodySchema,
  pushUnsubscribeBodySchema,
} from '../../shared/domain/notifications/push-subscription.ts';
import { ApiError } from '../../shared/api-errors.ts';
import { requireUser } from '../auth/require-user.ts';
import type { Database } from '../db/database.ts';
import { limitBody, readJson } from '../http/body.ts';
import type { AuthedEnv } from '../http/context.ts';
import { isAllowedPushEndpoint } from './allow-list.ts';
import { deleteSubscription, saveSubscription } from './subscriptions.ts';

/** A PushSubscription's JSON is well under 1 KiB (an endpoint of at most 2 KiB). */
const SUBSCRIPTION_BODY_LIMIT = 4 * 1024;

/**
 * `/api/push` (docs/api.md "Web push"): the server's VAPID public key, and the signed-in device's push
 * subscription. The public key is not a secret, but it is served only to signed-in users like everything
 * else under /api that is not sign-in.
 */
export function pushRoutes(deps: {
  db: Database;
  vapidPublicKey: string;
  allowedHosts: readonly string[];
}): Hono<AuthedEnv> {
  const { db, allowedHosts } = deps;
  const app = new Hono<AuthedEnv>();
  app.use('*', requireUser);

  app.get('/vapid-public-key', (c) => c.json({ publicKey: deps.vapidPublicKey }));

  app.post('/subscriptions', limitBody(SUBSCRIPTION_BODY_LIMIT), async (c) => {
    const body = await readJson(c, pushSubscriptionBodySchema);
    if (!isAllowedPushEndpoint(body.endpoint, allowedHosts)) {
      // Not an issue of shape: the server will not send requests to this host (SSRF guard).
      throw new ApiError('validation_failed', 'This push service is not accepted.', {
        issues: [{ path: 'endpoint', code: 'push_host_not_allowed', message: 'push service not allowed' }],
      });
    }
    await saveSubscription(
      db,
      {
        identity: c.get('identity'),
        sessionId: c.get('session').id,
        userAgent: c.req.header('user-agent') ?? null,
      },
      body,
    );
    c.get('log').info({ event: 'push_subscribed', userId: c.get('user').id }, 'push subscription saved');
    return c.json({ endpoint: body.endpoint }, 201);
  });

  app.delete('/subscriptions', limitBody(SUBSCRIPTION_BODY_LIMIT), async (c) => {
    const { endpoint } = await readJson(c, pushUnsubscribeBodySchema);
    // Idempotent: a device retrying an unsubscribe after a lost answer gets the same 204.
    const removed = await deleteSubscription(db, c.get('identity'), endpoint);
    if (removed) c.get('log').info({ event: 'push_unsubscribed' }, 'push subscription deleted');
    return c.body(null, 204);
  });

  return app;
}
