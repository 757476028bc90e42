import { z } from 'zod';
import { NOTIFICATION_TYPES, type NotificationType } from '../../entities/support.ts';
import { isStaff, type Role } from '../../identity.ts';

/**
 * Who receives which notification (docs/domain-client.md "Notifications"). Clients get the dashboard spec's
 * eight triggers (§ Sistema de Notificações) and the agency's chat replies; staff (admins and CSMs) get the CSM
 * alerts and clients' chat messages. The lists are the
 * same ones the server's triggers fire and the settings screen shows.
 *
 * Invariants:
 * - Every type belongs to exactly one audience (a test checks the two lists partition `NOTIFICATION_TYPES`).
 * - The channels are exactly push, in-app (the `notifications` collection) and the e-mail digest.
 */

export type NotificationAudience = 'client' | 'staff';

export const NOTIFICATION_AUDIENCE = {
  conversion: 'client',
  goal_reached: 'client',
  campaign_anomaly: 'client',
  qualified_lead: 'client',
  ticket_answered: 'client',
  chat_reply: 'client',
  meeting_reminder: 'client',
  invoice_due: 'client',
  new_article: 'client',
  customer_critical: 'staff',
  risk_alert: 'staff',
  renewal_due: 'staff',
  sla_breach: 'staff',
  meeting_request: 'staff',
  ticket_created: 'staff',
  chat_message: 'staff',
} as const satisfies Record<NotificationType, NotificationAudience>;

/** The types a user of this role can receive, in the order the settings screen lists them. */
export function notificationTypesFor(role: Role): readonly NotificationType[] {
  const audience: NotificationAudience = isStaff(role) ? 'staff' : 'client';
  return NOTIFICATION_TYPES.filter((type) => NOTIFICATION_AUDIENCE[type] === audience);
}

export const NOTIFICATION_CHANNELS = ['push', 'inApp', 'email'] as const;
export const notificationChannelSchema = z.enum(NOTIFICATION_CHANNELS);
export type NotificationChannel = z.infer<typeof notificationChannelSchema>;
