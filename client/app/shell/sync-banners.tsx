import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { initialSyncProgress } from '../../../sync/client/status.ts';
import { useSession } from '../../auth/session-context.tsx';
import { useSyncStatus } from '../../sync-status/use-sync-status.ts';
import { Button } from '../../ui/button.tsx';
import { Notice } from '../../ui/notice.tsx';
import { useDependencies } from '../../platform/dependencies.tsx';
import styles from './app-shell.module.css';

/** First-sync progress under the top bar, while the role's collections are still arriving. */
export function FirstSyncProgress() {
  const { t } = useTranslation();
  const status = useSyncStatus();
  const progress = initialSyncProgress(status);
  if (status.collections.length === 0 || progress >= 1) return null;
  return <progress className={styles.progress} value={progress} max={1} aria-label={t('sync.firstSync')} />;
}

/** The two sync states that need the user: an expired session and an app too old for the server. */
export function SyncBanners() {
  const { t } = useTranslation();
  const status = useSyncStatus();
  const { expire, user } = useSession();
  const { reload } = useDependencies();

  if (status.blocker === 'none') return null;
  // Signed out already: the sign-in page says the session expired.
  if (status.blocker === 'session_expired' && !user) return null;
  return (
    <div className={styles.banners}>
      {status.blocker === 'session_expired' ? (
        <Notice tone="warning" role="status">
          <p>{t('sync.sessionExpired')}</p>
          <Button variant="secondary" className={styles.bannerAction} onClick={expire}>
            {t('sync.signInAgain')}
          </Button>
        </Notice>
      ) : (
        <Notice tone="warning" role="status">
          <p>{t('sync.upgradeRequired')}</p>
          <Button variant="secondary" className={styles.bannerAction} onClick={reload}>
            {t('update.reload')}
          </Button>
        </Notice>
      )}
    </div>
  );
}

/**
 * When sync learns the session is over, send the user to sign in rather than wait for them to notice.
 * Acts on the *transition* into `session_expired` only, so a sync engine that clears the blocker a moment
 * after the next sign-in cannot bounce the user out again.
 */
export function useExpireOnSyncUnauthorized(): void {
  const { blocker } = useSyncStatus();
  const { expire } = useSession();
  const previous = useRef(blocker);
  useEffect(() => {
    const entered = blocker === 'session_expired' && previous.current !== 'session_expired';
    previous.current = blocker;
    if (entered) expire();
  }, [blocker, expire]);
}
