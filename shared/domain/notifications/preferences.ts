import { z } from 'zod';
import { notificationTypeSchema, type NotificationType } from '../../entities/support.ts';
import type { Role } from '../../identity.ts';
import { notificationTypesFor, type NotificationChannel } from './types.ts';

/**
 * A user's notification preferences (docs/api.md "Notification preferences") and the one decision every
 * sender takes: `deliveryChannels(prefs, type, now, timeZone)` — on which channels one notification of `type`
 * goes out at `now`. Pure: the server calls it with its clock and the recipient's time zone (users.time_zone);
 * the settings screen may call it to explain "you would get this now on …".
 *
 * Invariants:
 * - Everything is on by default: a type missing from `types` (or a channel missing from a type) is enabled, so a
 *   new type reaches people until they mute it. Quiet hours are off by default.
 * - Quiet hours hold back **push only**: the inbox item is still written and the e-mail digest still queued
 *   (neither interrupts anyone), so nothing is lost while the phone is silent.
 * - Quiet hours are local wall-clock times in the user's time zone, `start` inclusive, `end` exclusive; a window
 *   with `start` later than `end` runs across midnight (22:00–07:00). `start` equal to `end` is refused (it would
 *   be ambiguous between "never" and "always").
 */

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time HH:MM (00:00–23:59)');

export const channelPreferencesSchema = z.strictObject({
  push: z.boolean(),
  inApp: z.boolean(),
  email: z.boolean(),
});
export type ChannelPreferences = z.infer<typeof channelPreferencesSchema>;

export const quietHoursSchema = z
  .strictObject({ enabled: z.boolean(), start: hhmm, end: hhmm })
  .refine((q) => q.start !== q.end, { message: 'start and end must differ', path: ['end'] });
export type QuietHours = z.infer<typeof quietHoursSchema>;

/** What `GET` answers and `PUT` takes. `types` may omit types (they keep their defaults: everything on). */
export const notificationPreferencesSchema = z.strictObject({
  types: z.partialRecord(notificationTypeSchema, channelPreferencesSchema),
  quietHours: quietHoursSchema,
});
export type NotificationPreferences = z.infer<typeof notificationPreferencesSchema>;

export const ALL_CHANNELS_ON: ChannelPreferences = { push: true, inApp: true, email: true };
export const DEFAULT_QUIET_HOURS: QuietHours = { enabled: false, start: '22:00', end: '07:00' };

/** The defaults for a role: every type of its audience on every channel, quiet hours off. */
export function defaultNotificationPreferences(role: Role): NotificationPreferences {
  return {
    types: Object.fromEntries(notificationTypesFor(role).map((type) => [type, { ...ALL_CHANNELS_ON }])),
    quietHours: { ...DEFAULT_QUIET_HOURS },
  };
}

/** The role's complete preferences: every type of its audience present, missing ones at the default. */
export function completePreferences(role: Role, prefs: NotificationPreferences): NotificationPreferences {
  return {
    types: Object.fromEntries(
      notificationTypesFor(role).map((type) => [type, { ...(prefs.types[type] ?? ALL_CHANNELS_ON) }]),
    ),
    quietHours: { ...prefs.quietHours },
  };
}

/** Minutes after local midnight of `now` in `timeZone` (IANA), e.g. 22:30 → 1350. */
export function localMinutes(now: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const get = (type: 'hour' | 'minute') => Number(parts.find((p) => p.type === type)?.value ?? '0');
  return get('hour') * 60 + get('minute');
}

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** Whether `now` falls inside the quiet hours, read on the user's wall clock. */
export function inQuietHours(quiet: QuietHours, now: Date, timeZone: string): boolean {
  if (!quiet.enabled) return false;
  const at = localMinutes(now, timeZone);
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  return start < end ? at >= start && at < end : at >= start || at < end;
}

export type DeliveryChannels = Readonly<Record<NotificationChannel, boolean>>;

/** On which channels one notification of `type` goes out at `now` for a user with `prefs` living in `timeZone`. */
export function deliveryChannels(
  prefs: NotificationPreferences,
  type: NotificationType,
  now: Date,
  timeZone: string,
): DeliveryChannels {
  const chosen = prefs.types[type] ?? ALL_CHANNELS_ON;
  return {
    inApp: chosen.inApp,
    push: chosen.push && !inQuietHours(prefs.quietHours, now, timeZone),
    email: chosen.email,
  };
}
