/**
 * The small synchronous store the shell uses for device preferences and the remembered profile
 * (`window.localStorage` in the app, a Map in tests). Never holds secrets: the session lives in an
 * HttpOnly cookie the page cannot read.
 */
export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** A store that survives a broken or disabled localStorage (private mode, quota) by doing nothing. */
export function safeStore(store: KeyValueStore): KeyValueStore {
  return {
    getItem: (key) => {
      try {
        return store.getItem(key);
      } catch {
        return null;
      }
    },
    setItem: (key, value) => {
      try {
        store.setItem(key, value);
      } catch {
        // Preferences are a convenience; failing to persist one must never break the app.
      }
    },
    removeItem: (key) => {
      try {
        store.removeItem(key);
      } catch {
        // See setItem.
      }
    },
  };
}

export function memoryStore(initial: Record<string, string> = {}): KeyValueStore {
  const map = new Map(Object.entries(initial));
  return {
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
  };
}
