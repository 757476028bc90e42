import {
  profileUpdateSchema,
  type ProfileUpdate,
  type UserProfile,
} from '../../../shared/device-settings.ts';

/**
 * The profile form as pure data: what the inputs hold, which fields changed, and the reasons an edit is
 * refused, as translation keys. The rules themselves are `profileUpdateSchema` (shared/), the one the server and
 * the data layer apply too.
 */
export const PROFILE_FIELDS = ['name', 'phone', 'jobTitle', 'timeZone'] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];
export type ProfileFormValues = Record<ProfileField, string>;

/** Why a field is refused; `settings.profile.errors.<key>` says it in the UI language. */
export type ProfileErrorKey =
  | 'nameRequired'
  | 'nameTooLong'
  | 'phoneTooShort'
  | 'phoneTooLong'
  | 'phoneFormat'
  | 'jobTitleTooLong'
  | 'timeZoneInvalid'
  | 'invalid';
export type ProfileErrors = Partial<Record<ProfileField, ProfileErrorKey>>;

export type ProfileFormResult =
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'invalid'; readonly errors: ProfileErrors }
  | { readonly kind: 'valid'; readonly update: ProfileUpdate };

export function profileFormValues(profile: UserProfile): ProfileFormValues {
  return {
    name: profile.name,
    phone: profile.phone ?? '',
    jobTitle: profile.jobTitle ?? '',
    timeZone: profile.timeZone,
  };
}

/** An emptied optional field clears it (null), as the server stores "no phone". */
const optional = (value: string): string | null => (value.trim() === '' ? null : value.trim());

/** Only the fields that differ from the stored profile go out: an unrelated field never overwrites a newer one. */
export function parseProfileForm(values: ProfileFormValues, profile: UserProfile): ProfileFormResult {
  const candidate: Record<string, unknown> = {};
  if (values.name.trim() !== profile.name) candidate.name = values.name;
  if (optional(values.phone) !== profile.phone) candidate.phone = optional(values.phone);
  if (optional(values.jobTitle) !== profile.jobTitle) candidate.jobTitle = optional(values.jobTitle);
  if (values.timeZone !== profile.timeZone) candidate.timeZone = values.timeZone;
  if (Object.keys(candidate).length === 0) return { kind: 'unchanged' };

  const parsed = profileUpdateSchema.safeParse(candidate);
  if (parsed.success) return { kind: 'valid', update: parsed.data };
  const errors: ProfileErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (!isProfileField(field)) continue;
    const key = errorKey(field, issue.code);
    // One message per field; "letters in the phone" says more than "too short" about "x".
    if (!errors[field] || key === 'phoneFormat') errors[field] = key;
  }
  return { kind: 'invalid', errors };
}

/** Fields named by the data layer or the server (`"phone"`, `"jobTitle"`) as the form's own. */
export function profileErrorsFor(fields: readonly string[]): ProfileErrors {
  const errors: ProfileErrors = {};
  for (const path of fields) {
    const field = path.split('.')[0];
    if (isProfileField(field)) errors[field] = 'invalid';
  }
  return errors;
}

/** The first refused field in the order the form shows them (where focus goes). */
export function firstInvalidField(errors: ProfileErrors): ProfileField | undefined {
  return PROFILE_FIELDS.find((f) => errors[f] !== undefined);
}

function isProfileField(value: unknown): value is ProfileField {
  return typeof value === 'string' && (PROFILE_FIELDS as readonly string[]).includes(value);
}

function errorKey(field: ProfileField, code: string): ProfileErrorKey {
  switch (field) {
    case 'name':
      return code === 'too_big' ? 'nameTooLong' : 'nameRequired';
    case 'phone':
      if (code === 'too_small') return 'phoneTooShort';
      if (code === 'too_big') return 'phoneTooLong';
      return 'phoneFormat';
    case 'jobTitle':
      return code === 'too_big' ? 'jobTitleTooLong' : 'invalid';
    case 'timeZone':
      return 'timeZoneInvalid';
  }
}
