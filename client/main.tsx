import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter } from 'react-router';
import { App } from './app/app.tsx';
import type { AppDependencies } from './app/dependencies.tsx';
import { createAppRoutes } from './app/routes.tsx';
import { ServiceWorkerUpdates } from './app/service-worker-updates.tsx';
import { noLocalData } from './auth/session-lifecycle.ts';
import { createI18n, DEFAULT_LANGUAGE, readLanguagePreference } from './i18n/i18n.ts';
import { safeStore } from './platform/key-value-store.ts';
import { browserNetwork } from './platform/network.ts';
import { networkSyncStatus } from './sync-status/sync-status-source.ts';
import './ui/global.css';

/**
 * Browser entry: builds the real dependencies and renders the app.
 *
 * Hook points for the RxDB layer (client/db): replace `noLocalData` with its `SessionLifecycle` (the local
 * wipe on logout) and `networkSyncStatus(network)` with the sync engine's `SyncStatusSource`.
 */
const store = safeStore(window.localStorage);
const network = browserNetwork(window);

const deps: AppDependencies = {
  fetch: window.fetch.bind(window),
  store,
  network,
  now: () => new Date(),
  syncStatus: networkSyncStatus(network),
  lifecycle: noLocalData,
  reload: () => window.location.reload(),
};

const i18n = createI18n(readLanguagePreference(store) ?? DEFAULT_LANGUAGE);
const router = createBrowserRouter(createAppRoutes());

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

createRoot(root).render(
  <StrictMode>
    <App deps={deps} i18n={i18n} router={router} overlay={<ServiceWorkerUpdates />} />
  </StrictMode>,
);
