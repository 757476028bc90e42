/**
 * Expensive things several benches share within one `npm run bench` (the seeded database and server, later a
 * browser and a built app): created on first use, kept for the rest of the run, disposed in reverse creation
 * order at the end, also when a bench failed.
 */
export interface Resource<T> {
  readonly value: T;
  dispose(): Promise<void>;
}

export interface Fixtures {
  /** The resource named `key`, created by `create` on first use (concurrent callers share one creation). */
  get<T>(key: string, create: () => Promise<Resource<T>>): Promise<T>;
  /** Disposes everything created so far, newest first; reports every failure, keeps going. */
  disposeAll(): Promise<void>;
}

export function createFixtures(onDisposeError: (key: string, error: unknown) => void): Fixtures {
  const created = new Map<string, Promise<Resource<unknown>>>();
  return {
    get<T>(key: string, create: () => Promise<Resource<T>>): Promise<T> {
      let entry = created.get(key);
      if (!entry) {
        entry = create() as Promise<Resource<unknown>>;
        created.set(key, entry);
      }
      return entry.then((r) => r.value as T);
    },
    async disposeAll() {
      const entries = [...created.entries()].reverse();
      created.clear();
      for (const [key, pending] of entries) {
        // A fixture that failed to start has nothing to dispose; the bench that needed it reported the error.
        const resource = await pending.catch(() => null);
        if (!resource) continue;
        try {
          await resource.dispose();
        } catch (error) {
          onDisposeError(key, error);
        }
      }
    },
  };
}
