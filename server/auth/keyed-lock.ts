/**
 * In-process mutual exclusion per key: `run(keys, fn)` runs `fn` once no earlier caller sharing any of `keys` is
 * still running. Taking all keys happens synchronously, so two callers never hold part of each other's keys
 * (no deadlock), and callers are served in arrival order.
 */
export class KeyedLock {
  /** Per key, the promise that settles when its last holder (the latest caller) is done. */
  private readonly tails = new Map<string, Promise<void>>();

  async run<T>(keys: readonly string[], fn: () => Promise<T>): Promise<T> {
    const unique = [...new Set(keys)];
    const before = unique.map((key) => this.tails.get(key));
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    for (const key of unique) this.tails.set(key, held);
    try {
      await Promise.all(before);
      return await fn();
    } finally {
      release();
      for (const key of unique) if (this.tails.get(key) === held) this.tails.delete(key);
    }
  }
}
