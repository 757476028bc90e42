/**
 * The browser's own idea of connectivity (`navigator.onLine` + `online`/`offline` events). It is only a hint —
 * "online" can still mean a captive portal — so it decides what to *try*, and real requests decide the rest.
 */
export interface NetworkStatus {
  isOnline(): boolean;
  /** Calls `listener` on every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

export function browserNetwork(win: Window): NetworkStatus {
  return {
    isOnline: () => win.navigator.onLine,
    subscribe(listener) {
      win.addEventListener('online', listener);
      win.addEventListener('offline', listener);
      return () => {
        win.removeEventListener('online', listener);
        win.removeEventListener('offline', listener);
      };
    },
  };
}

/** A switchable network for tests. */
export function manualNetwork(initiallyOnline = true): NetworkStatus & { set(online: boolean): void } {
  let online = initiallyOnline;
  const listeners = new Set<() => void>();
  return {
    isOnline: () => online,
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    set(next) {
      if (next === online) return;
      online = next;
      for (const l of [...listeners]) l();
    },
  };
}
