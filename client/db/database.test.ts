import { afterEach, describe, expect, it } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { MAX_COLLECTIONS_PER_ROLE } from '../../shared/collections/index.ts';
import { openDeviceDatabase, type DeviceDatabase } from './database.ts';

const opened: DeviceDatabase[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((d) => d.remove()));
});

async function open(role: 'csm' | 'client', counts: Record<string, number> = {}) {
  const d = await openDeviceDatabase({
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
});
