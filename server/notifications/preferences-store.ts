import { notificationTypeSchema } from '../../shared/entities/support.ts';
import {
  DEFAULT_QUIET_HOURS,
  type ChannelPreferences,
  type NotificationPreferences,
} from '../../shared/domain/notifications/preferences.ts';
import type { NotificationChannel } from '../../shared/domain/notifications/types.ts';
import type { DbClient } from '../db/database.ts';

/**
 * Notification preferences in PostgreSQL: `notification_preferences` (one row per type × channel; no row =
 * enabled) and `notification_settings` (quiet hours; no row = off). Read under the caller's identity (the user
 * themself, or the system identity of their organization when a trigger decides), so RLS bounds both.
 */

const COLUMN: Readonly<Record<NotificationChannel, string>> = {
  push: 'push',
  inApp: 'in_app',
  email: 'email',
};
const CHANNEL_OF: Readonly<Record<string, NotificationChannel>> = {
  push: 'push',
  in_app: 'inApp',
  email: 'email',
};

/** The preferences of each user (users without rows get `{types: {}, quietHours: off}`). */
export async function readPreferences(
  client: DbClient,
  organizationId: string,
  userIds: readonly string[],
): Promise<Map<string, NotificationPreferences>> {
  const result = new Map<string, NotificationPreferences>(
    userIds.map((id) => [id, { types: {}, quietHours: { ...DEFAULT_QUIET_HOURS } }]),
  );
  const channels = await client.query<{ userId: string; type: string; channel: string; enabled: boolean }>(
    `SELECT user_id AS "userId", type, channel, enabled FROM notification_preferences
      WHERE organization_id = $1 AND user_id = ANY($2::uuid[])`,
    [organizationId, userIds],
  );
  for (const row of channels.rows) {
    const prefs = result.get(row.userId);
    const type = notificationTypeSchema.safeParse(row.type);
    const channel = CHANNEL_OF[row.channel];
    if (!prefs || !type.success || !channel) continue;
    const current: ChannelPreferences = prefs.types[type.data] ?? { push: true, inApp: true, email: true };
    prefs.types[type.data] = { ...current, [channel]: row.enabled };
  }
  const quiet = await client.query<{ userId: string; enabled: boolean; start: string; end: string }>(
    `SELECT user_id AS "userId", quiet_hours_enabled AS enabled, quiet_start AS start, quiet_end AS "end"
       FROM notification_settings WHERE organization_id = $1 AND user_id = ANY($2::uuid[])`,
    [organizationId, userIds],
  );
  for (const row of quiet.rows) {
    const prefs = result.get(row.userId);
    if (prefs) prefs.quietHours = { enabled: row.enabled, start: row.start, end: row.end };
  }
  return result;
}

/** Replaces the user's preferences with `prefs` (types it omits go back to the defaults). */
export async function writePreferences(
  client: DbClient,
  user: { organizationId: string; userId: string },
  prefs: NotificationPreferences,
): Promise<void> {
  await client.query('DELETE FROM notification_preferences WHERE organization_id = $1 AND user_id = $2', [
    user.organizationId,
    user.userId,
  ]);
  const rows = Object.entries(prefs.types).flatMap(([type, channels]) =>
    (Object.keys(COLUMN) as NotificationChannel[]).map((channel) => [
      type,
      COLUMN[channel],
      channels[channel],
    ]),
  );
  if (rows.length > 0) {
    await client.query(
      `INSERT INTO notification_preferences (organization_id, user_id, type, channel, enabled)
       SELECT $1, $2, t.type, t.channel, t.enabled
         FROM unnest($3::text[], $4::text[], $5::boolean[]) AS t(type, channel, enabled)`,
      [user.organizationId, user.userId, rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2])],
    );
  }
  const q = prefs.quietHours;
  await client.query(
    `INSERT INTO notification_settings (organization_id, user_id, quiet_hours_enabled, quiet_start, quiet_end)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (organization_id, user_id) DO UPDATE
       SET quiet_hours_enabled = EXCLUDED.quiet_hours_enabled, quiet_start = EXCLUDED.quiet_start,
           quiet_end = EXCLUDED.quiet_end, updated_at = now()`,
    [user.organizationId, user.userId, q.enabled, q.start, q.end],
  );
}
