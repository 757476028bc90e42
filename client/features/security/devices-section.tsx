import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../platform/use-format.ts';
import { useOnline } from '../../platform/use-online.ts';
import { Button } from '../../ui/button.tsx';
import { LogOutIcon } from '../../ui/icons.tsx';
import {
  endOtherSessions,
  endSession,
  listSessions,
  type DeviceSession,
  type SecurityFailure,
} from './security-api.ts';
import { SecuritySection, useServerList, type SecurityMessage } from './security-section.tsx';
import styles from './security.module.css';

/** This device first, then by last activity (the server's order). */
const thisDeviceFirst = (sessions: DeviceSession[]) =>
  [...sessions].sort((a, b) => Number(b.current) - Number(a.current));

/**
 * Settings → Signed-in devices: where the account is open (browser and system from the user agent, last
 * activity), this device first and marked, signing out of one other device or of all of them ("Sair dos
 * outros dispositivos"). This device signs out with the account section's button, which also wipes its data.
 */
export function DevicesSection() {
  const { t } = useTranslation('security');
  const format = useFormat();
  const online = useOnline();
  const {
    items: sessions,
    loadFailure,
    load,
    fetchFn,
  } = useServerList(listSessions, online, thisDeviceFirst);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<SecurityMessage | null>(null);

  const label = (s: DeviceSession): string => {
    const browser = s.browser ?? t('devices.unknownBrowser');
    const base = s.os ? t('devices.on', { browser, os: s.os }) : browser;
    return s.device ? `${base} (${t(`devices.${s.device}`)})` : base;
  };
  const failureText = (failure: SecurityFailure) =>
    failure.kind === 'offline' ? t('errors.offline') : t('errors.server');

  const run = async (action: () => Promise<{ ok: boolean; error?: SecurityFailure }>, done: string) => {
    setBusy(true);
    setMessage(null);
    const result = await action();
    setBusy(false);
    if (result.ok) setMessage({ tone: 'info', text: done });
    else if (result.error) setMessage({ tone: 'error', text: failureText(result.error) });
    await load();
  };

  const others = sessions?.filter((s) => !s.current) ?? [];

  return (
    <SecuritySection
      title={t('devices.title')}
      intro={t('devices.intro')}
      online={online}
      loadFailure={loadFailure ? failureText(loadFailure) : null}
      onRetry={() => void load()}
      message={message}
    >
      {sessions ? (
        <ul className={styles.list}>
          {sessions.map((s) => (
            <li key={s.id} className={styles.item}>
              <div className={styles.itemText}>
                <span className={styles.itemName}>
                  {label(s)}
                  {s.current ? <span className={styles.badge}>{t('devices.thisDevice')}</span> : null}
                </span>
                <span className={styles.muted}>
                  {t('devices.lastSeen', { when: format.dateTime(s.lastSeenAt) })} ·{' '}
                  {t('devices.since', { date: format.date(s.createdAt) })}
                </span>
              </div>
              {s.current ? null : (
                <Button
                  variant="secondary"
                  disabled={busy || !online}
                  aria-label={t('devices.signOutOf', { device: label(s) })}
                  onClick={() =>
                    void run(() => endSession(fetchFn, s.id), t('devices.endedOne', { device: label(s) }))
                  }
                >
                  {t('devices.signOut')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      ) : null}

      {sessions && others.length === 0 ? <p className={styles.muted}>{t('devices.noOthers')}</p> : null}
      {others.length > 0 ? (
        <div className={styles.actions}>
          <Button
            variant="danger"
            disabled={busy || !online}
            aria-busy={busy}
            onClick={() =>
              void run(
                async () => {
                  const result = await endOtherSessions(fetchFn);
                  return result.ok ? { ok: true } : result;
                },
                t('devices.endedOthers', { count: others.length }),
              )
            }
          >
            <LogOutIcon size={18} />
            {busy ? t('devices.signingOut') : t('devices.signOutOthers')}
          </Button>
        </div>
      ) : null}
    </SecuritySection>
  );
}
