import { removeRxDatabase, type RxStorage } from 'rxdb/plugins/core';
import { collectionsForRole, firstSyncPriority } from '../../shared/collections/index.ts';
import { startSync, type SyncHandle } from '../../sync/client/replicate.ts';
import type { SessionLifecycle } from '../auth/session-lifecycle.ts';
import type { SignedInUser } from '../../shared/identity.ts';
import { databaseNameFor, openDeviceDatabase, type DeviceDatabase } from './database.ts';
import { createDeviceSettingsSync, type DeviceSettingsSync } from './device-settings.ts';
import { refreshDirectory } from './directory-cache.ts';
import type { SyncStatusStore } from './sync-status-store.ts';

/**
 * One signed-in user's device data: the local database plus its replication. Reads never wait on the network;
 * replication runs in the background and reports through the status store.
 */
export interface DeviceSession {
  readonly user: SignedInUser;
  readonly database: DeviceDatabase;
  readonly sync: SyncHandle;
  /** The organization's settings and the user's profile as local documents, and queued profile edits. */
  readonly settings: DeviceSettingsSync;
  close(): Promise<void>;
  /** Stops replication and deletes the local database (logout). */
  wipe(): Promise<void>;
}

export interface DeviceSessionDeps {
  readonly storage: RxStorage<unknown, unknown>;
  readonly fetch: typeof fetch;
  readonly now: () => Date;
  readonly status: SyncStatusStore;
  /** '' in the browser. */
  readonly baseUrl: string;
  readonly multiInstance: boolean;
  readonly setTimeout: (fn: () => void, ms: number) => unknown;
  readonly clearTimeout: (handle: unknown) => void;
  /**
   * Deletes what the browser keeps of the user beyond RxDB's reach: any database left under `databaseName`,
   * API/runtime caches and the push subscription (client/db/browser-data.ts).
   */
  readonly clearBrowserData: (databaseName: string) => Promise<void>;
  /** How long each step of a wipe may take before the sign-out goes on without it (default 3 s). */
  readonly wipeStepMs?: number;
  /**
   * Waited for before each of the role's later collections opens (database.ts `first`, `pause`): the browser
   * lets the first screen's own work run in between; tests open them at once.
   */
  readonly pause?: () => Promise<void>;
}

export interface DeviceSessions {
  open(user: SignedInUser): Promise<DeviceSession>;
  current(): DeviceSession | null;
  /** Closes the open session (sign-out of the UI, another user signs in); local data is kept. */
  closeCurrent(): Promise<void>;
  /** The shell's logout hook: wipes every local trace of the user (a signed-out device keeps nothing). */
  readonly lifecycle: SessionLifecycle;
}

/** Local document holding the last successful sync, so "last sync" survives reloads and offline starts. */
const LAST_SYNCED_DOC = 'last-synced-at';
/** Persisting on every pulled page of a first sync would be wasteful; the value only needs minute precision. */
const PERSIST_EVERY_MS = 10_000;

function persistLastSync(status: SyncStatusStore, database: DeviceDatabase, now: () => Date): () => void {
  let savedAt = 0;
  let saved: string | null = null;
  return status.subscribe(() => {
    const last = status.getSnapshot().lastSyncedAt;
    if (!last || last === saved || now().getTime() - savedAt < PERSIST_EVERY_MS) return;
    saved = last;
    savedAt = now().getTime();
    void database.kv.set(LAST_SYNCED_DOC, last).catch(() => undefined);
  });
}

const FIRST_SYNCED_DOC = 'first-synced';

const namesIn = (stored: unknown): string[] =>
  Array.isArray(stored) ? stored.filter((n): n is string => typeof n === 'string') : [];

/**
 * Which collections finished their first sync, shared with the device's other tabs and later sessions: only the
 * leader tab replicates, so another tab learns it here (else its first-sync bar never went away), and a reload
 * does not show the bar again for data the device already holds. Grows only (a collection once caught up and
 * stored stays on the device until logout deletes the database).
 */
function shareFirstSync(status: SyncStatusStore, database: DeviceDatabase): () => void {
  const shared = new Set<string>();
  const unwatch = database.kv.watch((key, value) => {
    if (key === FIRST_SYNCED_DOC)
      status.dispatch({ type: 'caught_up_elsewhere', collections: namesIn(value) });
  });
  const unsubscribe = status.subscribe(() => {
    const fresh = status.getSnapshot().initialSynced.filter((c) => !shared.has(c));
    if (fresh.length === 0) return;
    for (const c of fresh) shared.add(c);
    void database.kv
      .update(FIRST_SYNCED_DOC, (stored) => {
        const names = namesIn(stored);
        const added = fresh.filter((c) => !names.includes(c));
        return added.length === 0 ? undefined : [...names, ...added];
      })
      .catch(() => undefined);
  });
  return () => {
    unwatch();
    unsubscribe();
  };
}

/**
 * Refreshes what the device keeps beside the synced collections (directory, settings, profile) when the session
 * opens and whenever the connection comes back, so a profile edit queued offline is sent without waiting for
 * the next start.
 */
function refreshWhenOnline(status: SyncStatusStore, refresh: () => void): () => void {
  let wasOnline = status.getSnapshot().connectivity === 'online';
  refresh();
  return status.subscribe(() => {
    const online = status.getSnapshot().connectivity === 'online';
    if (online && !wasOnline) refresh();
    wasOnline = online;
  });
}

/**
 * The browser says the network is back (`offline` → anything else): the sync reconnects at once. Without it the
 * live stream waits out a backoff that grew while offline (up to 30 s) before anything — pulls, queued pushes,
 * the settings refresh that sends a queued preference — happens.
 */
function reconnectWhenNetworkReturns(status: SyncStatusStore, sync: SyncHandle): () => void {
  let wasOffline = status.getSnapshot().connectivity === 'offline';
  return status.subscribe(() => {
    const offline = status.getSnapshot().connectivity === 'offline';
    if (wasOffline && !offline) sync.reconnect();
    wasOffline = offline;
  });
}

/**
 * The replication, started once every collection is open. Before that, `reSync` and `reconnect` have nothing
 * to do (the start pulls and connects anyway) and `states` is empty; `stop` waits for the start and stops it, so
 * a session closed while its collections still open never starts replicating after the close.
 */
function deferredSync(allOpen: Promise<void>, start: () => SyncHandle): SyncHandle {
  let started: SyncHandle | null = null;
  let stopped = false;
  const ready = allOpen.then(() => (stopped ? null : (started = start())));
  // A collection that could not open leaves nothing to start or stop (the screens needing it show no data).
  ready.catch(() => undefined);
  return {
    get states() {
      return started?.states ?? {};
    },
    reSync: () => started?.reSync(),
    reconnect: () => started?.reconnect(),
    async stop() {
      stopped = true;
      const handle = await ready.catch(() => null);
      await handle?.stop();
    },
  };
}

/**
 * Invariant: opening, closing and wiping run one at a time, in the order they were asked for. A sign-out tapped
 * while the session is still opening (a reload, RxDB's chunk still loading) must wipe the database that open is
 * creating — run concurrently, the delete would finish first and the open would re-create every collection.
 */
export function createDeviceSessions(deps: DeviceSessionDeps): DeviceSessions {
  let current: DeviceSession | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  const withinWipeStep = (step: Promise<unknown>): Promise<void> =>
    new Promise<void>((resolve) => {
      const timer = deps.setTimeout(resolve, deps.wipeStepMs ?? 3_000);
      void step
        .catch(() => undefined)
        .then(() => {
          deps.clearTimeout(timer);
          resolve();
        });
    });

  async function openFor(user: SignedInUser): Promise<DeviceSession> {
    deps.status.reset(collectionsForRole(user.role));
    // The session opens with the first-sync priority collections (the staff's list and its health), the
    // others open behind it (database.ts `first`); the replication starts once every collection is open.
    const database = await openDeviceDatabase({
      userId: user.id,
      role: user.role,
      storage: deps.storage,
      now: deps.now,
      multiInstance: deps.multiInstance,
      onPendingCount: (collection, count) => deps.status.dispatch({ type: 'pending', collection, count }),
      first: firstSyncPriority(user.role),
      pause: deps.pause,
    });
    const sync = deferredSync(database.allOpen, () =>
      startSync({
        collections: database.collections as Record<string, never>,
        userId: user.id,
        transport: { baseUrl: deps.baseUrl, fetch: deps.fetch },
        outbox: database.outbox,
        notices: database.notices,
        ackedWrites: database.ackedWrites,
        now: deps.now,
        dispatch: deps.status.dispatch,
        setTimeout: deps.setTimeout,
        clearTimeout: deps.clearTimeout,
        waitForLeadership: deps.multiInstance,
        priority: firstSyncPriority(user.role),
      }),
    );
    const [restored, firstSynced] = await Promise.all([
      database.kv.get(LAST_SYNCED_DOC),
      database.kv.get(FIRST_SYNCED_DOC),
    ]);
    // The outbox loaded its persisted queue while the database opened; the fresh status starts from its counts,
    // or a reload while offline would show nothing pending while the writes still wait.
    // Every collection of the role, also those still opening (their queues are loaded: database.ts).
    const names = collectionsForRole(user.role);
    deps.status.reset(collectionsForRole(user.role), {
      lastSyncedAt: typeof restored === 'string' ? restored : null,
      pending: Object.fromEntries(names.map((name) => [name, database.outbox.count(name)])),
    });
    deps.status.dispatch({ type: 'caught_up_elsewhere', collections: namesIn(firstSynced) });
    const stopSharing = shareFirstSync(deps.status, database);
    const stopPersisting = persistLastSync(deps.status, database, deps.now);
    const stopReconnecting = reconnectWhenNetworkReturns(deps.status, sync);
    deps.status.dispatch({ type: 'signed_in' });
    const settings = createDeviceSettingsSync({
      fetch: deps.fetch,
      baseUrl: deps.baseUrl,
      kv: database.kv,
      now: deps.now,
    });
    // Refreshes write local documents when their answer arrives; closing waits for them, because a write
    // landing after the database was deleted (logout) would re-create it.
    const directoryRefreshes = new Set<Promise<unknown>>();
    const stopRefreshing = refreshWhenOnline(deps.status, () => {
      const refresh = refreshDirectory({ fetch: deps.fetch, baseUrl: deps.baseUrl, kv: database.kv });
      directoryRefreshes.add(refresh);
      void refresh.finally(() => directoryRefreshes.delete(refresh));
      void settings.refresh();
    });
    const quiesce = async () => {
      stopReconnecting();
      stopRefreshing();
      stopPersisting();
      stopSharing();
      await Promise.allSettled([...directoryRefreshes, settings.settled()]);
    };
    return {
      user,
      database,
      sync,
      settings,
      close: async () => {
        await quiesce();
        await sync.stop();
        await database.close();
      },
      // Each step bounded: a sign-out must never hang (the server's Clear-Site-Data may already have closed
      // the IndexedDB connections these steps wait on); whatever a step leaves, clearBrowserData deletes by name.
      wipe: async () => {
        await withinWipeStep(quiesce());
        await withinWipeStep(sync.stop());
        await withinWipeStep(database.remove());
      },
    };
  }

  const closeNow = async () => {
    const s = current;
    current = null;
    if (s) await s.close();
  };

  const sessions: DeviceSessions = {
    open: (user) =>
      current?.user.id === user.id
        ? Promise.resolve(current)
        : serially(async () => {
            if (current?.user.id === user.id) return current;
            await closeNow();
            current = await openFor(user);
            return current;
          }),
    current: () => current,
    closeCurrent: () => serially(closeNow),
    lifecycle: {
      onLogout: (user) =>
        serially(async () => {
          const s = current?.user.id === user.id ? current : null;
          current = s ? null : current;
          if (s) await s.wipe();
          else await withinWipeStep(removeRxDatabase(databaseNameFor(user.id), deps.storage));
          deps.status.reset([]);
          await deps.clearBrowserData(databaseNameFor(user.id));
        }),
    },
  };
  return sessions;
}
