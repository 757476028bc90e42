import { createContext, useContext, type ReactNode } from 'react';
import type { KeyValueStore } from './key-value-store.ts';
import type { NetworkStatus } from './network.ts';
import type { PushPlatform } from './push.ts';
import type { SessionLifecycle } from '../auth/session-lifecycle.ts';
import type { SyncStatusSource } from '../sync-status/sync-status-source.ts';
import type { DeviceSessions } from '../db/device-session.ts';

/**
 * Everything the shell needs from the outside world, injected once at the root (client/main.tsx builds the
 * browser versions; tests build fakes). No module-level singletons.
 */
export interface AppDependencies {
  readonly fetch: typeof fetch;
  /** Device preferences and the remembered profile (localStorage). */
  readonly store: KeyValueStore;
  readonly network: NetworkStatus;
  readonly now: () => Date;
  readonly syncStatus: SyncStatusSource;
  readonly lifecycle: SessionLifecycle;
  /** The signed-in user's local database and replication (absent in shell-only tests). */
  readonly deviceSessions?: DeviceSessions;
  /** Full page reload (error screen, upgrade-required banner). */
  readonly reload: () => void;
  /** Web Push on this browser; null or absent where it cannot receive pushes (and in most tests). */
  readonly push?: PushPlatform | null;
}

const DependenciesContext = createContext<AppDependencies | null>(null);

export function DependenciesProvider({ value, children }: { value: AppDependencies; children: ReactNode }) {
  return <DependenciesContext.Provider value={value}>{children}</DependenciesContext.Provider>;
}

export function useDependencies(): AppDependencies {
  const deps = useContext(DependenciesContext);
  if (!deps) throw new Error('useDependencies() outside <DependenciesProvider>');
  return deps;
}
