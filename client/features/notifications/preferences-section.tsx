import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  completePreferences,
  defaultNotificationPreferences,
  type NotificationPreferences,
} from '../../../shared/domain/notifications/preferences.ts';
import { NOTIFICATION_CHANNELS, notificationTypesFor } from '../../../shared/domain/notifications/types.ts';
import type { Role } from '../../../shared/identity.ts';
import { useSession } from '../../auth/session-context.tsx';
import { useDeviceData } from '../../db/device-data.tsx';
import {
  NOTIFICATION_PREFERENCES_DOC,
  NOTIFICATION_PREFERENCES_REJECTION_DOC,
  PENDING_NOTIFICATION_PREFERENCES_DOC,
  readNotificationPreferences,
  readProfileRejection,
  type DeviceSettingsSync,
  type SettingRejection,
} from '../../db/device-settings.ts';
import { useLocalValue, useLocalValueState } from '../../db/local-documents.ts';
import { useFormat } from '../../platform/use-format.ts';
import { Button } from '../../ui/button.tsx';
import { CloudOffIcon } from '../../ui/icons.tsx';
import { Notice } from '../../ui/notice.tsx';
import { FormField } from '../../ui/form-field.tsx';
import {
  quietErrorsFor,
  samePreferences,
  withChannel,
  withQuietHours,
  type QuietErrors,
} from './preferences-form.ts';
import { EnableButton, PushOutcomeNotice } from './push-opt-in.tsx';
import { usePushControl } from './use-push.ts';
import settings from '../settings/settings-page.module.css';
import styles from './notifications.module.css';

/**
 * "Notificações" on the settings screen: this device's push (turn on — the permission prompt only from this
 * tap —, turn off, or why it cannot), then the user's preferences per type and channel and the quiet hours.
 * The preferences are read from the device (the server's last answer, or a change still queued) and saved like
 * the profile: on the device at once, sent now or when the connection is back (client/db/device-settings.ts);
 * a refusal by the server is said in place.
 */
export function NotificationPreferencesSection() {
  const { user } = useSession();
  const sync = useDeviceData().session?.settings ?? null;
  const stored = useLocalValueState(NOTIFICATION_PREFERENCES_DOC);
  const queued = useLocalValueState(PENDING_NOTIFICATION_PREFERENCES_DOC);
  const rejection = readProfileRejection(useLocalValue(NOTIFICATION_PREFERENCES_REJECTION_DOC));
  // Nothing until the device has answered: defaults shown for a moment would read as the user's choices.
  if (!user || !stored.ready || !queued.ready) return null;
  const pending = readNotificationPreferences(queued.value);
  const current = completePreferences(
    user.role,
    pending ?? readNotificationPreferences(stored.value) ?? defaultNotificationPreferences(user.role),
  );
  return (
    <PreferencesForm
      role={user.role}
      current={current}
      sync={sync}
      pending={pending !== null}
      rejection={rejection}
    />
  );
}

type Outcome = 'saved' | 'queued' | 'unchanged' | 'invalid' | 'notReady';

function PreferencesForm({
  role,
  current,
  sync,
  pending,
  rejection,
}: {
  role: Role;
  current: NotificationPreferences;
  sync: DeviceSettingsSync | null;
  pending: boolean;
  rejection: SettingRejection | null;
}) {
  const { t } = useTranslation('notifications');
  const format = useFormat();
  const titleId = useId();
  const hintId = useId();
  // What the user changed; null shows the stored preferences, live (a refresh or a save updates them).
  const [draft, setDraft] = useState<NotificationPreferences | null>(null);
  const [errors, setErrors] = useState<QuietErrors>({});
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const values = draft ?? current;

  const change = (next: NotificationPreferences) => {
    setDraft(next);
    setOutcome(null);
    setErrors({});
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (samePreferences(values, current)) return setOutcome('unchanged');
    if (!sync) return setOutcome('notReady');
    setBusy(true);
    setOutcome(null);
    const result = await sync.updateNotificationPreferences(values);
    setBusy(false);
    switch (result.status) {
      case 'saved':
      case 'queued':
        setDraft(null);
        setOutcome(result.status);
        break;
      case 'invalid':
        setErrors(quietErrorsFor(values, result.fields));
        setOutcome('invalid');
        break;
      case 'rejected':
        // The device is back to the server's preferences; the rejection notice (local document) says why.
        setDraft(null);
        break;
    }
  };

  const quietError = (field: 'start' | 'end') => {
    const key = errors[field];
    return key ? t(`preferences.errors.${key}`) : undefined;
  };

  return (
    <section className={settings.section} aria-labelledby={titleId}>
      <div className={settings.sectionHeader}>
        <h2 id={titleId} className={settings.sectionTitle}>
          {t('preferences.title')}
        </h2>
        {pending ? (
          <span className={settings.pendingBadge}>
            <CloudOffIcon size={16} />
            {t('preferences.pending')}
          </span>
        ) : null}
      </div>
      <p className={settings.hint}>{t('preferences.intro')}</p>
      <PushDevice />
      {rejection ? <RejectionNotice rejection={rejection} /> : null}

      <form className={settings.form} noValidate onSubmit={(e) => void onSubmit(e)}>
        <table className={styles.prefsTable} aria-describedby={hintId}>
          <caption className="visually-hidden">{t('preferences.tableLabel')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('preferences.typeColumn')}</th>
              {NOTIFICATION_CHANNELS.map((channel) => (
                <th key={channel} scope="col">
                  {t(`preferences.channels.${channel}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {notificationTypesFor(role).map((type) => (
              <tr key={type}>
                <th scope="row">{t(`types.${type}`)}</th>
                {NOTIFICATION_CHANNELS.map((channel) => (
                  <td key={channel}>
                    <label className={styles.check}>
                      <input
                        type="checkbox"
                        name={`${type}.${channel}`}
                        checked={values.types[type]?.[channel] ?? true}
                        onChange={(e) => change(withChannel(values, type, channel, e.target.checked))}
                      />
                      <span className="visually-hidden">
                        {t('preferences.channelFor', {
                          channel: t(`preferences.channels.${channel}`),
                          type: t(`types.${type}`),
                        })}
                      </span>
                    </label>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <p id={hintId} className={settings.hint}>
          {t('preferences.channelHint')}
        </p>

        <fieldset className={styles.quiet}>
          <legend className={styles.quietLegend}>{t('preferences.quietTitle')}</legend>
          <label className={styles.toggle}>
            <input
              type="checkbox"
              name="quietHours.enabled"
              checked={values.quietHours.enabled}
              onChange={(e) => change(withQuietHours(values, { enabled: e.target.checked }))}
            />
            {t('preferences.quietEnabled')}
          </label>
          <p className={settings.hint}>
            {t('preferences.quietHint', { zone: format.timeZoneName(format.timeZone) })}
          </p>
          <div className={styles.times}>
            <FormField label={t('preferences.quietStart')} error={quietError('start')}>
              {(props) => (
                <input
                  {...props}
                  type="time"
                  name="quietHours.start"
                  value={values.quietHours.start}
                  disabled={!values.quietHours.enabled}
                  onChange={(e) => change(withQuietHours(values, { start: e.target.value }))}
                />
              )}
            </FormField>
            <FormField label={t('preferences.quietEnd')} error={quietError('end')}>
              {(props) => (
                <input
                  {...props}
                  type="time"
                  name="quietHours.end"
                  value={values.quietHours.end}
                  disabled={!values.quietHours.enabled}
                  onChange={(e) => change(withQuietHours(values, { end: e.target.value }))}
                />
              )}
            </FormField>
          </div>
        </fieldset>

        {outcome === 'invalid' ? (
          <Notice tone="error" role="alert">
            {t('preferences.invalid')}
          </Notice>
        ) : null}
        <div className={settings.actions}>
          <Button type="submit" disabled={busy}>
            {busy ? t('preferences.saving') : t('preferences.save')}
          </Button>
        </div>
        <p role="status" className={settings.status}>
          {outcome && outcome !== 'invalid' ? t(`preferences.${outcome}`) : null}
        </p>
      </form>
    </section>
  );
}

function RejectionNotice({ rejection }: { rejection: SettingRejection }) {
  const { t } = useTranslation('notifications');
  return (
    <Notice tone="error" role="alert">
      <p>{t('preferences.rejected')}</p>
      <p className={settings.hint}>{t('preferences.rejectedDetail', { message: rejection.message })}</p>
    </Notice>
  );
}

/** This device's push: on, off (turn it on from here), blocked (how to undo it) or not available. */
function PushDevice() {
  const { t } = useTranslation('notifications');
  const control = usePushControl();
  const { state, busy, outcome } = control;
  if (state === null) return null;
  return (
    <div className={styles.device} data-testid="push-device">
      <p className={styles.deviceTitle}>{t('push.heading')}</p>
      {state === 'unsupported' ? <p className={settings.hint}>{t('push.unsupported')}</p> : null}
      {state === 'denied' ? (
        <>
          <p>{t('push.deniedTitle')}</p>
          <p className={settings.hint}>{t('push.deniedBody')}</p>
        </>
      ) : null}
      {state === 'off' ? (
        <>
          <p>{t('push.off')}</p>
          <div className={settings.actions}>
            <EnableButton control={control} />
          </div>
        </>
      ) : null}
      {state === 'on' ? (
        <>
          <p>{t('push.on')}</p>
          <div className={settings.actions}>
            <Button variant="secondary" onClick={() => void control.disable()} disabled={busy}>
              {busy ? t('push.disabling') : t('push.disable')}
            </Button>
          </div>
        </>
      ) : null}
      <PushOutcomeNotice outcome={outcome === 'denied' ? null : outcome} />
    </div>
  );
}
