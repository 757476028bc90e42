import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import styles from './offline-ready.module.css';

/**
 * "Pronto para uso offline": the service worker finished caching the app (vite-plugin-pwa's `offlineReady`).
 * It is news, not a question, so it is a status line in the page's flow under the top bar — never a layer over
 * the content: on a 360 px phone a floating toast covered the list's first row and the bottom navigation's
 * neighbourhood (issue 10, "the list, finished"). It announces itself politely, can be closed, and goes away
 * on its own after `OFFLINE_READY_VISIBLE_MS`.
 *
 * The state comes from whoever registers the service worker (service-worker-updates.tsx in the browser build);
 * tests and builds without a worker provide nothing and the line never shows.
 */
export interface OfflineReadyState {
  readonly ready: boolean;
  readonly dismiss: () => void;
}

const NOT_READY: OfflineReadyState = { ready: false, dismiss: () => {} };
const OfflineReadyContext = createContext<OfflineReadyState>(NOT_READY);

export function OfflineReadyProvider({ value, children }: { value: OfflineReadyState; children: ReactNode }) {
  return <OfflineReadyContext.Provider value={value}>{children}</OfflineReadyContext.Provider>;
}

/** Long enough to read twice, short enough not to linger (WCAG 2.2.1 does not apply: nothing to act on). */
export const OFFLINE_READY_VISIBLE_MS = 6_000;

export function OfflineReadyStatus() {
  const { t } = useTranslation();
  const { ready, dismiss } = useContext(OfflineReadyContext);
  useEffect(() => {
    if (!ready) return;
    const timer = window.setTimeout(dismiss, OFFLINE_READY_VISIBLE_MS);
    return () => window.clearTimeout(timer);
  }, [ready, dismiss]);

  // The live region stays mounted so the message is announced when it appears.
  return (
    <div role="status" aria-live="polite" className={styles.region}>
      {ready ? (
        <div className={styles.line} data-testid="offline-ready">
          <span aria-hidden="true" className={styles.check}>
            ✓
          </span>
          <p className={styles.message}>{t('update.offlineReady')}</p>
          <button type="button" className={styles.close} onClick={dismiss} aria-label={t('update.dismiss')}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
      ) : null}
    </div>
  );
}
