import { describe, expect, it } from 'vitest';
import { createOutbox, type KeyValueStore } from './outbox.ts';

function memoryStore(): KeyValueStore & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return { data, get: async (k) => data.get(k), set: async (k, v) => void data.set(k, structuredClone(v)) };
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

  it('keeps a write made while an older version of the same document was being pushed', () => {
    const { outbox } = setup();
    const pushed = outbox.nextStamp();
    outbox.mark('tickets', 't1', pushed);
    const newer = outbox.nextStamp();
    outbox.mark('tickets', 't1', newer);
    outbox.ack('tickets', [{ id: 't1', stamp: pushed }]);
    expect(outbox.count('tickets')).toBe(1);
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

  it('rejects an unknown collection loudly', () => {
    expect(() => setup().outbox.mark('nope', 'x', 'y')).toThrow(/unknown collection/);
  });
});
