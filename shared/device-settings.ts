import { z } from 'zod';
import { LOCALES, userProfileSchema, type UserProfile } from './user-profile.ts';
import { healthScoreConfigSchema } from './domain/csm/health-config.ts';
import { playbooksSchema } from './domain/csm/playbooks.ts';
import { leadScoringConfigSchema } from './domain/portal/lead-score.ts';

/**
 * What a device keeps offline besides the synced collections (docs/architecture.md §4): the organization's
 * settings, its health-score configuration and alert playbooks (staff only) and the signed-in user's profile.
 * They travel as RxDB *local documents*, fetched from `GET /api/settings`; the profile is edited with
 * `PATCH /api/settings/profile`, the health configuration and the playbooks by an admin with
 * `PUT /api/settings/health`, `PUT /api/settings/playbooks` and `PUT /api/settings/lead-scoring`. Written once here so the server
 * validates with exactly the rules the device applies optimistically.
 *
 * Readers are lenient (`z.object`): a newer server may add fields and an older device must still read them.
 */

// The profile lives in its own module so a screen that only reads the user's language and zone (the shell, in
// the first load) does not bring the health and playbook rules with it.
export { LOCALES, userProfileSchema, type Locale, type UserProfile } from './user-profile.ts';

/** An IANA zone the runtime knows (`Intl` throws a RangeError for anything else). */
export function isTimeZone(value: string): boolean {
  if (value.length === 0 || value.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const timeZoneSchema = z.string().refine(isTimeZone, { error: 'Choose a valid time zone.' });

/** Brazilian and international numbers as people type them: digits, spaces, + ( ) . - (the DB checks it too). */
const phoneSchema = z
  .string()
  .trim()
  .min(3, { error: 'The phone number is too short.' })
  .max(40, { error: 'The phone number is too long.' })
  .regex(/^[0-9+()\s.-]+$/, { error: 'Use only digits, spaces and + ( ) . - in the phone number.' });

export const organizationSettingsSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  locale: z.enum(LOCALES),
  timeZone: z.string().min(1),
  currency: z.string().min(1),
});
export type OrganizationSettings = z.infer<typeof organizationSettingsSchema>;

/** The organization's health configuration as a device sees it; `updatedAt` null = never edited (defaults). */
export const deviceHealthConfigSchema = healthScoreConfigSchema.extend({
  updatedAt: z.string().nullable(),
});
export type DeviceHealthConfig = z.infer<typeof deviceHealthConfigSchema>;

/** The organization's playbooks as a device sees them; `updatedAt` null = never edited (the defaults). */
export const devicePlaybooksSchema = z.object({
  playbooks: playbooksSchema,
  updatedAt: z.string().nullable(),
});
export type DevicePlaybooks = z.infer<typeof devicePlaybooksSchema>;

/**
 * The organization's lead scoring rules (docs/domain-client.md §3B) as a device sees them; `updatedAt` null =
 * never edited (the defaults). Every role gets them: the client's leads screen scores with them.
 */
export const deviceLeadScoringSchema = z.object({
  config: leadScoringConfigSchema,
  updatedAt: z.string().nullable(),
});
export type DeviceLeadScoring = z.infer<typeof deviceLeadScoringSchema>;

export const deviceSettingsSchema = z.object({
  organization: organizationSettingsSchema,
  profile: userProfileSchema,
  /** Null for client users: the health score is staff-only (docs/architecture.md §4). */
  health: deviceHealthConfigSchema.nullable(),
  /**
   * The alert playbooks (docs/domain.md §6); null for client users (staff-only). Absent from an older server,
   * which a device reads as "the defaults".
   */
  playbooks: devicePlaybooksSchema.nullable().optional(),
  /** The lead scoring rules, for every role. Absent from an older server: the device uses the defaults. */
  leadScoring: deviceLeadScoringSchema.optional(),
});
export type DeviceSettings = z.infer<typeof deviceSettingsSchema>;

/** The fields a user may change on their own profile; role, e-mail and organization are admin-only. */
export const profileUpdateSchema = z
  .strictObject({
    name: z
      .string()
      .trim()
      .min(1, { error: 'Enter your name.' })
      .max(120, { error: 'The name is too long (at most 120 characters).' }),
    locale: z.enum(LOCALES, { error: 'Choose Português (Brasil) or English.' }),
    timeZone: timeZoneSchema,
    phone: phoneSchema.nullable(),
    jobTitle: z
      .string()
      .trim()
      .min(1, { error: 'Enter a job title or leave it empty.' })
      .max(120, { error: 'The job title is too long (at most 120 characters).' })
      .nullable(),
  })
  .partial()
  .refine((update) => Object.keys(update).length > 0, { error: 'Nothing to change.' });
export type ProfileUpdate = z.infer<typeof profileUpdateSchema>;

/** Applies an update the way the server will, so the device can show it before the server confirms it. */
export function applyProfileUpdate(profile: UserProfile, update: ProfileUpdate): UserProfile {
  return { ...profile, ...update };
}
