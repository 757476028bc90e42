import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { totalPending } from '../../../sync/client/status.ts';
import type { AuthFailure } from '../../auth/auth-api.ts';
import { useSession } from '../../auth/session-context.tsx';
import { useSyncStatus } from '../../sync-status/use-sync-status.ts';
import { Button } from '../../ui/button.tsx';
import { LogOutIcon } from '../../ui/icons.tsx';
import { Notice } from '../../ui/notice.tsx';
import styles from './settings-page.module.css';

/** Signing out, with a warning before unsynced changes are deleted with the local database (docs/architecture.md §6). */
export function AccountSection() {
  const { t } = useTranslation();
  const { user, signOut } = useSession();
  const status = useSyncStatus();
  const pending = totalPending(status);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<AuthFailure | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  if (!user) return null;

  const doSignOut = async () => {
    setBusy(true);
    setFailure(null);
    const result = await signOut();
    // On success the session is gone and the guards redirect; nothing left to update here.
    if (!result.ok) {
      setBusy(false);
      setConfirming(false);
      setFailure(result.error);
    }
  };

  const onSignOut = () => {
    // docs/architecture.md §6: warn before unsynced changes are deleted with the local database.
    if (pending > 0) setConfirming(true);
    else void doSignOut();
  };

  return (
    <section className={styles.section} aria-labelledby={titleId}>
      <h2 id={titleId} className={styles.sectionTitle}>
        {t('settings.account')}
      </h2>
      {failure ? (
        <Notice tone="error" role="alert">
          <p>{failure.kind === 'offline' ? t('settings.signOutOffline') : t('settings.signOutFailed')}</p>
        </Notice>
      ) : null}

      {confirming ? (
        <div
          className={styles.confirm}
          role="alertdialog"
          aria-labelledby={`${titleId}-confirm`}
          aria-describedby={bodyId}
        >
          <h3 id={`${titleId}-confirm`} className={styles.confirmTitle}>
            {t('settings.confirmTitle')}
          </h3>
          <p id={bodyId}>{t('settings.confirmBody', { count: pending })}</p>
          <div className={styles.actions}>
            <Button ref={confirmRef} variant="secondary" onClick={() => setConfirming(false)} disabled={busy}>
              {t('settings.cancel')}
            </Button>
            <Button variant="danger" onClick={() => void doSignOut()} disabled={busy}>
              {busy ? t('settings.signingOut') : t('settings.confirmSignOut')}
            </Button>
          </div>
        </div>
      ) : (
        <div className={styles.actions}>
          <Button variant="danger" onClick={onSignOut} disabled={busy}>
            <LogOutIcon size={18} />
            {busy ? t('settings.signingOut') : t('settings.signOut')}
          </Button>
        </div>
      )}
    </section>
  );
}
