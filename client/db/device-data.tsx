import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { MangoQuery, RxCollection, RxDocument, RxStorageChangeEvent } from 'rxdb';
import type { CollectionName, DocOf } from '../../shared/collections/index.ts';
import type { SignedInUser } from '../../shared/identity.ts';
import type { DeviceSession, DeviceSessions } from './device-session.ts';
import { applyChange, readAllDocuments } from './read-all.ts';

/**
 * Makes the signed-in user's device session available to features. Rendering never waits for the network:
 * the session opens the local database (IndexedDB, ~100 ms) and features render what it has, live. A
 * collection that is not open yet reads as null (`useCollection`), like the whole database while it opens.
 */
interface DeviceDataValue {
  readonly session: DeviceSession | null;
  readonly error: Error | null;
}

const DeviceDataContext = createContext<DeviceDataValue>({ session: null, error: null });

export function DeviceDataProvider(props: {
  sessions: DeviceSessions;
  user: SignedInUser | null;
  children: ReactNode;
}) {
  const { sessions, user } = props;
  const [value, setValue] = useState<DeviceDataValue>({ session: sessions.current(), error: null });
  useEffect(() => {
    let cancelled = false;
    if (!user) {
      void sessions.closeCurrent();
      setValue({ session: null, error: null });
      return;
    }
    sessions.open(user).then(
      (session) => {
        if (cancelled) return;
        setValue({ session, error: null });
        // The role's other collections open behind the first screen (database.ts `first`): a new value then,
        // so every `useCollection` looks its collection up again.
        void session.database.allOpen.then(
          () => !cancelled && setValue({ session, error: null }),
          (error: unknown) => !cancelled && setValue({ session: null, error: error as Error }),
        );
      },
      (error: unknown) => !cancelled && setValue({ session: null, error: error as Error }),
    );
    return () => {
      cancelled = true;
    };
  }, [sessions, user]);
  return <DeviceDataContext.Provider value={value}>{props.children}</DeviceDataContext.Provider>;
}

export const useDeviceData = (): DeviceDataValue => useContext(DeviceDataContext);

/** The signed-in user of the open device session (null while it opens, or signed out). */
export const useDeviceUser = (): SignedInUser | null => useDeviceData().session?.user ?? null;

/** A live value read from the device database. */
export interface Live<T> {
  readonly value: T;
  /** False until the local database answered (not "synced": local data may still be empty). */
  readonly ready: boolean;
}

/** The collection of the signed-in user's role, or null while the database opens (or the role lacks it). */
export function useCollection<N extends CollectionName>(name: N): RxCollection<DocOf<N>> | null {
  const { session } = useDeviceData();
  return (session?.database.collections[name] as RxCollection<DocOf<N>> | undefined) ?? null;
}

/**
 * The default query, one object for every render: a default parameter `= {}` would be a new query each render,
 * re-subscribing on every result — a render loop that starved navigation (issue 10's stall on "Meu painel").
 */
const EVERY_DOCUMENT = Object.freeze({});

export interface LiveDocuments<T> {
  readonly docs: readonly T[];
  /** False until the first local result arrived (not "synced": local data may still be empty). */
  readonly ready: boolean;
}

/**
 * Documents of a local query, re-rendered on every local change (own writes and replicated ones). Pass a
 * stable `query` (module constant or useMemo; omitted, every document); `null` subscribes to nothing (a query that is no longer
 * needed, e.g. a first screenful once the full list is there) and keeps the last result.
 *
 * Unchanged documents keep their object identity from one result to the next (RxDB hands out the same
 * RxDocument for the same revision), so a feature can memoise what it derives per document.
 */
export function useLiveDocuments<N extends CollectionName>(
  name: N,
  query: MangoQuery<DocOf<N>> | null = EVERY_DOCUMENT,
): LiveDocuments<DocOf<N>> {
  const collection = useCollection(name);
  const [state, setState] = useState<LiveDocuments<DocOf<N>>>({ docs: [], ready: false });
  useEffect(() => {
    if (!collection || !query) return;
    // Per subscription, not per module: dropped with it.
    const json = new WeakMap<RxDocument<DocOf<N>>, DocOf<N>>();
    const toJson = (doc: RxDocument<DocOf<N>>): DocOf<N> => {
      let data = json.get(doc);
      if (data === undefined) {
        data = doc.toJSON() as DocOf<N>;
        json.set(doc, data);
      }
      return data;
    };
    const sub = collection.find(query).$.subscribe((docs) => {
      setState({ docs: docs.map(toJson), ready: true });
    });
    return () => sub.unsubscribe();
  }, [collection, query]);
  return state;
}

/** A whole-collection copy re-renders at most this often while changes stream in (a first sync's batches). */
const COLLECTION_EMIT_EVERY_MS = 250;

/**
 * Every document of a collection, live, for screens that need all of it (the customer list at 10,000): read in
 * a few `getAll` requests (read-all.ts: no per-document query cursor), then kept current from the collection's change
 * stream — no query re-run on a change. Changes that arrive while the read runs are applied after it. A burst
 * of changes (each pulled batch of a first sync) re-renders at most every 250 ms, the first result at once.
 * `enabled` false subscribes to nothing.
 *
 * As with `useLiveDocuments`, an unchanged document keeps its object from one result to the next, so a feature
 * can memoise what it derives per document. Order is unspecified (screens sort).
 */
export function useLiveCollection<N extends CollectionName>(
  name: N,
  enabled = true,
): LiveDocuments<DocOf<N>> {
  const collection = useCollection(name);
  const [state, setState] = useState<LiveDocuments<DocOf<N>>>({ docs: [], ready: false });
  useEffect(() => {
    if (!collection || !enabled) return;
    const docs = new Map<string, DocOf<N>>();
    /** Change bulks that arrived before the read answered; null once it did. */
    let early: RxStorageChangeEvent<unknown>[][] | null = [];
    let closed = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let emittedAt = -Infinity;
    const emit = () => {
      timer = null;
      emittedAt = performance.now();
      setState({ docs: [...docs.values()], ready: true });
    };
    const sub = collection.eventBulks$.subscribe((bulk) => {
      if (bulk.isLocal) return; // the database's local documents, not this collection's
      if (early) {
        early.push(bulk.events);
        return;
      }
      for (const event of bulk.events) applyChange(docs, event);
      if (timer === null && !closed)
        timer = setTimeout(emit, Math.max(0, emittedAt + COLLECTION_EMIT_EVERY_MS - performance.now()));
    });
    void readAllDocuments<DocOf<N>>(collection).then((all) => {
      if (closed) return;
      for (const doc of all) docs.set((doc as { id: string }).id, doc);
      for (const events of early ?? []) for (const event of events) applyChange(docs, event);
      early = null;
      emit();
    });
    return () => {
      closed = true;
      sub.unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
  }, [collection, enabled]);
  return state;
}

/** One document by id, live; null when absent. */
export function useLiveDocument<N extends CollectionName>(
  name: N,
  id: string | undefined,
): LiveDocuments<DocOf<N>> {
  const collection = useCollection(name);
  const [state, setState] = useState<LiveDocuments<DocOf<N>>>({ docs: [], ready: false });
  useEffect(() => {
    if (!collection || !id) return;
    const sub = collection.findOne(id).$.subscribe((doc) => {
      setState({ docs: doc ? [doc.toJSON() as DocOf<N>] : [], ready: true });
    });
    return () => sub.unsubscribe();
  }, [collection, id]);
  return state;
}
