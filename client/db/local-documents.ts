import { useEffect, useState } from 'react';
import { filter, startWith, switchMap, type Observable } from 'rxjs';
import type { RxDatabase, RxLocalDocument } from 'rxdb';
import { useDeviceData } from './device-data.tsx';

/**
 * One of the database's local documents, live: its current state on subscribe, then again after every write
 * to it (null while it does not exist).
 *
 * Not RxDB's `db.getLocal$`: that one runs two async steps for *every change event of every collection* of the
 * database before it drops the ones that are not its document — a promise and an inner subscription per
 * replicated document per subscriber, whose completions each scan the subscriber's list of pending inner
 * subscriptions. Every formatted component subscribes (useFormat), so a first sync paid that for each of
 * 10,000 pulled customers times every mounted subscriber (issue 16: a CPU profile charged ≈ 0.5 s to the list
 * scans alone at 10,000 customers). Here a change bulk that is not the database's own local documents, or does
 * not touch `key`, is dropped synchronously, once per bulk.
 */
export function localDocument$<T extends object>(
  db: RxDatabase,
  key: string,
): Observable<RxLocalDocument<RxDatabase, T> | null> {
  return db.eventBulks$.pipe(
    // Local documents of the database itself (a collection's local documents carry its name).
    filter((bulk) => bulk.isLocal && !bulk.collectionName && bulk.events.some((e) => e.documentId === key)),
    startWith(null),
    // The document as stored after the latest write: a read overtaken by a newer write is dropped.
    switchMap(() => db.getLocal<T>(key)),
  );
}

/**
 * The value of one of the device database's local documents (`{ value }`, the key-value convention of
 * database.ts), live; undefined while the database opens or when the document does not exist. Callers parse
 * it: local documents cross a version boundary (written by an older app, read by a newer one).
 */
export function useLocalValue(key: string): unknown {
  const db = useDeviceData().session?.database.db;
  const [value, setValue] = useState<unknown>(undefined);
  useEffect(() => {
    if (!db) return;
    const sub = localDocument$<{ value: unknown }>(db, key).subscribe((doc) =>
      setValue(doc ? (doc.get('value') as unknown) : undefined),
    );
    return () => sub.unsubscribe();
  }, [db, key]);
  return value;
}

/**
 * `useLocalValue` with whether the device has answered yet (false while the database opens and until its
 * first read): a form shows nothing rather than defaults that the stored value replaces a moment later.
 */
export function useLocalValueState(key: string): { readonly value: unknown; readonly ready: boolean } {
  const db = useDeviceData().session?.database.db;
  const [state, setState] = useState<{ value: unknown; ready: boolean }>({ value: undefined, ready: false });
  useEffect(() => {
    if (!db) return;
    const sub = localDocument$<{ value: unknown }>(db, key).subscribe((doc) =>
      setState({ value: doc ? (doc.get('value') as unknown) : undefined, ready: true }),
    );
    return () => sub.unsubscribe();
  }, [db, key]);
  return state;
}
