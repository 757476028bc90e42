/// <reference types="vite-plugin-pwa/react" />
import { useCallback, useMemo, type ReactNode } from 'react';
import { useRegisterSW } from 'virtual:pwa-register/react';
import { OfflineReadyProvider } from './offline-ready.tsx';
import { UpdatePrompt } from './update-prompt.tsx';

/** How often an open app asks the server whether a new version was deployed. */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

/**
 * Registers the service worker and shows the update prompt when a new version is waiting. "Recarregar" sends
 * SKIP_WAITING to the waiting worker; the page reloads once it takes control. "Pronto para uso offline" is
 * handed to the shell (offline-ready.tsx), which shows it in the page's flow. Wraps the app so the shell can
 * read that state. Browser build only (the virtual module exists only under Vite).
 */
export function ServiceWorkerUpdates({ children }: { children: ReactNode }) {
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    offlineReady: [offlineReady, setOfflineReady],
    updateServiceWorker,
  } = useRegisterSW({
    onRegisteredSW(_url, registration) {
      if (!registration) return;
      // Long-lived installed apps would otherwise only notice a deploy on the next cold start.
      setInterval(() => {
        if (navigator.onLine) void registration.update().catch(() => undefined);
      }, UPDATE_CHECK_MS);
    },
    onRegisterError(error: unknown) {
      console.error('Service worker registration failed', error);
    },
  });

  const dismissOfflineReady = useCallback(() => setOfflineReady(false), [setOfflineReady]);
  const offline = useMemo(
    () => ({ ready: offlineReady, dismiss: dismissOfflineReady }),
    [offlineReady, dismissOfflineReady],
  );

  return (
    <OfflineReadyProvider value={offline}>
      {children}
      <UpdatePrompt
        needRefresh={needRefresh}
        onReload={() => void updateServiceWorker(true)}
        onClose={() => setNeedRefresh(false)}
      />
    </OfflineReadyProvider>
  );
}
