import { userProfileSchema, type UserProfile } from '../../shared/user-profile.ts';

/**
 * The user's profile local document (client/db/device-settings.ts keeps it fresh). Apart from the settings
 * module because the shell reads it on every screen — the UI language and time zone — and the first load
 * should not carry the settings' health and playbook rules (issue 16's bundle budget).
 */
export const PROFILE_DOC = 'profile';

export const readProfile = (value: unknown): UserProfile | null =>
  userProfileSchema.safeParse(value).data ?? null;
