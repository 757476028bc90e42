/**
 * The device's sync state as an explicit state machine (pure; the clock comes in with each event).
 *
 * The UI renders this at all times: connectivity, pending local writes, last successful sync, first-sync
 * progress, rejected writes, and the two states that need the user: an expired session (sign in again —
 * the queue is kept) and a client too old for the server (update the app).
 */
export type Connectivity = 'offline' | 'connecting' | 'online';
export type Blocker = 'none' | 'session_expired' | 'upgrade_required';

export interface RejectedWrite {
  readonly collection: string;
  readonly id: string;
  readonly code: string;
  readonly message: string;
  readonly at: string;
}

export interface SyncStatus {
  readonly connectivity: Connectivity;
  readonly blocker: Blocker;
  /** Local writes not yet acknowledged by the server, per collection. */
  readonly pending: Readonly<Record<string, number>>;
  /**
   * Collections whose pulls have caught up *and been stored* at least once (progressive first sync). RxDB
   * stores pages behind the download (a 10,000-customer first sync stored ≈ 1.8 s after its last page arrived),
   * so "caught up" alone is not "on this device".
   */
  readonly initialSynced: readonly string[];
  /**
   * Collections with pulled pages not all stored yet: `last` when the latest pulled page was the collection's
   * last one (stored, it is caught up), `more` when pages still follow.
   */
  readonly storing: Readonly<Record<string, 'more' | 'last'>>;
  readonly collections: readonly string[];
  readonly lastSyncedAt: string | null;
  readonly lastError: string | null;
  /** Most recent first, bounded. */
  readonly rejected: readonly RejectedWrite[];
}

export type SyncEvent =
  | { type: 'network'; online: boolean }
  | { type: 'stream_open' }
  | { type: 'stream_closed' }
  /** A pull page arrived (not yet stored); `caughtUp` when it was the collection's last. */
  | { type: 'pulled'; collection: string; caughtUp: boolean }
  /** Every page pulled so far for the collection is stored (the replication went idle after a pull). */
  | { type: 'stored'; collection: string }
  /**
   * Collections this device already holds caught up: stored by an earlier session, or by the leader tab while
   * this tab (which does not replicate) looks on.
   */
  | { type: 'caught_up_elsewhere'; collections: readonly string[] }
  | { type: 'pushed'; collection: string }
  | { type: 'pending'; collection: string; count: number }
  | { type: 'rejected'; collection: string; items: readonly { id: string; code: string; message: string }[] }
  | { type: 'dismiss_rejected'; id: string }
  | { type: 'unauthorized' }
  | { type: 'signed_in' }
  | { type: 'upgrade_required' }
  | { type: 'error'; message: string };

export const MAX_REJECTED_SHOWN = 20;

export function initialSyncStatus(collections: readonly string[], online: boolean): SyncStatus {
  return {
    connectivity: online ? 'connecting' : 'offline',
    blocker: 'none',
    pending: {},
    initialSynced: [],
    storing: {},
    collections,
    lastSyncedAt: null,
    lastError: null,
    rejected: [],
  };
}

export function reduceSyncStatus(state: SyncStatus, event: SyncEvent, now: Date): SyncStatus {
  const at = now.toISOString();
  switch (event.type) {
    case 'network':
      return { ...state, connectivity: event.online ? 'connecting' : 'offline' };
    case 'stream_open':
      return state.connectivity === 'offline' ? state : { ...state, connectivity: 'online', lastError: null };
    case 'stream_closed':
      return state.connectivity === 'offline' ? state : { ...state, connectivity: 'connecting' };
    case 'pulled': {
      const phase = event.caughtUp ? 'last' : 'more';
      // A first sync pulls a page every few ms: an unchanged snapshot spares the readers a render for each.
      if (
        state.storing[event.collection] === phase &&
        state.connectivity === onlineUnlessOffline(state) &&
        state.lastError === null
      )
        return state;
      return {
        ...state,
        storing: { ...state.storing, [event.collection]: phase },
        connectivity: onlineUnlessOffline(state),
        lastError: null,
      };
    }
    case 'stored': {
      const phase = state.storing[event.collection];
      if (phase === undefined) return state;
      const { [event.collection]: _stored, ...storing } = state.storing;
      const initialSynced =
        phase === 'last' && !state.initialSynced.includes(event.collection)
          ? [...state.initialSynced, event.collection]
          : state.initialSynced;
      return { ...state, storing, initialSynced, lastSyncedAt: at };
    }
    case 'caught_up_elsewhere': {
      const fresh = event.collections.filter(
        (c) => state.collections.includes(c) && !state.initialSynced.includes(c),
      );
      return fresh.length === 0 ? state : { ...state, initialSynced: [...state.initialSynced, ...fresh] };
    }
    case 'pushed':
      return { ...state, lastSyncedAt: at, connectivity: onlineUnlessOffline(state), lastError: null };
    case 'pending': {
      // The queue reports its count on every local write; an unchanged count keeps the snapshot, so readers
      // of the status (useSyncExternalStore) do not re-render for nothing.
      const count = Math.max(0, event.count);
      if (state.pending[event.collection] === count) return state;
      return { ...state, pending: { ...state.pending, [event.collection]: count } };
    }
    case 'rejected': {
      const fresh = event.items.map((r) => ({ ...r, collection: event.collection, at }));
      const kept = state.rejected.filter((r) => !fresh.some((f) => f.id === r.id));
      return { ...state, rejected: [...fresh, ...kept].slice(0, MAX_REJECTED_SHOWN) };
    }
    case 'dismiss_rejected':
      return { ...state, rejected: state.rejected.filter((r) => r.id !== event.id) };
    case 'unauthorized':
      return { ...state, blocker: 'session_expired' };
    case 'signed_in':
      return state.blocker === 'session_expired' ? { ...state, blocker: 'none' } : state;
    case 'upgrade_required':
      return { ...state, blocker: 'upgrade_required' };
    case 'error':
      return { ...state, lastError: event.message };
  }
}

const onlineUnlessOffline = (s: SyncStatus): Connectivity =>
  s.connectivity === 'offline' ? 'offline' : 'online';

export const totalPending = (s: SyncStatus): number => Object.values(s.pending).reduce((a, b) => a + b, 0);

/**
 * The device holds what the server has for it: online, every collection caught up and stored, no pulled page
 * still being stored, and no local write waiting. Only then may the UI say "synced".
 */
export const isSynced = (s: SyncStatus): boolean =>
  s.connectivity === 'online' &&
  s.blocker === 'none' &&
  s.collections.every((c) => s.initialSynced.includes(c)) &&
  Object.keys(s.storing).length === 0 &&
  totalPending(s) === 0;

/** Share of the role's collections whose first sync has caught up and is stored (0–1), for the progress bar. */
export const initialSyncProgress = (s: SyncStatus): number =>
  s.collections.length === 0 ? 1 : s.initialSynced.length / s.collections.length;
