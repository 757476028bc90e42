import { useTranslation } from 'react-i18next';
import styles from './page.module.css';

/**
 * What a lazily loaded screen shows while its code arrives (client/platform/lazy-page.tsx): an announced,
 * `aria-busy` placeholder that holds the page's height, so the shell's navigation and sync status stay where
 * they are and nothing jumps when the page replaces it. Usually a frame or two: after the first online visit
 * every chunk is in the service worker's precache.
 */
export function PageLoading() {
  const { t } = useTranslation();
  return (
    <div className={styles.loading} aria-busy="true">
      <p role="status" className="visually-hidden">
        {t('app.loadingPage')}
      </p>
    </div>
  );
}
