import type { ComponentType, ReactNode } from 'react';
import { render } from '@testing-library/react';
import { createMemoryRouter, type RouteObject } from 'react-router';
import { App } from '../app/app.tsx';
import type { AppDependencies } from '../platform/dependencies.tsx';
import { createAppRoutes } from '../app/routes.tsx';
import type { SessionLifecycle } from '../auth/session-lifecycle.ts';
import type { SignedInUser } from '../../shared/identity.ts';
import { createTestI18n } from './i18n.ts';
import { readLanguagePreference } from '../i18n/i18n.ts';
import { memoryStore, type KeyValueStore } from '../platform/key-value-store.ts';
import { manualNetwork } from '../platform/network.ts';
import type { PushPlatform } from '../platform/push.ts';
import { networkSyncStatus, type SyncStatusSource } from '../sync-status/sync-status-source.ts';

// The shell imports the conflict notices lazily (app-shell.tsx). Loaded here first, so the shell's import()
// resolves from the module cache: a test that ends before a cold import finishes would otherwise have vitest
// load the module after the environment is torn down (EnvironmentTeardownError, seen at load ≈ 20).
await import('../sync-status/conflict-notices.tsx');

/**
 * Renders the whole app (real routes, providers, i18n) in jsdom with injected fakes for the outside world:
 * an in-memory store, a switchable network, a scripted `fetch` and a fixed clock.
 */
export const staffUser: SignedInUser = {
  id: '0190a8e4-0000-7000-8000-000000000001',
  email: 'maria@arco.example',
  name: 'Maria Santos',
  role: 'csm',
  organizationId: '0190a8e4-0000-7000-8000-0000000000aa',
  customerId: null,
  locale: 'pt-BR',
  timeZone: 'America/Sao_Paulo',
};

export const clientUser: SignedInUser = {
  ...staffUser,
  id: '0190a8e4-0000-7000-8000-000000000002',
  email: 'cliente@techcorp.example',
  name: 'Carla Mendes',
  role: 'client',
  customerId: '0190a8e4-0000-7000-8000-0000000000cc',
};

export type FetchHandler = (url: string, init: RequestInit | undefined) => Response | Promise<Response>;

export const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

export function renderApp({
  path = '/',
  user = null,
  online = true,
  fetchHandler = () => json(401, { error: { code: 'unauthorized', message: 'Sessão inválida' } }),
  store = memoryStore(),
  syncStatus,
  lifecycle = { onLogout: async () => {} },
  routes = createAppRoutes(),
  frame,
  now = () => new Date('2026-11-21T12:00:00.000Z'),
  push = null,
}: {
  path?: string;
  user?: SignedInUser | null;
  online?: boolean;
  fetchHandler?: FetchHandler;
  store?: KeyValueStore;
  syncStatus?: SyncStatusSource;
  lifecycle?: SessionLifecycle;
  routes?: RouteObject[];
  /** What the browser build wraps the app in (the service worker's state); nothing by default. */
  frame?: ComponentType<{ children: ReactNode }>;
  /** The app's clock (default 2026-11-21 12:00 UTC): screens whose rules read dates pass their fixtures' day. */
  now?: () => Date;
  /** The browser's Web Push (none by default, as in a browser without it). */
  push?: PushPlatform | null;
} = {}) {
  if (user) store.setItem('arco.profile.v1', JSON.stringify(user));
  const network = manualNetwork(online);
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    calls.push({ url, init });
    if (!network.isOnline()) throw new TypeError('Failed to fetch');
    return fetchHandler(url, init);
  }) as typeof fetch;
  const reloads: number[] = [];
  const deps: AppDependencies = {
    fetch: fetchFn,
    store,
    network,
    now,
    syncStatus: syncStatus ?? networkSyncStatus(network),
    lifecycle,
    reload: () => void reloads.push(1),
    push,
  };
  const i18n = createTestI18n(readLanguagePreference(store) ?? 'pt-BR');
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const view = render(<App deps={deps} i18n={i18n} router={router} frame={frame} />);
  return { ...view, router, network, calls, store, reloads, i18n };
}
