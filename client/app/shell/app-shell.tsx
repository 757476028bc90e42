import { lazy, Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { useSession } from '../../auth/session-context.tsx';
import { NotificationBell } from '../../features/notifications/notification-bell.tsx';
import { SyncIndicator } from '../../sync-status/sync-indicator.tsx';
import { ArcoMark } from '../../ui/icons.tsx';
import { preloadAllStrings } from '../i18n.ts';
import { OfflineReadyStatus } from '../offline-ready.tsx';
import { useRouteFocus } from '../route-focus.ts';
import { useServiceWorkerNavigation } from '../service-worker-navigation.ts';
import { PrimaryNav } from './primary-nav.tsx';
import { FirstSyncProgress, SyncBanners, useExpireOnSyncUnauthorized } from './sync-banners.tsx';
import styles from './app-shell.module.css';

// Off the first load (issue 16's bundle budget): the notices bring the conflict rules and every collection
// definition with them. A signed-in screen fetches them right after it draws; there is nothing to show before.
const ConflictNotices = lazy(() =>
  import('../../sync-status/conflict-notices.tsx').then((m) => ({ default: m.ConflictNotices })),
);

/**
 * The frame around every screen: skip link, top bar (brand, navigation and the notifications bell when signed
 * in, the sync indicator — always visible), the offline-ready line and sync banners (in the flow, never over the page), and `<main>`
 * with the route's page.
 */
export function AppShell() {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const signedIn = user !== null;
  useEffect(() => {
    // A signed-in user will open other screens, perhaps offline: their strings come in idle time (i18n.ts).
    return signedIn ? preloadAllStrings(i18n, whenIdle) : undefined;
  }, [i18n, signedIn]);
  const mainRef = useRef<HTMLElement>(null);
  useRouteFocus(mainRef);
  useServiceWorkerNavigation();
  useExpireOnSyncUnauthorized();

  return (
    <div className={styles.shell}>
      <a className={styles.skipLink} href="#conteudo">
        {t('app.skipToContent')}
      </a>
      <header className={styles.topBar}>
        <div className={styles.topBarInner}>
          <Link to="/" className={styles.brand}>
            <span className={styles.brandMark}>
              <ArcoMark size={30} />
            </span>
            <span className={styles.brandName}>{t('app.name')}</span>
          </Link>
          {user ? <PrimaryNav role={user.role} /> : null}
          <span className={styles.spacer} />
          {user ? (
            // The bell's strings are a chunk (i18n.ts): it appears when they are here, the frame does not wait.
            <Suspense fallback={null}>
              <NotificationBell />
            </Suspense>
          ) : null}
          <SyncIndicator />
        </div>
        <FirstSyncProgress />
      </header>
      <OfflineReadyStatus />
      <SyncBanners />
      {user ? (
        <Suspense fallback={null}>
          <ConflictNotices />
        </Suspense>
      ) : null}
      <main
        id="conteudo"
        ref={mainRef}
        tabIndex={-1}
        className={user ? styles.main : `${styles.main} ${styles.mainWithoutNav}`}
      >
        <Outlet />
      </main>
    </div>
  );
}

/**
 * Not before the launch settles: every feature's strings are ≈ 30 chunks to fetch and evaluate, and the first
 * idle moment of a launch comes while the screen still waits on IndexedDB — an offline launch at 10,000
 * customers evaluated them between the list's first rows and its full read (issue 16).
 */
const PRELOAD_AFTER_MS = 3000;

const whenIdle = (run: () => void): (() => void) => {
  let idle: number | null = null;
  const timer = setTimeout(() => {
    if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(run, { timeout: 3000 });
    else run();
  }, PRELOAD_AFTER_MS);
  return () => {
    clearTimeout(timer);
    if (idle !== null) cancelIdleCallback(idle);
  };
};
