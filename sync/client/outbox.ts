/**
 * Tracks local writes not yet acknowledged by the server, per collection, so the UI can always show how many
 * changes are pending — across reloads, an expired session and the device's other tabs.
 *
 * RxDB already keeps and retries the writes themselves; this only counts them. Invariant: an entry is removed
 * only when the server has answered a push carrying that write or a later one (compared by the write's stamp,
 * `clientUpdatedAt`), so a write made while an older version was in flight stays pending; and a mark that
 * reaches the stored queue after its write's acknowledgement (another tab's, see `Queue`) is not stored.
 *
 * Tabs: every tab writes to the device's one database, but only the leader tab replicates, so the tab that
 * made a write is often not the one that sees its acknowledgement. The stored queue (`outbox:<collection>`) is
 * therefore the truth, shared by the tabs: each change is applied to the stored value itself, read-modify-write
 * (`KeyValueStore.update`, atomic across tabs), never by overwriting it with this tab's copy; and each tab
 * follows the stored value (`watch`), whichever tab wrote it. Marks and acks are idempotent (a mark keeps the
 * newer stamp, an ack removes only an entry it covers), so this tab's copy is the stored value with its own
 * changes not yet stored applied again on top.
 */
export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

/** A key-value store shared by the device's tabs. */
export interface SharedKeyValueStore extends KeyValueStore {
  /**
   * Stores `change(stored value)`, atomically even against other tabs' writes to the same key; `undefined`
   * from `change` writes nothing.
   */
  update(key: string, change: (current: unknown) => unknown): Promise<void>;
  /** Calls back with a key's stored value after every write to it, from any tab; returns the unsubscribe. */
  watch(onChange: (key: string, value: unknown) => void): () => void;
}

export interface Outbox {
  load(): Promise<void>;
  /** Returns the stamp to store on the document (monotonic per device, ISO-8601). */
  nextStamp(): string;
  mark(collection: string, id: string, stamp: string): void;
  ack(collection: string, acked: readonly { id: string; stamp: string }[]): void;
  count(collection: string): number;
  /** Resolves when every change so far is persisted. */
  flush(): Promise<void>;
  /** Stops following the other tabs' changes. */
  close(): void;
}

/**
 * A collection's queue: `pending` id → stamp of the newest unacknowledged write; `acked` id → stamp of an
 * acknowledgement that found no stored entry for that write yet.
 *
 * Why `acked`: the tab that wrote a document stores its mark after the write, while the leader tab may see the
 * write, push it and store the acknowledgement first. Without a record of that ack the late mark would stay
 * pending for good (until the document's next write is pushed). A mark covered by a remembered ack is not
 * stored. The memory is short (`ACK_MEMORY_MS`): it only has to outlast a tab's own delay between a write and
 * storing its mark, and it is written only in that race, so the stored document stays the size of the queue.
 */
interface Queue {
  pending: Record<string, string>;
  acked: Record<string, string>;
}
type Change =
  | { readonly kind: 'mark'; readonly id: string; readonly stamp: string }
  | { readonly kind: 'ack'; readonly acked: readonly { id: string; stamp: string }[] };

const PREFIX = 'outbox:';
/** The local document holding a collection's queue (read by the per-document pending markers too). */
export const outboxKey = (collection: string): string => `${PREFIX}${collection}`;
/**
 * Stored shape: `{ [documentId]: stamp, "#acked"?: { [documentId]: stamp } }`. Pending entries stay top-level
 * strings, as every earlier app version wrote and reads them; `#acked` (not an id: ids are UUIDs) is ignored by
 * any reader that keeps only string values.
 */
const ACKED_KEY = '#acked';
const ACK_MEMORY_MS = 10 * 60_000;

const stringsOf = (value: unknown): Record<string, string> => {
  const out: Record<string, string> = {};
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [id, stamp] of Object.entries(value as Record<string, unknown>)) {
      if (typeof stamp === 'string') out[id] = stamp;
    }
  }
  return out;
};

/** A stored queue as written by any app version: anything else is an empty queue. */
function queueOf(stored: unknown): Queue {
  const acked =
    stored && typeof stored === 'object' ? (stored as Record<string, unknown>)[ACKED_KEY] : undefined;
  return { pending: stringsOf(stored), acked: stringsOf(acked) };
}

function storedOf(queue: Queue): Record<string, unknown> {
  return Object.keys(queue.acked).length > 0 ? { ...queue.pending, [ACKED_KEY]: queue.acked } : queue.pending;
}

/** The ids with unacknowledged writes in a stored queue (`outboxKey`'s value; anything malformed: none). */
export const pendingIdsOfStored = (stored: unknown): string[] => Object.keys(queueOf(stored).pending);

/**
 * Applies one change to a queue (in place); whether it changed anything. Idempotent. Remembered acks older than
 * `forgetBefore` (an ISO stamp) are dropped on the way.
 */
function applied(queue: Queue, change: Change, forgetBefore = ''): boolean {
  let changed = false;
  for (const [id, stamp] of Object.entries(queue.acked)) {
    if (stamp < forgetBefore) {
      delete queue.acked[id];
      changed = true;
    }
  }
  if (change.kind === 'mark') {
    const current = queue.pending[change.id];
    const ackedAt = queue.acked[change.id];
    if (
      (current === undefined || current < change.stamp) &&
      !(ackedAt !== undefined && ackedAt >= change.stamp)
    ) {
      queue.pending[change.id] = change.stamp;
      changed = true;
    }
  } else {
    for (const { id, stamp } of change.acked) {
      const current = queue.pending[id];
      if (current !== undefined && current <= stamp) {
        delete queue.pending[id];
        changed = true;
      }
      // An entry older than the ack (or none): the acked write's own mark may still be on its way from the tab
      // that made it.
      const ackedAt = queue.acked[id];
      if ((current === undefined || current < stamp) && (ackedAt === undefined || ackedAt < stamp)) {
        queue.acked[id] = stamp;
        changed = true;
      }
    }
  }
  return changed;
}

const apply = (queue: Queue, change: Change): Queue => (applied(queue, change), queue);
const copy = (queue: Queue): Queue => ({ pending: { ...queue.pending }, acked: { ...queue.acked } });

export function createOutbox(deps: {
  store: SharedKeyValueStore;
  collections: readonly string[];
  now: () => Date;
  onCount: (collection: string, count: number) => void;
}): Outbox {
  /** Per collection: the stored queue as last seen, and this tab's changes not yet stored. */
  const state = new Map(
    deps.collections.map((c) => [c, { stored: queueOf(undefined), unstored: [] as Change[], shown: -1 }]),
  );
  let lastStampMs = 0;
  let writes: Promise<void> = Promise.resolve();

  const stateOf = (collection: string) => {
    const s = state.get(collection);
    if (!s) throw new Error(`outbox: unknown collection ${collection}`);
    return s;
  };
  /** This tab's view: the stored queue with its own unstored changes on top. */
  const view = (collection: string): Record<string, string> => {
    const s = stateOf(collection);
    return s.unstored.reduce(apply, copy(s.stored)).pending;
  };
  const report = (collection: string) => {
    const s = stateOf(collection);
    const count = Object.keys(view(collection)).length;
    if (count === s.shown) return;
    s.shown = count;
    deps.onCount(collection, count);
  };
  const change = (collection: string, c: Change) => {
    const s = stateOf(collection);
    s.unstored.push(c);
    report(collection);
    writes = writes
      .then(() =>
        deps.store.update(outboxKey(collection), (stored) => {
          const queue = queueOf(stored);
          const forgetBefore = new Date(deps.now().getTime() - ACK_MEMORY_MS).toISOString();
          return applied(queue, c, forgetBefore) ? storedOf(queue) : undefined;
        }),
      )
      // A write that failed is dropped like the old snapshot write was: the next change re-applies nothing of
      // it, but the count stays honest for this tab until then.
      .catch(() => undefined)
      .then(() => {
        s.unstored.splice(s.unstored.indexOf(c), 1);
        report(collection);
      });
  };

  const unwatch = deps.store.watch((key, value) => {
    if (!key.startsWith(PREFIX)) return;
    const s = state.get(key.slice(PREFIX.length));
    if (!s) return;
    s.stored = queueOf(value);
    report(key.slice(PREFIX.length));
  });

  return {
    async load() {
      // Every collection's queue requested at once (one round trip's wait, not one per collection: 12
      // sequential local-document reads were ≈ 100 ms of an offline launch, issue 16), applied in order.
      const saves = await Promise.all(deps.collections.map((c) => deps.store.get(outboxKey(c))));
      for (const [i, c] of deps.collections.entries()) {
        stateOf(c).stored = queueOf(saves[i]);
        stateOf(c).shown = -1;
        report(c);
      }
    },
    nextStamp() {
      lastStampMs = Math.max(deps.now().getTime(), lastStampMs + 1);
      return new Date(lastStampMs).toISOString();
    },
    mark(collection, id, stamp) {
      change(collection, { kind: 'mark', id, stamp });
    },
    ack(collection, acked) {
      stateOf(collection);
      if (acked.length > 0) change(collection, { kind: 'ack', acked });
    },
    count: (collection) => Object.keys(view(collection)).length,
    flush: () => writes,
    close: unwatch,
  };
}
