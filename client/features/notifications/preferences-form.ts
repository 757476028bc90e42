import type { NotificationPreferences } from '../../../shared/domain/notifications/preferences.ts';
import type { NotificationChannel } from '../../../shared/domain/notifications/types.ts';
import type { NotificationType } from '../../../shared/entities/support.ts';

/**
 * The preferences form's pure steps: one change at a time on a copy, and the validation issues of the shared
 * schema (`notificationPreferencesSchema`, the one the server applies to the `PUT`) mapped to the field that
 * shows them. Kept apart from the component so the rules are tested without a DOM.
 */

export const withChannel = (
  prefs: NotificationPreferences,
  type: NotificationType,
  channel: NotificationChannel,
  on: boolean,
): NotificationPreferences => {
  const current = prefs.types[type] ?? { push: true, inApp: true, email: true };
  return { ...prefs, types: { ...prefs.types, [type]: { ...current, [channel]: on } } };
};

export const withQuietHours = (
  prefs: NotificationPreferences,
  change: Partial<NotificationPreferences['quietHours']>,
): NotificationPreferences => ({ ...prefs, quietHours: { ...prefs.quietHours, ...change } });

export type QuietField = 'start' | 'end';
export type QuietErrors = Partial<Record<QuietField, 'time' | 'sameTimes'>>;

/** Which quiet-hours field shows what, from the issue paths of a refused save (device or server). */
export function quietErrorsFor(prefs: NotificationPreferences, paths: readonly string[]): QuietErrors {
  const errors: QuietErrors = {};
  const valid = (time: string) => /^([01]\d|2[0-3]):[0-5]\d$/.test(time);
  for (const path of paths) {
    if (path === 'quietHours.start') errors.start = 'time';
    if (path === 'quietHours.end') {
      errors.end =
        valid(prefs.quietHours.end) && prefs.quietHours.start === prefs.quietHours.end ? 'sameTimes' : 'time';
    }
  }
  return errors;
}

/** Whether two complete preferences say the same (nothing to save). */
export const samePreferences = (a: NotificationPreferences, b: NotificationPreferences): boolean =>
  JSON.stringify(normalise(a)) === JSON.stringify(normalise(b));

const normalise = (p: NotificationPreferences) => ({
  types: Object.fromEntries(Object.entries(p.types).sort(([x], [y]) => x.localeCompare(y))),
  quietHours: p.quietHours,
});
