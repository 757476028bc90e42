import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserProfile } from '../../../shared/device-settings.ts';
import { useSession } from '../../auth/session-context.tsx';
import type { SignedInUser } from '../../../shared/identity.ts';
import { useDeviceData } from '../../db/device-data.tsx';
import {
  PENDING_PROFILE_DOC,
  PROFILE_DOC,
  PROFILE_REJECTION_DOC,
  readProfile,
  readProfileRejection,
  type DeviceSettingsSync,
  type ProfileRejection,
} from '../../db/device-settings.ts';
import { useLocalValue } from '../../db/local-documents.ts';
import { languageFromLocale } from '../../i18n/i18n.ts';
import { Button } from '../../ui/button.tsx';
import { CloudOffIcon } from '../../ui/icons.tsx';
import { Notice } from '../../ui/notice.tsx';
import { useFormat } from '../../platform/use-format.ts';
import { FormField } from '../../ui/form-field.tsx';
import {
  firstInvalidField,
  parseProfileForm,
  profileErrorsFor,
  profileFormValues,
  type ProfileErrors,
  type ProfileField,
  type ProfileFormValues,
} from './profile-form.ts';
import styles from './settings-page.module.css';
import { timeZoneOptions } from './time-zones.ts';

/**
 * "Seu perfil": the signed-in user's own profile from the device (local document `profile`), editable offline.
 * A save is applied on the device at once and queued when there is no connection; the queued edit is marked
 * until the server has it, and a refusal by the server stays visible until the next edit.
 */
export function ProfileSection() {
  const { user } = useSession();
  const settings = useDeviceData().session?.settings ?? null;
  const stored = readProfile(useLocalValue(PROFILE_DOC));
  const pendingValue = useLocalValue(PENDING_PROFILE_DOC);
  const rejection = readProfileRejection(useLocalValue(PROFILE_REJECTION_DOC));
  if (!user) return null;
  return (
    <ProfileForm
      // The session's own copy until the device's profile document is there (first start, or no session yet).
      profile={stored ?? profileFromSession(user)}
      settings={settings}
      pending={pendingValue !== undefined && pendingValue !== null}
      rejection={rejection}
    />
  );
}

function profileFromSession(user: SignedInUser): UserProfile {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    customerId: user.customerId,
    locale: languageFromLocale(user.locale) ?? 'pt-BR',
    timeZone: user.timeZone,
    phone: null,
    jobTitle: null,
  };
}

type Outcome = 'saved' | 'queued' | 'unchanged' | 'invalid' | 'notReady';

function ProfileForm({
  profile,
  settings,
  pending,
  rejection,
}: {
  profile: UserProfile;
  settings: DeviceSettingsSync | null;
  pending: boolean;
  rejection: ProfileRejection | null;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const titleId = useId();
  // Only what the user typed; the rest shows the stored profile, live (a refresh or a save updates it).
  const [draft, setDraft] = useState<Partial<ProfileFormValues>>({});
  const [errors, setErrors] = useState<ProfileErrors>({});
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const [focusRequest, setFocusRequest] = useState<{ field: ProfileField } | null>(null);
  const controls = useRef<Partial<Record<ProfileField, HTMLInputElement | HTMLSelectElement | null>>>({});

  useEffect(() => {
    if (focusRequest) controls.current[focusRequest.field]?.focus();
  }, [focusRequest]);

  const values: ProfileFormValues = { ...profileFormValues(profile), ...draft };
  const zones = timeZoneOptions(values.timeZone, format.timeZoneName);

  const change = (field: ProfileField, value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
    if (errors[field]) setErrors(({ [field]: _, ...rest }) => rest);
  };

  const refuse = (next: ProfileErrors) => {
    setErrors(next);
    setOutcome('invalid');
    const first = firstInvalidField(next);
    if (first) setFocusRequest({ field: first });
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const parsed = parseProfileForm(values, profile);
    if (parsed.kind === 'unchanged') {
      setErrors({});
      setOutcome('unchanged');
      return;
    }
    if (parsed.kind === 'invalid') return refuse(parsed.errors);
    if (!settings) return setOutcome('notReady');
    setBusy(true);
    setOutcome(null);
    setErrors({});
    const result = await settings.updateProfile(parsed.update);
    setBusy(false);
    switch (result.status) {
      case 'saved':
      case 'queued':
        setDraft({});
        setOutcome(result.status);
        break;
      case 'invalid':
        refuse(profileErrorsFor(result.fields));
        break;
      case 'rejected':
        // The device is back to the server's values; the rejection notice (from the local document) says why.
        setDraft({});
        break;
    }
  };

  const errorText = (field: ProfileField) => {
    const key = errors[field];
    return key ? t(`settings.profile.errors.${key}`) : undefined;
  };
  const bind = (field: ProfileField) => ({
    value: values[field],
    ref: (el: HTMLInputElement | HTMLSelectElement | null) => {
      controls.current[field] = el;
    },
  });

  return (
    <section className={styles.section} aria-labelledby={titleId}>
      <div className={styles.sectionHeader}>
        <h2 id={titleId} className={styles.sectionTitle}>
          {t('settings.profile.title')}
        </h2>
        {pending ? (
          <span className={styles.pendingBadge}>
            <CloudOffIcon size={16} />
            {t('settings.profile.pending')}
          </span>
        ) : null}
      </div>

      {rejection ? <RejectionNotice rejection={rejection} /> : null}

      <form className={`${styles.form} ${styles.narrow}`} noValidate onSubmit={(e) => void onSubmit(e)}>
        <FormField label={t('settings.name')} error={errorText('name')}>
          {(props) => (
            <input
              {...props}
              {...bind('name')}
              name="name"
              autoComplete="name"
              onChange={(e) => change('name', e.target.value)}
            />
          )}
        </FormField>
        <FormField
          label={t('settings.profile.phone')}
          hint={t('settings.profile.phoneHint')}
          error={errorText('phone')}
        >
          {(props) => (
            <input
              {...props}
              {...bind('phone')}
              name="phone"
              type="tel"
              inputMode="tel"
              autoComplete="tel"
              onChange={(e) => change('phone', e.target.value)}
            />
          )}
        </FormField>
        <FormField
          label={t('settings.profile.jobTitle')}
          hint={t('settings.profile.jobTitleHint')}
          error={errorText('jobTitle')}
        >
          {(props) => (
            <input
              {...props}
              {...bind('jobTitle')}
              name="jobTitle"
              autoComplete="organization-title"
              onChange={(e) => change('jobTitle', e.target.value)}
            />
          )}
        </FormField>
        <FormField
          label={t('settings.timeZone')}
          hint={t('settings.profile.timeZoneHint')}
          error={errorText('timeZone')}
        >
          {(props) => (
            <select
              {...props}
              {...bind('timeZone')}
              name="timeZone"
              onChange={(e) => change('timeZone', e.target.value)}
            >
              {zones.map((z) => (
                <option key={z.zone} value={z.zone}>
                  {z.label}
                </option>
              ))}
            </select>
          )}
        </FormField>

        <dl className={styles.details}>
          <div>
            <dt>{t('settings.email')}</dt>
            <dd>{profile.email}</dd>
          </div>
          <div>
            <dt>{t('settings.role')}</dt>
            <dd>{t(`roles.${profile.role}`)}</dd>
          </div>
        </dl>
        <p className={styles.hint}>{t('settings.profile.readOnlyHint')}</p>

        <div className={styles.actions}>
          <Button type="submit" disabled={busy}>
            {busy ? t('settings.profile.saving') : t('settings.profile.save')}
          </Button>
        </div>
        <p role="status" className={styles.status}>
          {outcome ? t(`settings.profile.${outcome}`) : null}
        </p>
      </form>
    </section>
  );
}

const FIELD_LABELS = {
  name: 'settings.name',
  phone: 'settings.profile.phone',
  jobTitle: 'settings.profile.jobTitle',
  timeZone: 'settings.timeZone',
  locale: 'settings.language',
} as const;

function RejectionNotice({ rejection }: { rejection: ProfileRejection }) {
  const { t } = useTranslation();
  const fields = rejection.fields.length > 0 ? rejection.fields : Object.keys(rejection.update);
  const names = fields
    .map((f) => (f in FIELD_LABELS ? t(FIELD_LABELS[f as keyof typeof FIELD_LABELS]) : f))
    .join(', ');
  return (
    <Notice tone="error" role="alert">
      <p>{t('settings.profile.rejected', { fields: names })}</p>
      <p className={styles.hint}>{t('settings.profile.rejectedDetail', { message: rejection.message })}</p>
    </Notice>
  );
}
