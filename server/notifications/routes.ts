import { Hono } from 'hono';
import {
  completePreferences,
  notificationPreferencesSchema,
} from '../../shared/domain/notifications/preferences.ts';
import { NOTIFICATION_AUDIENCE } from '../../shared/domain/notifications/types.ts';
import { NOTIFICATION_TYPES } from '../../shared/entities/support.ts';
import { isStaff } from '../../shared/identity.ts';
import { ApiError } from '../../shared/api-errors.ts';
import { requireUser } from '../auth/require-user.ts';
import type { Database } from '../db/database.ts';
import { limitBody, readJson } from '../http/body.ts';
import type { AuthedEnv } from '../http/context.ts';
import { readPreferences, writePreferences } from './preferences-store.ts';

const PREFERENCES_BODY_LIMIT = 16 * 1024;

/**
 * `/api/me` — the signed-in user's own settings that live only on the server (docs/api.md "Notification
 * preferences"). The preferences are held here, not on the device, because a muted type must never be sent:
 * the triggers (server/notifications/) read them at send time.
 */
export function meRoutes(deps: { db: Database }): Hono<AuthedEnv> {
  const { db } = deps;
  const app = new Hono<AuthedEnv>();
  app.use('*', requireUser);

  app.get('/notification-preferences', async (c) => {
    const user = c.get('user');
    const stored = await db.withIdentity(c.get('identity'), (client) =>
      readPreferences(client, user.organizationId, [user.id]),
    );
    return c.json(completePreferences(user.role, stored.get(user.id)!));
  });

  app.put('/notification-preferences', limitBody(PREFERENCES_BODY_LIMIT), async (c) => {
    const prefs = await readJson(c, notificationPreferencesSchema);
    const user = c.get('user');
    const audience = isStaff(user.role) ? 'staff' : 'client';
    const foreign = NOTIFICATION_TYPES.filter(
      (type) => prefs.types[type] !== undefined && NOTIFICATION_AUDIENCE[type] !== audience,
    );
    if (foreign.length > 0) {
      throw new ApiError('validation_failed', 'Some notification types are not available to you.', {
        issues: foreign.map((type) => ({
          path: `types.${type}`,
          code: 'type_not_for_role',
          message: 'not a notification type of this role',
        })),
      });
    }
    await db.withIdentity(c.get('identity'), (client) =>
      writePreferences(client, { organizationId: user.organizationId, userId: user.id }, prefs),
    );
    c.get('log').info({ event: 'notification_preferences_saved', userId: user.id }, 'preferences saved');
    return c.json(completePreferences(user.role, prefs));
  });

  return app;
}
