import { useSyncExternalStore } from 'react';
import { useDependencies } from './dependencies.tsx';

/** The browser's connectivity hint, live: decides what the page offers (an online-only save), not what works. */
export function useOnline(): boolean {
  const { network } = useDependencies();
  return useSyncExternalStore(
    (listener) => network.subscribe(listener),
    () => network.isOnline(),
  );
}
