import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter } from 'react-router';
import { App } from './app/app.tsx';
import type { AppDependencies } from './platform/dependencies.tsx';
import { createAppRoutes } from './app/routes.tsx';
import { ServiceWorkerUpdates } from './app/service-worker-updates.tsx';
import { clearBrowserData } from './db/browser-data.ts';
import { lazyDeviceSessions } from './db/lazy-device-sessions.ts';
import { readRememberedUser } from './auth/profile-store.ts';
import { createSyncStatusStore } from './db/sync-status-store.ts';
import { createI18n } from './app/i18n.ts';
import { DEFAULT_LANGUAGE, readLanguagePreference } from './i18n/i18n.ts';
import { safeStore } from './platform/key-value-store.ts';
import { browserNetwork } from './platform/network.ts';
import { browserPush } from './platform/push.ts';
import './ui/global.css';

/**
 * Browser entry: builds the real dependencies and renders the app.
 *
 * The signed-in user's data lives in RxDB on IndexedDB (client/db) and replicates in the background; the sync
 * status store feeds the top bar, and the device sessions' lifecycle wipes local data on logout. Every screen is
 * loaded on first visit (client/platform/lazy-page.tsx), RxDB when a session opens: the first load stays small.
 */
const store = safeStore(window.localStorage);
const network = browserNetwork(window);
const now = () => new Date();
const syncStatus = createSyncStatusStore(network, now);
// RxDB and the replication are a chunk of their own, fetched when a user's data is first needed: a signed-out
// device's sign-in screen never loads them; a remembered user's launch starts fetching them at once.
const deviceSessions = lazyDeviceSessions(async () =>
  (await import('./db/browser-device-sessions.ts')).createBrowserDeviceSessions({
    fetch: window.fetch.bind(window),
    now,
    status: syncStatus,
    baseUrl: '',
    multiInstance: true,
    setTimeout: (fn, ms) => window.setTimeout(fn, ms),
    clearTimeout: (handle) => window.clearTimeout(handle as number),
    clearBrowserData: (databaseName) => clearBrowserData(window, databaseName),
    // The role's later collections open one at a time, each when the browser is next idle, so the first
    // screen's own reads and renders run between them (client/db/database.ts `first`).
    pause: () =>
      new Promise<void>((resolve) =>
        typeof window.requestIdleCallback === 'function'
          ? window.requestIdleCallback(() => resolve(), { timeout: 100 })
          : window.setTimeout(resolve, 0),
      ),
  }),
);
// A remembered user's launch (an installed app, offline too) opens their device database at once, while React
// draws the shell: the session (client/auth/session-context.tsx) starts from the same remembered profile, and
// its open of the same user joins this one (device-session.ts).
const remembered = readRememberedUser(store);
if (remembered) void deviceSessions.open(remembered).catch(() => undefined);

const push = browserPush(window);
const appFetch = window.fetch.bind(window);

const deps: AppDependencies = {
  fetch: appFetch,
  store,
  network,
  now,
  syncStatus,
  lifecycle: {
    // The device's push subscription leaves the server while the session can still say whose it is.
    // Imported on sign-out, not with the first load (bundle budget, issue 16). The sign-in screen, where the
    // user lands, is a lazy chunk too: it is loaded now, while the service worker and its caches still exist —
    // the logout answer's Clear-Site-Data removes both, and the screen must not depend on fetching it then.
    beforeLogout: async () => {
      const [{ disablePush }] = await Promise.all([
        import('./features/notifications/push-subscription.ts'),
        import('./features/sign-in/sign-in-page.tsx').catch(() => undefined),
      ]);
      await disablePush({ platform: push, fetch: appFetch, baseUrl: '' });
    },
    onLogout: (user) => deviceSessions.lifecycle.onLogout(user),
  },
  deviceSessions,
  reload: () => window.location.reload(),
  push,
};

const i18n = createI18n(readLanguagePreference(store) ?? DEFAULT_LANGUAGE);
const router = createBrowserRouter(createAppRoutes());

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

// English is a lazy chunk (client/app/i18n.ts): an English device draws its first screen once it is here
// (precached by the service worker, so offline too); pt-BR is bundled and resolves at once.
void i18n.loadLanguages(i18n.language).finally(() =>
  createRoot(root).render(
    <StrictMode>
      <App deps={deps} i18n={i18n} router={router} frame={ServiceWorkerUpdates} />
    </StrictMode>,
  ),
);
