import { browserSupportsWebAuthn } from '@simplewebauthn/browser';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../platform/use-format.ts';
import { useOnline } from '../../platform/use-online.ts';
import { Button } from '../../ui/button.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { thisDeviceName } from './device-name.ts';
import {
  listPasskeys,
  registerPasskey,
  removePasskey,
  type Passkey,
  type SecurityFailure,
} from './security-api.ts';
import { SecuritySection, useServerList, type SecurityMessage } from './security-section.tsx';
import styles from './security.module.css';

/**
 * Settings → Passkeys: the user's passkeys (name, created, last used), creating one on this device under a
 * name (proposed from the browser and system) and removing one. Online only: passkeys live on the server, and
 * creating one is a ceremony with it.
 */
export function PasskeysSection() {
  const { t } = useTranslation('security');
  const format = useFormat();
  const online = useOnline();
  const supported = browserSupportsWebAuthn();
  const { items: passkeys, loadFailure, load, fetchFn } = useServerList(listPasskeys, online);
  const [name, setName] = useState(() =>
    thisDeviceName(navigator.userAgent, (browser, os) => t('devices.on', { browser, os })),
  );
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<SecurityMessage | null>(null);

  const failureText = (failure: SecurityFailure): string => {
    switch (failure.kind) {
      case 'cancelled':
        return t('passkeys.cancelled');
      case 'rejected':
        return t('passkeys.rejected');
      case 'duplicate':
        return t('passkeys.duplicate');
      case 'offline':
        return t('errors.offline');
      default:
        return t('errors.server');
    }
  };

  const onAdd = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setMessage(null);
    const result = await registerPasskey(fetchFn, name.trim());
    setBusy(false);
    if (result.ok) {
      setMessage({ tone: 'info', text: t('passkeys.added', { name: result.value.name }) });
      await load();
    } else setMessage({ tone: 'error', text: failureText(result.error) });
  };

  const onRemove = async (passkey: Passkey) => {
    setBusy(true);
    setMessage(null);
    const result = await removePasskey(fetchFn, passkey.id);
    setBusy(false);
    if (result.ok) {
      setMessage({ tone: 'info', text: t('passkeys.removed', { name: passkey.name }) });
      await load();
    } else setMessage({ tone: 'error', text: failureText(result.error) });
  };

  return (
    <SecuritySection
      title={t('passkeys.title')}
      intro={t('passkeys.intro')}
      online={online}
      loadFailure={loadFailure ? failureText(loadFailure) : null}
      onRetry={() => void load()}
      message={message}
    >
      {passkeys && passkeys.length > 0 ? (
        <ul className={styles.list}>
          {passkeys.map((passkey) => (
            <li key={passkey.id} className={styles.item}>
              <div className={styles.itemText}>
                <span className={styles.itemName}>
                  {passkey.name}
                  {passkey.backedUp ? <span className={styles.badge}>{t('passkeys.synced')}</span> : null}
                </span>
                <span className={styles.muted}>
                  {t('passkeys.created', { date: format.date(passkey.createdAt) })} ·{' '}
                  {passkey.lastUsedAt
                    ? t('passkeys.lastUsed', { when: format.dateTime(passkey.lastUsedAt) })
                    : t('passkeys.neverUsed')}
                </span>
              </div>
              <Button
                variant="secondary"
                disabled={busy || !online}
                aria-label={t('passkeys.remove', { name: passkey.name })}
                onClick={() => void onRemove(passkey)}
              >
                {t('passkeys.removeShort')}
              </Button>
            </li>
          ))}
        </ul>
      ) : passkeys ? (
        <p className={styles.muted}>{t('passkeys.none')}</p>
      ) : null}

      {supported ? (
        <form className={styles.form} onSubmit={onAdd}>
          <TextField
            label={t('passkeys.name')}
            hint={t('passkeys.nameHint')}
            name="passkey-name"
            autoComplete="off"
            required
            maxLength={60}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
          <div className={styles.actions}>
            <Button type="submit" disabled={busy || !online || name.trim() === ''} aria-busy={busy}>
              {busy ? t('passkeys.adding') : t('passkeys.add')}
            </Button>
          </div>
        </form>
      ) : (
        <p className={styles.muted}>{t('passkeys.unsupported')}</p>
      )}
    </SecuritySection>
  );
}
