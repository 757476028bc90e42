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
  /** Collections whose first pull has caught up at least once (progressive first sync). */
  readonly initialSynced: readonly string[];
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
  | { type: 'pulled'; collection: string; caughtUp: boolean }
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
      const initialSynced =
        event.caughtUp && !state.initialSynced.includes(event.collection)
          ? [...state.initialSynced, event.collection]
          : state.initialSynced;
      return {
        ...state,
        initialSynced,
        lastSyncedAt: at,
        connectivity: onlineUnlessOffline(state),
        lastError: null,
      };
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

/** Share of the role's collections whose first sync has caught up (0–1), for the progress bar. */
export const initialSyncProgress = (s: SyncStatus): number =>
  s.collections.length === 0 ? 1 : s.initialSynced.length / s.collections.length;
