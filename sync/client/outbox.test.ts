import { describe, expect, it } from 'vitest';
import { createOutbox, outboxKey, pendingIdsOfStored, type SharedKeyValueStore } from './outbox.ts';

/** One device's local documents, shared by its tabs: every write is seen by every tab's `watch`. */
function memoryStore(): SharedKeyValueStore & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  const watchers = new Set<(key: string, value: unknown) => void>();
  const write = (k: string, v: unknown) => {
    data.set(k, structuredClone(v));
    for (const w of watchers) w(k, structuredClone(v));
  };
  return {
    data,
    get: async (k) => structuredClone(data.get(k)),
    set: async (k, v) => write(k, v),
    update: async (k, change) => {
      const next = change(structuredClone(data.get(k)));
      if (next !== undefined) write(k, next);
    },
    watch: (w) => {
      watchers.add(w);
      return () => void watchers.delete(w);
    },
  };
}

const setup = (store = memoryStore(), now = () => new Date('2026-11-21T12:00:00.000Z')) => {
  const counts: Record<string, number> = {};
  const outbox = createOutbox({
    store,
    collections: ['customers', 'tickets'],
    now,
    onCount: (c, n) => (counts[c] = n),
  });
  return { outbox, counts, store };
};

describe('outbox', () => {
  it('stamps are strictly increasing even within the same millisecond', () => {
    const { outbox } = setup();
    const a = outbox.nextStamp();
    const b = outbox.nextStamp();
    expect(b > a).toBe(true);
  });

  it('counts marked writes and removes them when the server acknowledges that version', () => {
    const { outbox, counts } = setup();
    outbox.mark('customers', 'c1', outbox.nextStamp());
    const s2 = outbox.nextStamp();
    outbox.mark('customers', 'c2', s2);
    expect(counts.customers).toBe(2);
    outbox.ack('customers', [{ id: 'c2', stamp: s2 }]);
    expect(outbox.count('customers')).toBe(1);
  });

  it('keeps a write made while an older version of the same document was being pushed', async () => {
    const { outbox, store } = setup();
    const pushed = outbox.nextStamp();
    outbox.mark('tickets', 't1', pushed);
    const newer = outbox.nextStamp();
    outbox.mark('tickets', 't1', newer);
    outbox.ack('tickets', [{ id: 't1', stamp: pushed }]);
    expect(outbox.count('tickets')).toBe(1);
    await outbox.flush();
    expect(outbox.count('tickets')).toBe(1);
    expect(store.data.get('outbox:tickets')).toEqual({ t1: newer });
  });

  it('survives a reload (persisted) — an expired session never loses the count', async () => {
    const first = setup();
    first.outbox.mark('customers', 'c1', first.outbox.nextStamp());
    await first.outbox.flush();
    const second = setup(first.store);
    await second.outbox.load();
    expect(second.outbox.count('customers')).toBe(1);
    expect(second.counts.customers).toBe(1);
  });

  it("clears another tab's write once the leader tab's push is acknowledged, in both tabs", async () => {
    // Two tabs of one device: the second writes, only the first (the leader) replicates and hears the ack.
    const store = memoryStore();
    const leader = setup(store);
    const other = setup(store);
    await Promise.all([leader.outbox.load(), other.outbox.load()]);
    const stamp = other.outbox.nextStamp();
    other.outbox.mark('customers', 'c1', stamp);
    other.outbox.mark('customers', 'c2', other.outbox.nextStamp());
    await other.outbox.flush();
    expect(leader.counts.customers).toBe(2);
    leader.outbox.ack('customers', [{ id: 'c1', stamp }]);
    await leader.outbox.flush();
    expect(other.counts.customers).toBe(1);
    expect(other.outbox.count('customers')).toBe(1);
    expect(leader.outbox.count('customers')).toBe(1);
    // The tabs' writes are merged in the stored queue, never overwritten by one tab's copy.
    expect(Object.keys(store.data.get('outbox:customers') as object)).toEqual(['c2']);
  });

  it("keeps a tab's write that the other tab never saw when that tab stores its own queue", async () => {
    const store = memoryStore();
    const a = setup(store);
    const b = setup(store);
    // b's change arrives while a still holds an older copy: a's next change must not drop it.
    b.outbox.mark('tickets', 't1', b.outbox.nextStamp());
    a.outbox.mark('tickets', 't2', a.outbox.nextStamp());
    await Promise.all([a.outbox.flush(), b.outbox.flush()]);
    expect(Object.keys(store.data.get('outbox:tickets') as object).sort()).toEqual(['t1', 't2']);
  });

  it("clears a tab's write whose acknowledgement the leader stored before the tab stored its mark", async () => {
    // The writing tab stores its mark after the document write; the leader may push that write and store the
    // ack first. The late mark must not stay pending for good (the two-tabs journey saw it under load).
    const store = memoryStore();
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const slow = {
      ...store,
      update: (k: string, c: (current: unknown) => unknown) => held.then(() => store.update(k, c)),
    };
    const leader = setup(store);
    const writer = setup(slow);
    const stamp = writer.outbox.nextStamp();
    writer.outbox.mark('customers', 'c1', stamp);
    expect(writer.counts.customers).toBe(1);
    leader.outbox.ack('customers', [{ id: 'c1', stamp }]);
    await leader.outbox.flush();
    release();
    await writer.outbox.flush();
    expect(writer.outbox.count('customers')).toBe(0);
    expect(leader.outbox.count('customers')).toBe(0);
    expect(pendingIdsOfStored(store.data.get(outboxKey('customers')))).toEqual([]);
    // A later write of the same document is pending again.
    writer.outbox.mark('customers', 'c1', writer.outbox.nextStamp());
    await writer.outbox.flush();
    expect(leader.outbox.count('customers')).toBe(1);
  });

  it('remembers an early acknowledgement only for a while, and only when it found no entry for its write', async () => {
    let now = new Date('2026-11-21T12:00:00.000Z');
    const { outbox, store } = setup(memoryStore(), () => now);
    const s1 = outbox.nextStamp();
    outbox.mark('tickets', 't1', s1);
    outbox.ack('tickets', [{ id: 't1', stamp: s1 }]);
    await outbox.flush();
    // The usual order (mark stored, then its ack): nothing to remember.
    expect(store.data.get(outboxKey('tickets'))).toEqual({});
    outbox.ack('tickets', [{ id: 't2', stamp: outbox.nextStamp() }]);
    await outbox.flush();
    expect(store.data.get(outboxKey('tickets'))).toEqual({ '#acked': { t2: expect.any(String) } });
    now = new Date(now.getTime() + 11 * 60_000);
    outbox.mark('tickets', 't3', outbox.nextStamp());
    await outbox.flush();
    expect(store.data.get(outboxKey('tickets'))).toEqual({ t3: expect.any(String) });
  });

  it.each<[unknown, string[]]>([
    [undefined, []],
    [null, []],
    [['a'], []],
    ['a', []],
    [{ a: '2026-01-01T00:00:00.000Z', b: 3 }, ['a']],
    [{ a: '2026-01-01T00:00:00.000Z', '#acked': { b: '2026-01-01T00:00:00.000Z' } }, ['a']],
  ])('pendingIdsOfStored(%j) = %j', (value, expected) => {
    expect(pendingIdsOfStored(value)).toEqual(expected);
  });

  it('rejects an unknown collection loudly', () => {
    expect(() => setup().outbox.mark('nope', 'x', 'y')).toThrow(/unknown collection/);
  });
});
