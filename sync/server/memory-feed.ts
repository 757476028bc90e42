import type { Change, ChangeFeed, ChangeListener } from './store.ts';

export interface MemoryChangeFeed extends ChangeFeed {
  /** Tells every subscriber to resync (what a feed does after it may have lost changes). */
  resync(): void;
  /** Number of live subscriptions (tests check that closed streams unsubscribe). */
  subscriberCount(): number;
}

/**
 * In-process fan-out: the embedded-database deployment's feed (cross-connection NOTIFY does not work through
 * pglite-socket, docs/architecture.md §5) and the test double. Delivery is synchronous and in publish order; one failing
 * listener never stops the others.
 */
export function createMemoryChangeFeed(
  onListenerError: (error: unknown) => void = () => {},
): MemoryChangeFeed {
  const listeners = new Set<{ listener: ChangeListener }>();
  const deliver = (event: Change | 'RESYNC') => {
    for (const entry of [...listeners]) {
      try {
        entry.listener(event);
      } catch (error) {
        onListenerError(error);
      }
    }
  };
  return {
    publish: (change) => deliver(change),
    resync: () => deliver('RESYNC'),
    subscribe(listener) {
      // A wrapper object, so the same function subscribed twice gets two independent subscriptions.
      const entry = { listener };
      listeners.add(entry);
      return () => void listeners.delete(entry);
    },
    subscriberCount: () => listeners.size,
  };
}
