import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Health } from '../../shared/entities/csm.ts';
import { createMemoryChangeFeed } from '../../sync/server/memory-feed.ts';
import { hashPassword } from '../auth/passwords.ts';
import { readDocuments } from '../db/index.ts';
import { createTestDatabase, type TestDatabase } from '../db/testing.ts';
import { recomputeCustomerHealth } from '../health/recompute.ts';
import { systemIdentity } from '../../shared/identity.ts';
import { createServerWriter } from '../sync/server-writes.ts';
import { generateDemoData, SEED_REFERENCE_NOW } from './generate.ts';
import { loadDemoData } from './load.ts';

/**
 * The demo's named customers are seeded with what the server's recompute computes (server/seed/health.ts): the
 * first recompute after seeding, minutes later, finds their documents unchanged — TechCorp keeps the spec's
 * breakdown, StartupXYZ stays critical, AgênciaDigital and ConsultoriaDEF stay warnings.
 */
const NOW = new Date(SEED_REFERENCE_NOW);
const LATER = new Date(NOW.getTime() + 20 * 60_000);
const data = generateDemoData({ seed: 1, now: NOW });
const arco = data.organizations[0]!.id;
const NAMED = [
  'TechCorp LTDA',
  'StartupXYZ',
  'AgênciaDigital',
  'ConsultoriaDEF',
  'Fintech ABC',
  'E-commerce Shop',
];
const ids = NAMED.map((name) => data.documents.customers.find((c) => c.name === name)!.id);

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  await loadDemoData(t.db, data, { hashPassword, now: NOW, batchSize: 1500 });
});
afterAll(() => t?.close());

async function storedHealth(): Promise<Map<string, Health>> {
  const rows = await t.db.withIdentity(systemIdentity(arco), (c) =>
    readDocuments(c, 'health', {
      where: 'organization_id = $1 AND customer_id = ANY($2::uuid[])',
      params: [arco, ids],
    }),
  );
  return new Map(rows.map((r) => [r.doc.customerId, r.doc]));
}

describe('seeded health = the server recompute (named customers)', () => {
  it('recomputes the named customers to exactly what the seed stored: nothing written', async () => {
    const before = await storedHealth();
    const summary = (label: string, h: Health | undefined) => [
      label,
      h?.score,
      h?.status,
      h?.riskScore,
      h?.riskLevel,
      h ? Object.values(h.breakdown).map((d) => d.score) : null,
      h?.trend,
    ];
    expect(NAMED.slice(0, 4).map((name, i) => summary(name, before.get(ids[i]!)))).toEqual([
      // Spec §2.2: bars 85 / 92 / 95 / 100 / 80; the rule gives growth 75 (the R$ 1.500 HR opportunity is full
      // upsell potential, one expansion conversation is 50), so 90 — the spec's own bars weigh to 90.5.
      ['TechCorp LTDA', 90, 'healthy', 100, 'none', [85, 92, 95, 100, 75], 5],
      ['StartupXYZ', 42, 'critical', 20, 'critical', [50, 24, 50, 72, 0], -18],
      ['AgênciaDigital', 68, 'at_risk', 55, 'warning', [47, 90, 100, 78, 0], -6],
      ['ConsultoriaDEF', 71, 'at_risk', 62, 'warning', [73, 87, 71, 89, 0], -9],
    ]);

    const writer = createServerWriter({ db: t.db, feed: createMemoryChangeFeed(), clock: () => LATER });
    const result = await recomputeCustomerHealth({ db: t.db, writer, clock: () => LATER }, arco, ids);
    expect(result).toMatchObject({
      customers: NAMED.length,
      written: 0,
      unchanged: NAMED.length,
      deferred: 0,
      // The opportunities and insights the rules detect were seeded with them: none added.
      signals: 0,
      // Every at-risk named customer already carries its risk alert: none created or escalated.
      riskAlerts: 0,
    });
    const after = await storedHealth();
    for (const id of ids) expect(after.get(id)).toEqual(before.get(id));
  });
});
