import { describe, expect, it } from 'vitest';
import { COLLECTION_DEFS, COLLECTION_NAMES } from '../../shared/collections/index.ts';
import { countDocuments, generateDemoData, SEED_REFERENCE_NOW } from './generate.ts';

/** Benchmarks load 10 000 customers: the generator must produce them (speed is measured by `npm run bench`). */
describe('demo data at benchmark scale', () => {
  it('generates 10 000 Arco Digital customers with all their children', () => {
    const data = generateDemoData({ seed: 1, customers: 10_000, now: SEED_REFERENCE_NOW });
    const counts = countDocuments(data.documents);
    expect(counts.customers).toBe(10_005);
    expect(counts.health).toBe(10_005);
    const active = data.documents.customers.filter((c) => c.status !== 'churned').length;
    expect(active).toBeGreaterThan(9_800);
    // A year of metrics per active customer (churned ones stop at their churn month).
    expect(counts.metrics).toBeGreaterThanOrEqual(active * 12);
    expect(counts.metrics).toBeLessThanOrEqual(counts.customers * 12);
    expect(counts.invoices).toBeGreaterThan(counts.customers * 5);
    expect(counts.goals).toBe(active * 6);
    for (const name of COLLECTION_NAMES) expect(counts[name]).toBeGreaterThan(0);
    // The portfolio keeps the seed's proportions beyond the curated 90: ~13 % at risk, ~75 % healthy.
    const atRisk = data.documents.health.filter((h) => h.riskLevel !== 'none').length / counts.health;
    expect(atRisk).toBeGreaterThan(0.11);
    expect(atRisk).toBeLessThan(0.15);
    const names = new Set(data.documents.customers.map((c) => c.name));
    expect(names.size).toBe(counts.customers);
    // Every 101st document of each collection still matches its schema.
    for (const name of COLLECTION_NAMES) {
      const docs = data.documents[name] as unknown[];
      for (let i = 0; i < docs.length; i += 101) COLLECTION_DEFS[name].schema.parse(docs[i]);
    }
  }, 300_000);
});
