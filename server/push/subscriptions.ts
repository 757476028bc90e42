import type { Identity, UserIdentity } from '../../shared/identity.ts';
import type { PushSubscriptionBody } from '../../shared/domain/notifications/push-subscription.ts';
import type { Database, DbClient } from '../db/database.ts';
import type { SessionEndedHandler } from '../auth/routes.ts';
import { sessionIdentity } from '../auth/types.ts';

/**
 * Push subscriptions (server-only table `push_subscriptions`, docs/architecture.md §4.2): one row per browser
 * push endpoint, owned by a user and tied to the session (device) that registered it.
 *
 * Invariants:
 * - An endpoint is unique across the installation. It is a bearer capability of one browser profile, so when a
 *   different user registers an endpoint another user still holds (the previous user's session lapsed
 *   without signing out), the old row is deleted first: that browser now belongs to the new user.
 * - Signing out deletes the session's subscriptions; a session replaced by a new sign-in of the same user on the
 *   same browser hands them over; pruning a session deletes them (ON DELETE CASCADE).
 * - Sending reads only subscriptions whose session is still live (not revoked, not expired) — a lapsed
 *   device gets nothing until its user signs in again.
 */

export interface StoredSubscription {
  readonly id: string;
  readonly userId: string;
  readonly endpoint: string;
  readonly p256dh: string;
  readonly auth: string;
}

export async function saveSubscription(
  db: Database,
  owner: { identity: UserIdentity; sessionId: string; userAgent: string | null },
  body: PushSubscriptionBody,
): Promise<void> {
  const { identity } = owner;
  // The one privileged step: the other user's row is invisible to this identity (RLS), so only the owner role
  // can clear it. Scoped to this exact endpoint and to rows of someone else.
  await db.privileged((client) =>
    client.query(
      'DELETE FROM push_subscriptions WHERE endpoint = $1 AND (organization_id, user_id) <> ($2, $3)',
      [body.endpoint, identity.organizationId, identity.userId],
    ),
  );
  await db.withIdentity(identity, (client) =>
    client.query(
      `INSERT INTO push_subscriptions (organization_id, user_id, session_id, endpoint, p256dh, auth, user_agent)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (endpoint) DO UPDATE
         SET session_id = EXCLUDED.session_id, p256dh = EXCLUDED.p256dh, auth = EXCLUDED.auth,
             user_agent = EXCLUDED.user_agent`,
      [
        identity.organizationId,
        identity.userId,
        owner.sessionId,
        body.endpoint,
        body.keys.p256dh.replace(/=+$/, ''),
        body.keys.auth.replace(/=+$/, ''),
        owner.userAgent?.slice(0, 512) ?? null,
      ],
    ),
  );
}

/** Deletes the caller's subscription with this endpoint; true when one was there. */
export async function deleteSubscription(
  db: Database,
  identity: UserIdentity,
  endpoint: string,
): Promise<boolean> {
  const { rowCount } = await db.withIdentity(identity, (client) =>
    client.query('DELETE FROM push_subscriptions WHERE endpoint = $1', [endpoint]),
  );
  return (rowCount ?? 0) > 0;
}

/** Sign-out of one device: its subscriptions go. */
export async function deleteSessionSubscriptions(
  db: Database,
  identity: UserIdentity,
  sessionId: string,
): Promise<number> {
  const { rowCount } = await db.withIdentity(identity, (client) =>
    client.query('DELETE FROM push_subscriptions WHERE session_id = $1', [sessionId]),
  );
  return rowCount ?? 0;
}

/** A new sign-in of the same user on the same browser keeps the device's subscriptions. */
export async function moveSessionSubscriptions(
  db: Database,
  identity: UserIdentity,
  from: string,
  to: string,
): Promise<void> {
  await db.withIdentity(identity, (client) =>
    client.query('UPDATE push_subscriptions SET session_id = $2 WHERE session_id = $1', [from, to]),
  );
}

/** The live subscriptions of these users (for sending), read as the system identity of their organization. */
export async function liveSubscriptions(
  client: DbClient,
  organizationId: string,
  userIds: readonly string[],
  now: Date,
): Promise<StoredSubscription[]> {
  const { rows } = await client.query<StoredSubscription>(
    `SELECT p.id, p.user_id AS "userId", p.endpoint, p.p256dh, p.auth
       FROM push_subscriptions p JOIN sessions s ON s.id = p.session_id
      WHERE p.organization_id = $1 AND p.user_id = ANY($2::uuid[])
        AND s.revoked_at IS NULL AND s.expires_at > $3
      ORDER BY p.created_at, p.id`,
    [organizationId, userIds, now],
  );
  return rows;
}

/** A push service answered 404/410: the subscription is gone for good. */
export async function dropSubscription(db: Database, identity: Identity, id: string): Promise<void> {
  await db.withIdentity(identity, (client) =>
    client.query('DELETE FROM push_subscriptions WHERE id = $1', [id]),
  );
}

/**
 * What sign-out and a new sign-in do to the device's subscriptions (createApp's `onSessionEnded`): sign-out
 * deletes them; a new sign-in of the same user keeps them on the new session; another user's sign-in on the
 * same browser deletes them (that user subscribes again on their own).
 */
export function pushSessionHandler(db: Database): SessionEndedHandler {
  return async ({ session, next, nextUser }) => {
    const identity = sessionIdentity(session.user);
    if (next !== null && nextUser?.id === session.user.id)
      await moveSessionSubscriptions(db, identity, session.id, next);
    else await deleteSessionSubscriptions(db, identity, session.id);
  };
}
