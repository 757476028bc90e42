import { v7 as uuidv7 } from 'uuid';
import type { Notification } from '../../shared/entities/support.ts';
import { systemIdentity } from '../../shared/identity.ts';
import type { NotificationEvent } from '../../shared/domain/notifications/events.ts';
import { deliveryChannels } from '../../shared/domain/notifications/preferences.ts';
import type { PushMessage } from '../../shared/domain/notifications/push-message.ts';
import { notificationText, type NotificationLanguage } from '../../shared/domain/notifications/texts.ts';
import { NOTIFICATION_AUDIENCE } from '../../shared/domain/notifications/types.ts';
import type { Database, DbClient } from '../db/database.ts';
import type { Logger } from '../logger.ts';
import type { ServerWriter } from '../sync/server-writes.ts';
import { pushOptionsFor, type PushSender } from '../push/sender.ts';
import { dropSubscription, liveSubscriptions } from '../push/subscriptions.ts';
import { readPreferences } from './preferences-store.ts';

/**
 * Delivers notification events (shared/domain/notifications/events.ts) to their recipients on the channels
 * each one's preferences allow now (`deliveryChannels`, in the recipient's time zone).
 *
 * Invariants:
 * - **Once per event and recipient.** The ledger row `notification_deliveries (event_key, user_id)` is inserted
 *   in the same transaction as the inbox item; a second delivery of the key (a job retried, a scan run again,
 *   two instances) finds the row and does nothing. So the inbox item is exactly-once; the push is sent after
 *   commit, at most once (a crash between commit and send loses that push, never doubles it).
 * - A muted channel is never used; quiet hours hold back push only (the decision is the shared one).
 * - Recipients: client types go to the customer's enabled client users; staff types to the customer's CSM, or to
 *   the organization's admins when it has none.
 * - The inbox item is a server write (system identity, organization lock, change published), so it reaches the
 *   user's devices like any synced row. E-mail is queued (`email_due`) for the digest job.
 * - A push service answering 404/410 gets its subscription deleted at once.
 */

export interface DeliverDeps {
  readonly db: Database;
  readonly writer: ServerWriter;
  readonly clock: () => Date;
  /** null: push not configured for this run (in-app and e-mail still happen). */
  readonly push: PushSender | null;
  readonly logger: Logger;
  readonly newId?: () => string;
}

export interface DeliveryReport {
  /** Inbox items written. */
  readonly inApp: number;
  /** Pushes accepted by a push service. */
  readonly pushed: number;
  /** Subscriptions deleted because their push service said they are gone. */
  readonly dropped: number;
  /** Recipients queued for the e-mail digest. */
  readonly emailQueued: number;
  /** (event, recipient) pairs already delivered before. */
  readonly duplicates: number;
}

interface Recipient {
  readonly id: string;
  readonly locale: NotificationLanguage;
  readonly timeZone: string;
}

interface PendingPush {
  readonly userId: string;
  readonly eventKey: string;
  readonly message: PushMessage;
}

async function recipientsOf(
  client: DbClient,
  organizationId: string,
  event: NotificationEvent,
): Promise<Recipient[]> {
  const columns = `u.id, u.locale, u.time_zone AS "timeZone"`;
  if (NOTIFICATION_AUDIENCE[event.type] === 'client') {
    const { rows } = await client.query<Recipient>(
      `SELECT ${columns} FROM users u
        WHERE u.organization_id = $1 AND u.customer_id = $2 AND u.role = 'client' AND u.disabled_at IS NULL
        ORDER BY u.id`,
      [organizationId, event.customerId],
    );
    return rows;
  }
  const { rows } = await client.query<Recipient>(
    `SELECT ${columns} FROM users u
      WHERE u.organization_id = $1 AND u.disabled_at IS NULL AND (
        u.id = (SELECT csm_id FROM customers WHERE organization_id = $1 AND id = $2)
        OR (u.role = 'admin' AND NOT EXISTS (SELECT 1 FROM customers c JOIN users m
              ON m.organization_id = c.organization_id AND m.id = c.csm_id AND m.disabled_at IS NULL
             WHERE c.organization_id = $1 AND c.id = $2)))
      ORDER BY u.id`,
    [organizationId, event.customerId],
  );
  return rows;
}

export async function deliverEvents(
  deps: DeliverDeps,
  organizationId: string,
  events: readonly NotificationEvent[],
): Promise<DeliveryReport> {
  if (events.length === 0) return { inApp: 0, pushed: 0, dropped: 0, emailQueued: 0, duplicates: 0 };
  const now = deps.clock();
  const newId = deps.newId ?? uuidv7;
  const pushes: PendingPush[] = [];
  let inApp = 0;
  let emailQueued = 0;
  let duplicates = 0;

  await deps.writer.transaction(organizationId, async (tx) => {
    const docs: Notification[] = [];
    for (const event of events) {
      const recipients = await recipientsOf(tx.client, organizationId, event);
      if (recipients.length === 0) continue;
      const prefs = await readPreferences(
        tx.client,
        organizationId,
        recipients.map((r) => r.id),
      );
      for (const recipient of recipients) {
        const channels = deliveryChannels(prefs.get(recipient.id)!, event.type, now, recipient.timeZone);
        const text = notificationText(event.params, recipient.locale);
        const notificationId = channels.inApp ? newId() : null;
        const claimed = await tx.client.query(
          `INSERT INTO notification_deliveries (organization_id, event_key, user_id, type, notification_id, title,
                                                body, url, email_due, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
           ON CONFLICT (organization_id, event_key, user_id) DO NOTHING`,
          [
            organizationId,
            event.key,
            recipient.id,
            event.type,
            notificationId,
            text.title.slice(0, 200),
            text.body.slice(0, 1000),
            event.path,
            channels.email,
            now,
          ],
        );
        if ((claimed.rowCount ?? 0) === 0) {
          duplicates++;
          continue;
        }
        if (channels.email) emailQueued++;
        if (notificationId) {
          const at = now.toISOString();
          docs.push({
            id: notificationId,
            updatedAt: at,
            serverSeq: 0,
            clientUpdatedAt: at,
            userId: recipient.id,
            type: event.type,
            title: text.title.slice(0, 200),
            body: text.body.slice(0, 1000),
            url: event.path,
            readAt: null,
            createdAt: at,
          });
        }
        if (channels.push && deps.push)
          pushes.push({
            userId: recipient.id,
            eventKey: event.key,
            message: {
              notificationId: notificationId ?? newId(),
              type: event.type,
              title: text.title.slice(0, 200),
              body: text.body.slice(0, 1000),
              path: event.path,
              tag: event.tag,
            },
          });
      }
    }
    inApp = (await tx.write('notifications', docs)).length;
  });

  const { pushed, dropped } = await sendPushes(deps, organizationId, pushes, now);
  const report = { inApp, pushed, dropped, emailQueued, duplicates };
  deps.logger.debug(
    { event: 'notifications_delivered', organizationId, ...report },
    'notifications delivered',
  );
  return report;
}

async function sendPushes(
  deps: DeliverDeps,
  organizationId: string,
  pushes: readonly PendingPush[],
  now: Date,
): Promise<{ pushed: number; dropped: number }> {
  if (pushes.length === 0 || !deps.push) return { pushed: 0, dropped: 0 };
  const sender = deps.push;
  const identity = systemIdentity(organizationId);
  const userIds = [...new Set(pushes.map((p) => p.userId))];
  const { subscriptions, unread } = await deps.db.withIdentity(identity, async (client) => ({
    subscriptions: await liveSubscriptions(client, organizationId, userIds, now),
    unread: new Map(
      (
        await client.query<{ userId: string; n: number }>(
          `SELECT user_id AS "userId", count(*)::int AS n FROM notifications
            WHERE organization_id = $1 AND user_id = ANY($2::uuid[]) AND read_at IS NULL AND NOT deleted
            GROUP BY user_id`,
          [organizationId, userIds],
        )
      ).rows.map((r) => [r.userId, r.n]),
    ),
  }));
  let pushed = 0;
  let dropped = 0;
  const gone = new Set<string>();
  for (const push of pushes) {
    let sentToUser = 0;
    for (const sub of subscriptions.filter((s) => s.userId === push.userId && !gone.has(s.id))) {
      const message = { ...push.message, unread: unread.get(push.userId) ?? 0 };
      const outcome = await sender.send(sub, message, pushOptionsFor(push.message.type));
      if (outcome.result === 'sent') {
        pushed++;
        sentToUser++;
      } else if (outcome.result === 'gone') {
        gone.add(sub.id);
        await dropSubscription(deps.db, identity, sub.id);
        dropped++;
      } else {
        deps.logger.warn(
          { event: 'push_failed', status: outcome.status, attempts: outcome.attempts },
          'push not delivered',
        );
      }
    }
    if (sentToUser > 0)
      await deps.db.withIdentity(identity, (client) =>
        client.query(
          `UPDATE notification_deliveries SET push_sent = push_sent + $4
            WHERE organization_id = $1 AND event_key = $2 AND user_id = $3`,
          [organizationId, push.eventKey, push.userId, sentToUser],
        ),
      );
  }
  return { pushed, dropped };
}
