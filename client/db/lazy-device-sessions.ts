import type { DeviceSessions } from './device-session.ts';

/**
 * Device sessions whose code — RxDB, Dexie, the replication — is fetched only when a user's data is first
 * needed (issue 16): the sign-in screen of a signed-out device never downloads the device database. `load`
 * is a dynamic import of the real `createDeviceSessions` (client/main.tsx); `preload()` starts it early when a
 * remembered user will need it at once (an installed app launched signed in, offline too: the chunk comes from
 * the service worker's precache).
 *
 * Invariants: `load` runs at most once while it succeeds (a failed load is retried by the next call); before it
 * resolves no session is open, so `current()` is null and `closeCurrent()` has nothing to close; a logout always
 * reaches the real implementation (it must delete the user's local database even if nothing opened it).
 */
export interface LazyDeviceSessions extends DeviceSessions {
  preload(): void;
}

export function lazyDeviceSessions(load: () => Promise<DeviceSessions>): LazyDeviceSessions {
  let loaded: DeviceSessions | null = null;
  let loading: Promise<DeviceSessions> | null = null;
  const get = (): Promise<DeviceSessions> =>
    (loading ??= load().then(
      (sessions) => (loaded = sessions),
      (error: unknown) => {
        loading = null;
        throw error;
      },
    ));
  return {
    preload: () => void get().catch(() => undefined),
    open: async (user) => (await get()).open(user),
    current: () => loaded?.current() ?? null,
    async closeCurrent() {
      const sessions = loaded ?? (loading ? await loading.catch(() => null) : null);
      await sessions?.closeCurrent();
    },
    lifecycle: {
      onLogout: async (user) => (await get()).lifecycle.onLogout(user),
    },
  };
}
