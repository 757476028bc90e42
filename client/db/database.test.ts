import { afterEach, describe, expect, it, vi } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import {
  collectionsForRole,
  MAX_COLLECTIONS_PER_ROLE,
  type CollectionName,
} from '../../shared/collections/index.ts';
import { openDeviceDatabase, type DeviceDatabase } from './database.ts';

const opened: DeviceDatabase[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((d) => d.remove()));
});

async function open(
  role: 'csm' | 'client',
  counts: Record<string, number> = {},
  phases: { first?: readonly CollectionName[]; pause?: () => Promise<void> } = {},
) {
  const d = await openDeviceDatabase({
    ...phases,
    userId: crypto.randomUUID(),
    role,
    storage: getRxStorageMemory(),
    now: () => new Date('2026-11-21T12:00:00.000Z'),
    onPendingCount: (c, n) => (counts[c] = n),
    multiInstance: false,
  });
  opened.push(d);
  return d;
}

const customer = (id: string) => ({
  id,
  updatedAt: '2026-11-21T12:00:00.000Z',
  serverSeq: 0,
  clientUpdatedAt: '2000-01-01T00:00:00.000Z',
  name: 'Padaria Pão Quente LTDA',
  domain: null,
  industry: 'Varejo',
  size: null,
  location: 'Campinas, SP',
  status: 'onboarding',
  tier: 'starter',
  mrrCents: 0,
  arrCents: 0,
  lifetimeValueCents: 0,
  activeUsers: 0,
  totalSeats: 5,
  lastLoginAt: null,
  csmId: null,
  renewalDate: null,
  renewalType: 'auto_renew',
  customerSince: '2026-11-21',
  churnedAt: null,
  churnReason: null,
  notes: null,
  contacts: [],
  contracts: [],
});

describe('device database', () => {
  it.each(['csm', 'client'] as const)(
    'opens only the %s role collections, within the open-core bound',
    async (role) => {
      const d = await open(role);
      const names = Object.keys(d.collections);
      expect(names.length).toBeLessThanOrEqual(MAX_COLLECTIONS_PER_ROLE);
      if (role === 'client') expect(names).not.toContain('health');
      else expect(names).toContain('health');
    },
  );

  it('stamps clientUpdatedAt on every local write and counts it as pending', async () => {
    const counts: Record<string, number> = {};
    const d = await open('csm', counts);
    const doc = await d.collections.customers!.insert(customer(crypto.randomUUID()));
    expect(doc.get('clientUpdatedAt')).toBe('2026-11-21T12:00:00.000Z');
    // RxDB documents are immutable snapshots: the patch returns the new revision.
    const patched = await doc.incrementalPatch({ totalSeats: 8 });
    expect(patched.get('clientUpdatedAt') > '2026-11-21T12:00:00.000Z').toBe(true);
    expect(counts.customers).toBe(1);
    await d.collections.customers!.insert(customer(crypto.randomUUID()));
    expect(counts.customers).toBe(2);
  });

  it('opens the first collections, then the others one at a time; each counts its writes from the start', async () => {
    const counts: Record<string, number> = {};
    let release: () => void = () => {};
    let pauses = 0;
    const d = await open('csm', counts, {
      first: ['customers', 'health'],
      pause: () =>
        new Promise<void>((resolve) => {
          pauses++;
          release = resolve;
        }),
    });
    expect(Object.keys(d.collections).sort()).toEqual(['customers', 'health']);
    // Pending writes of every collection are counted before it opens (the sync state shows them at once).
    expect(Object.keys(counts).sort()).toEqual(collectionsForRole('csm').sort());
    let allOpen = false;
    void d.allOpen.then(() => (allOpen = true));
    const rest = collectionsForRole('csm').filter((n) => n !== 'customers' && n !== 'health');
    for (let i = 0; i < rest.length; i++) {
      await vi.waitFor(() => expect(pauses).toBe(i + 1));
      expect(Object.keys(d.collections)).toHaveLength(2 + i);
      release();
    }
    await d.allOpen;
    expect(allOpen).toBe(true);
    expect(Object.keys(d.collections).sort()).toEqual(collectionsForRole('csm').sort());
    await d.collections.activities!.insert({
      id: crypto.randomUUID(),
      updatedAt: '2026-11-21T12:00:00.000Z',
      serverSeq: 0,
      clientUpdatedAt: '2000-01-01T00:00:00.000Z',
      customerId: crypto.randomUUID(),
      type: 'call',
      title: 'Ligação',
      description: null,
      performedBy: null,
      performedByName: null,
      occurredAt: '2026-11-21T12:00:00.000Z',
      metadata: {},
    });
    expect(counts.activities).toBe(1);
  });

  it('closes while the later collections still open: it waits for them, then closes cleanly', async () => {
    let release: () => void = () => {};
    const d = await open(
      'csm',
      {},
      {
        first: ['customers'],
        pause: () => new Promise<void>((resolve) => (release = resolve)),
      },
    );
    let closed = false;
    const closing = d.close().then(() => (closed = true));
    while (!closed) {
      release();
      await new Promise((r) => setTimeout(r, 0));
    }
    await closing;
    expect(d.db.closed).toBe(true);
    opened.splice(opened.indexOf(d), 1);
  });
});
