import { useEffect, useState } from 'react';
import { useDeviceData } from './device-data.tsx';

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
    const sub = db
      .getLocal$<{ value: unknown }>(key)
      .subscribe((doc) => setValue(doc ? (doc.get('value') as unknown) : undefined));
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
    const sub = db
      .getLocal$<{ value: unknown }>(key)
      .subscribe((doc) => setState({ value: doc ? (doc.get('value') as unknown) : undefined, ready: true }));
    return () => sub.unsubscribe();
  }, [db, key]);
  return state;
}
