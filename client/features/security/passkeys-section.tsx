import { browserSupportsWebAuthn } from '@simplewebauthn/browser';
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDependencies } from '../../platform/dependencies.tsx';
import { useFormat } from '../../platform/use-format.ts';
import { useOnline } from '../../platform/use-online.ts';
import { Button } from '../../ui/button.tsx';
import { Notice } from '../../ui/notice.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { thisDeviceName } from './device-name.ts';
import {
  listPasskeys,
  registerPasskey,
  removePasskey,
  type Passkey,
  type SecurityFailure,
} from './security-api.ts';
import styles from './security.module.css';

type Message = { readonly tone: 'info' | 'error'; readonly text: string };

/**
 * Settings → Passkeys: the user's passkeys (name, created, last used), creating one on this device under a
 * name (proposed from the browser and system) and removing one. Online only: passkeys live on the server, and
 * creating one is a ceremony with it.
 */
export function PasskeysSection() {
  const { t } = useTranslation('security');
  const { fetch: fetchFn } = useDependencies();
  const format = useFormat();
  const online = useOnline();
  const titleId = useId();
  const supported = browserSupportsWebAuthn();
  const [passkeys, setPasskeys] = useState<Passkey[] | null>(null);
  const [loadFailure, setLoadFailure] = useState<SecurityFailure | null>(null);
  const [name, setName] = useState(() =>
    thisDeviceName(navigator.userAgent, (browser, os) => t('devices.on', { browser, os })),
  );
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);

  const load = useCallback(async () => {
    const result = await listPasskeys(fetchFn);
    if (result.ok) {
      setPasskeys(result.value);
      setLoadFailure(null);
    } else setLoadFailure(result.error);
  }, [fetchFn]);

  useEffect(() => {
    if (online) void load();
  }, [load, online]);

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
    <section className={styles.section} aria-labelledby={titleId}>
      <h2 id={titleId} className={styles.sectionTitle}>
        {t('passkeys.title')}
      </h2>
      <p className={styles.muted}>{t('passkeys.intro')}</p>

      {!online ? (
        <Notice tone="warning">
          <p>{t('errors.offline')}</p>
        </Notice>
      ) : loadFailure ? (
        <Notice tone="error">
          <p>{failureText(loadFailure)}</p>
          <Button variant="secondary" onClick={() => void load()}>
            {t('errors.retry')}
          </Button>
        </Notice>
      ) : null}
      {message ? (
        <Notice tone={message.tone} role={message.tone === 'error' ? 'alert' : 'status'}>
          <p>{message.text}</p>
        </Notice>
      ) : null}

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
    </section>
  );
}
