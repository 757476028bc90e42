import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DailyMetric, Metrics } from '../../shared/entities/portal.ts';
import { writeDocument } from '../db/collections/mapper.ts';
import { nextServerFields } from '../db/ordering.ts';
import { createTestDatabase, createTestTenant, type TestDatabase, type TestTenant } from '../db/testing.ts';
import { pgLiveSource } from './live-routes.ts';

/**
 * The live panel's PostgreSQL source: it reads the months asked for of the client's own customer under the
 * client's identity (row-level security: another customer's metrics are never returned), and the user's zone.
 */
let t: TestDatabase;
let tenant: TestTenant;

const day = (date: string, sessions: number): DailyMetric => ({
  date,
  sessions,
  pageviews: 0,
  bounceRate: 40,
  avgSessionSeconds: 120,
  conversions: 1,
  revenueCents: 1_000,
  adSpendCents: 0,
  leads: 0,
  score: null,
});

async function addMetrics(customerId: string, month: string, days: DailyMetric[]) {
  const now = new Date('2026-03-20T12:00:00.000Z');
  const doc: Metrics = {
    id: uuidv7(),
    updatedAt: now.toISOString(),
    serverSeq: 0,
    clientUpdatedAt: now.toISOString(),
    customerId,
    month,
    days,
  };
  await t.db.withIdentity(tenant.system, async (c) =>
    writeDocument(
      c,
      { organizationId: tenant.organizationId },
      'metrics',
      doc,
      await nextServerFields(c, tenant.organizationId, now),
    ),
  );
}

beforeAll(async () => {
  t = await createTestDatabase();
  tenant = await createTestTenant(t.db);
  await addMetrics(tenant.customerId, '2026-02', [day('2026-02-10', 100)]);
  await addMetrics(tenant.customerId, '2026-03', [day('2026-03-01', 200), day('2026-03-02', 300)]);
  await addMetrics(tenant.customerId, '2025-12', [day('2025-12-01', 999)]); // not asked for
  await addMetrics(tenant.otherCustomerId, '2026-03', [day('2026-03-01', 7_777)]); // another customer
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe('pgLiveSource', () => {
  it("returns the asked months of the client's own customer, and the user's time zone", async () => {
    const data = await pgLiveSource(t.db).read(tenant.client, ['2026-01', '2026-02', '2026-03', '2026-04']);
    expect(data.customerId).toBe(tenant.customerId);
    expect(data.timeZone).toBe('America/Sao_Paulo');
    const byMonth = Object.fromEntries(data.metrics.map((m) => [m.month, m.days.map((d) => d.sessions)]));
    expect(byMonth).toEqual({ '2026-02': [100], '2026-03': [200, 300] });
  });

  it('the other client sees only their own customer', async () => {
    const data = await pgLiveSource(t.db).read(tenant.otherClient, ['2026-03']);
    expect(data.metrics.map((m) => m.days.map((d) => d.sessions))).toEqual([[7_777]]);
  });
});
