/**
 * Tracks local writes not yet acknowledged by the server, per collection, so the UI can always show how many
 * changes are pending — across reloads, an expired session and the device's other tabs.
 *
 * RxDB already keeps and retries the writes themselves; this only counts them. Invariant: an entry is removed
 * only when the server has answered a push carrying that write or a later one (compared by the write's stamp,
 * `clientUpdatedAt`), so a write made while an older version was in flight stays pending.
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

type Queue = Record<string, string>;
type Change =
  | { readonly kind: 'mark'; readonly id: string; readonly stamp: string }
  | { readonly kind: 'ack'; readonly acked: readonly { id: string; stamp: string }[] };

const keyOf = (collection: string) => `outbox:${collection}`;
const PREFIX = 'outbox:';

/** A stored queue as written by any app version: anything else is an empty queue. */
function queueOf(stored: unknown): Queue {
  const queue: Queue = {};
  if (stored && typeof stored === 'object') {
    for (const [id, stamp] of Object.entries(stored as Record<string, unknown>)) {
      if (typeof stamp === 'string') queue[id] = stamp;
    }
  }
  return queue;
}

/** Applies one change to a queue (in place); whether it changed anything. Idempotent. */
function applied(queue: Queue, change: Change): boolean {
  let changed = false;
  if (change.kind === 'mark') {
    const current = queue[change.id];
    if (current === undefined || current < change.stamp) {
      queue[change.id] = change.stamp;
      changed = true;
    }
  } else {
    for (const { id, stamp } of change.acked) {
      const current = queue[id];
      if (current !== undefined && current <= stamp) {
        delete queue[id];
        changed = true;
      }
    }
  }
  return changed;
}

const apply = (queue: Queue, change: Change): Queue => (applied(queue, change), queue);

export function createOutbox(deps: {
  store: SharedKeyValueStore;
  collections: readonly string[];
  now: () => Date;
  onCount: (collection: string, count: number) => void;
}): Outbox {
  /** Per collection: the stored queue as last seen, and this tab's changes not yet stored. */
  const state = new Map(
    deps.collections.map((c) => [c, { stored: {} as Queue, unstored: [] as Change[], shown: -1 }]),
  );
  let lastStampMs = 0;
  let writes: Promise<void> = Promise.resolve();

  const stateOf = (collection: string) => {
    const s = state.get(collection);
    if (!s) throw new Error(`outbox: unknown collection ${collection}`);
    return s;
  };
  /** This tab's view: the stored queue with its own unstored changes on top. */
  const view = (collection: string): Queue => {
    const s = stateOf(collection);
    return s.unstored.reduce(apply, { ...s.stored });
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
        deps.store.update(keyOf(collection), (stored) => {
          const queue = queueOf(stored);
          return applied(queue, c) ? queue : undefined;
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
      const saves = await Promise.all(deps.collections.map((c) => deps.store.get(keyOf(c))));
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
