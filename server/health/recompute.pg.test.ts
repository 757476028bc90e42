import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assessCustomerAt } from '../../shared/domain/csm/assess-customer.ts';
import { assessmentClock, type CustomerDocs } from '../../shared/domain/csm/customer-inputs.ts';
import { DEFAULT_HEALTH_CONFIG } from '../../shared/domain/csm/health-config.ts';
import { docFactory, DOCS_NOW, startupXyzDocs, techCorpDocs } from '../../shared/domain/csm/test-docs.ts';
import { recommend } from '../../shared/domain/csm/recommendations.ts';
import { riskAlertId, signalCondition } from '../../shared/domain/csm/signals.ts';
import type { Health, Signal } from '../../shared/entities/csm.ts';
import { createMemoryChangeFeed } from '../../sync/server/memory-feed.ts';
import type { Change } from '../../sync/server/store.ts';
import { MemoryAccountStore } from '../auth/account-memory-store.ts';
import { MemoryAuthStore } from '../auth/memory-store.ts';
import { testConfig } from '../config.ts';
import { readDocuments } from '../db/index.ts';
import { createTestDatabase, createTestTenant, type TestDatabase, type TestTenant } from '../db/testing.ts';
import { runJob, type JobSender } from '../jobs/define.ts';
import { recomputeAllHealthJob } from '../jobs/recompute-all-health.ts';
import { createLogger } from '../logger.ts';
import { createServerWriter, type ServerWriter } from '../sync/server-writes.ts';
import { customersChangedSince, inputWatermark } from './inputs.ts';
import { storeCustomerDocs, storeDocs } from './testing.ts';
import {
  recomputeChangedHealth,
  recomputeCustomerHealth,
  recomputeOrganizationHealth,
  type HealthRecomputeDeps,
} from './recompute.ts';

/**
 * The server's recompute over PostgreSQL (embedded PGlite, or DATABASE_URL): it stores what the shared rule
 * computes from the stored documents, writes nothing when nothing changed, leaves a customer whose inputs moved
 * meanwhile to that change's own recompute, and the nightly job covers every customer.
 */
const TZ = 'America/Sao_Paulo';
let t: TestDatabase;
let tenant: TestTenant;
let published: Change[];
let writer: ServerWriter;
let now: Date;
let techCorp: ReturnType<typeof techCorpDocs>;
let startup: ReturnType<typeof startupXyzDocs>;

const deps = (): HealthRecomputeDeps => ({ db: t.db, writer, clock: () => now });

async function healthDocs(): Promise<Map<string, { deleted: boolean; doc: Health }>> {
  const rows = await t.db.withIdentity(tenant.system, (c) =>
    readDocuments(c, 'health', { where: 'organization_id = $1', params: [tenant.organizationId] }),
  );
  return new Map(rows.map((r) => [r.doc.customerId, { deleted: r.deleted, doc: r.doc }]));
}

async function historyRows() {
  return t.db.privileged(async (c) => {
    const { rows } = await c.query<{ customerId: string; date: string; score: number }>(
      `SELECT customer_id AS "customerId", to_char(date, 'YYYY-MM-DD') AS date, score FROM health_history
        WHERE organization_id = $1 ORDER BY customer_id, date`,
      [tenant.organizationId],
    );
    return rows;
  });
}

/**
 * What the shared rule says about these documents at `now` — the device's provisional computation. A staff device
 * syncs meetings and signals, so "none stored" is an empty list (known), as the server reads it.
 */
function pureRule(docs: CustomerDocs, at: Date) {
  const known = { ...docs, meetings: docs.meetings ?? [], signals: docs.signals ?? [] };
  return assessCustomerAt(known, DEFAULT_HEALTH_CONFIG, assessmentClock(at, TZ)).health!;
}

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.close());

beforeEach(async () => {
  await t.truncateAll();
  now = DOCS_NOW;
  tenant = await createTestTenant(t.db, { now });
  published = [];
  const feed = createMemoryChangeFeed();
  feed.subscribe((e) => void (e !== 'RESYNC' && published.push(e)));
  writer = createServerWriter({ db: t.db, feed, clock: () => now });
  const f = docFactory();
  techCorp = techCorpDocs(f);
  startup = startupXyzDocs(f);
  await storeCustomerDocs(t.db, tenant.organizationId, tenant.csm.userId!, techCorp, now);
  await storeCustomerDocs(t.db, tenant.organizationId, tenant.csm.userId!, startup, now);
});

describe('recomputeCustomerHealth', () => {
  it('stores what the shared rule computes from the stored documents, and today’s history row', async () => {
    const ids = [techCorp.customer.id, startup.customer.id];
    const summary = await recomputeCustomerHealth(deps(), tenant.organizationId, ids);
    expect(summary).toMatchObject({ customers: 2, written: 2, unchanged: 0, deferred: 0 });

    const stored = await healthDocs();
    const tc = stored.get(techCorp.customer.id)!.doc;
    expect([tc.score, tc.status]).toEqual([91, 'healthy']);
    expect(Object.values(tc.breakdown).map((d) => d.score)).toEqual([85, 92, 95, 100, 80]);
    for (const docs of [techCorp, startup]) {
      const { id, updatedAt, serverSeq, clientUpdatedAt, ...fields } = stored.get(docs.customer.id)!.doc;
      expect([id, updatedAt, serverSeq, clientUpdatedAt].every((v) => v !== undefined)).toBe(true);
      expect(fields).toEqual(pureRule(docs, now));
    }
    expect(stored.get(startup.customer.id)!.doc.riskLevel).toBe('critical');
    // Published: the one insight the rules detect that TechCorp lacks (advocacy: NPS 9, health 91, 13 months)
    // with StartupXYZ's critical risk alert (its fixture has none), then one health batch carrying both documents.
    expect(published.map((c) => [c.collection, c.documents.length])).toEqual([
      ['signals', 2],
      ['health', 2],
    ]);
    expect([summary.signals, summary.riskAlerts]).toEqual([1, 1]);
    expect(await historyRows()).toEqual(
      expect.arrayContaining([
        { customerId: techCorp.customer.id, date: '2026-01-29', score: 91 },
        {
          customerId: startup.customer.id,
          date: '2026-01-29',
          score: stored.get(startup.customer.id)!.doc.score,
        },
      ]),
    );
  });

  it('writes nothing when nothing changed — not even an hour later (first detections and computedAt kept)', async () => {
    const ids = [techCorp.customer.id, startup.customer.id];
    await recomputeCustomerHealth(deps(), tenant.organizationId, ids);
    const before = await healthDocs();
    const historyBefore = await historyRows();
    published.length = 0;

    now = new Date(DOCS_NOW.getTime() + 3_600_000);
    const summary = await recomputeCustomerHealth(deps(), tenant.organizationId, ids);
    expect(summary).toMatchObject({ written: 0, unchanged: 2, removed: 0 });
    expect(published).toEqual([]);
    expect(await healthDocs()).toEqual(before);
    expect(await historyRows()).toEqual(historyBefore);
  });

  it('a new day adds a history point (document and table) and keeps when the risk was first detected', async () => {
    const id = startup.customer.id;
    await recomputeCustomerHealth(deps(), tenant.organizationId, [id]);
    const first = (await healthDocs()).get(id)!.doc;
    now = new Date(DOCS_NOW.getTime() + 86_400_000);
    expect(await recomputeCustomerHealth(deps(), tenant.organizationId, [id])).toMatchObject({ written: 1 });
    const next = (await healthDocs()).get(id)!.doc;
    expect(next.history.map((p) => p.date)).toEqual(['2026-01-29', '2026-01-30']);
    expect(next.serverSeq).toBeGreaterThan(first.serverSeq);
    expect(next.id).toBe(first.id);
    expect(next.atRiskSince).toBe(first.atRiskSince);
    const kept = new Map(first.riskFactors.map((f) => [f.type, f.detectedAt]));
    for (const f of next.riskFactors) if (kept.has(f.type)) expect(f.detectedAt).toBe(kept.get(f.type));
    expect((await historyRows()).filter((r) => r.customerId === id).map((r) => r.date)).toEqual([
      '2026-01-29',
      '2026-01-30',
    ]);
  });

  it('uses the organization’s saved configuration', async () => {
    await t.db.withIdentity(tenant.system, (c) =>
      c.query(
        `INSERT INTO health_configs (organization_id, weights, thresholds, rules) VALUES ($1, $2, $3, '[]')`,
        [
          tenant.organizationId,
          JSON.stringify({ productUsage: 20, engagement: 20, support: 20, payment: 20, growth: 20 }),
          JSON.stringify({ healthy: 95, atRisk: 50 }),
        ],
      ),
    );
    await recomputeCustomerHealth(deps(), tenant.organizationId, [techCorp.customer.id]);
    const tc = (await healthDocs()).get(techCorp.customer.id)!.doc;
    // (85 + 92 + 95 + 100 + 80) ÷ 5 = 90,4 → 90; below the saved "healthy" threshold of 95.
    expect([tc.score, tc.status, tc.breakdown.growth.weight]).toEqual([90, 'at_risk', 20]);
  });

  /** deps() whose writer runs `meanwhile` after the unlocked scoring, right before taking the lock. */
  const depsWith = (meanwhile: () => Promise<void>): HealthRecomputeDeps & { locked: () => number } => {
    let locked = 0;
    return {
      ...deps(),
      locked: () => locked,
      writer: {
        ...writer,
        async transaction(organizationId, work) {
          locked++;
          await meanwhile();
          return writer.transaction(organizationId, work);
        },
      },
    };
  };
  const saveConfig = (healthy: number) =>
    t.db.withIdentity(tenant.system, (c) =>
      c.query(
        `INSERT INTO health_configs (organization_id, weights, thresholds, rules) VALUES ($1, $2, $3, '[]')
         ON CONFLICT (organization_id) DO UPDATE SET thresholds = EXCLUDED.thresholds`,
        [
          tenant.organizationId,
          JSON.stringify({ productUsage: 20, engagement: 20, support: 20, payment: 20, growth: 20 }),
          JSON.stringify({ healthy, atRisk: 50 }),
        ],
      ),
    );

  it('scores before the lock; nothing to write takes no lock at all', async () => {
    const ids = [techCorp.customer.id, startup.customer.id];
    const first = depsWith(async () => undefined);
    expect(await recomputeCustomerHealth(first, tenant.organizationId, ids)).toMatchObject({ written: 2 });
    expect(first.locked()).toBe(1);
    const again = depsWith(async () => undefined);
    expect(await recomputeCustomerHealth(again, tenant.organizationId, ids)).toMatchObject({
      written: 0,
      unchanged: 2,
    });
    expect(again.locked()).toBe(0);
  });

  it('a configuration saved between the scoring and the lock is the one used (scored again under the lock)', async () => {
    const id = techCorp.customer.id;
    await saveConfig(80);
    // Scored with "healthy ≥ 80" (healthy), but "healthy ≥ 95" is saved before the lock: the stored health
    // must follow the saved one.
    await recomputeCustomerHealth(
      depsWith(() => saveConfig(95).then(() => undefined)),
      tenant.organizationId,
      [id],
    );
    const tc = (await healthDocs()).get(id)!.doc;
    expect([tc.score, tc.status]).toEqual([90, 'at_risk']);
  });

  it('a health document written between the scoring and the lock is scored against (not overwritten blindly)', async () => {
    const id = startup.customer.id;
    await recomputeCustomerHealth(deps(), tenant.organizationId, [id]);
    const first = (await healthDocs()).get(id)!.doc;
    now = new Date(DOCS_NOW.getTime() + 86_400_000);
    // Another recompute of the same customer commits the next day's point first; this one then writes nothing
    // new: its plan (scored against the first document) is dropped and the batch scored against the stored one.
    const other = { ...deps() };
    const summary = await recomputeCustomerHealth(
      depsWith(async () => {
        await recomputeCustomerHealth(other, tenant.organizationId, [id]);
      }),
      tenant.organizationId,
      [id],
    );
    expect(summary).toMatchObject({ written: 0, unchanged: 1 });
    const next = (await healthDocs()).get(id)!.doc;
    expect(next.serverSeq).toBeGreaterThan(first.serverSeq);
    expect(next.history.map((p) => p.date)).toEqual(['2026-01-29', '2026-01-30']);
  });

  it('a customer whose input is written between the scoring and the lock is left to its own recompute', async () => {
    const ids = [techCorp.customer.id, startup.customer.id];
    const f = docFactory();
    const summary = await recomputeCustomerHealth(
      depsWith(() =>
        storeDocs(t.db, tenant.organizationId, 'activities', now, [
          {
            ...f.activity(startup.customer.id, { type: 'note', occurredAt: now.toISOString() }),
            id: crypto.randomUUID(),
          },
        ]).then(() => undefined),
      ),
      tenant.organizationId,
      ids,
    );
    expect(summary).toMatchObject({ written: 1, deferred: 1 });
    const stored = await healthDocs();
    expect(stored.has(techCorp.customer.id)).toBe(true);
    expect(stored.has(startup.customer.id)).toBe(false);
    expect(
      published
        .filter((c) => c.collection !== 'activities')
        .flatMap((c) => c.documents.map((d) => d.customerId)),
    ).not.toContain(startup.customer.id);
  });

  it('removes the health document of a customer that was deleted', async () => {
    const id = startup.customer.id;
    await recomputeCustomerHealth(deps(), tenant.organizationId, [id]);
    await t.db.withIdentity(tenant.system, (c) =>
      c.query('UPDATE customers SET deleted = true WHERE organization_id = $1 AND id = $2', [
        tenant.organizationId,
        id,
      ]),
    );
    expect(await recomputeCustomerHealth(deps(), tenant.organizationId, [id])).toMatchObject({ removed: 1 });
    expect((await healthDocs()).get(id)?.deleted).toBe(true);
  });

  it('finds the customers whose inputs were written after the read (those are left to their own recompute)', async () => {
    const org = tenant.organizationId;
    const ids = [techCorp.customer.id, startup.customer.id];
    const mark = await t.db.withIdentity(tenant.system, (c) => inputWatermark(c, org));
    const none = await t.db.withIdentity(tenant.system, (c) => customersChangedSince(c, org, ids, mark));
    expect([...none]).toEqual([]);
    const f = docFactory();
    await storeDocs(t.db, org, 'activities', now, [
      {
        ...f.activity(startup.customer.id, { type: 'note', occurredAt: now.toISOString() }),
        id: crypto.randomUUID(),
      },
    ]);
    const changed = await t.db.withIdentity(tenant.system, (c) => customersChangedSince(c, org, ids, mark));
    expect([...changed]).toEqual([startup.customer.id]);
  });
});

describe('expansion opportunities and insights (docs/domain.md §4, §6)', () => {
  async function signalDocs(customerId: string): Promise<Signal[]> {
    const rows = await t.db.withIdentity(tenant.system, (c) =>
      readDocuments(c, 'signals', {
        where: 'organization_id = $1 AND customer_id = $2 AND NOT deleted',
        params: [tenant.organizationId, customerId],
      }),
    );
    return rows.map((r) => r.doc);
  }
  const conditions = (list: readonly Signal[]) => list.map(signalCondition).sort();

  it('adds each detected condition once, and the stored health counts the new opportunity', async () => {
    // TechCorp without its lost SEO cross-sell: the rule detects it from the notes again (R$ 2.500).
    const id = techCorp.customer.id;
    const seo = techCorp.signals.find((x) => x.title.code === 'expansion.crossSellTitle')!;
    await t.db.withIdentity(tenant.system, (c) =>
      c.query('UPDATE signals SET deleted = true WHERE organization_id = $1 AND id = $2', [
        tenant.organizationId,
        seo.id,
      ]),
    );
    const before = await signalDocs(id);
    const first = await recomputeCustomerHealth(deps(), tenant.organizationId, [id]);
    expect(first).toMatchObject({ written: 1, signals: 2 });
    const after = await signalDocs(id);
    const added = after.filter((x) => !before.some((b) => b.id === x.id));
    expect(added.map((x) => [x.kind, x.subtype, x.status, x.title, x.estimatedValueCents]).sort()).toEqual([
      [
        'expansion',
        'cross_sell',
        'identified',
        { code: 'expansion.crossSellTitle', params: { need: 'SEO' } },
        250_000,
      ],
      ['insight', 'advocacy', 'new', { code: 'insight.advocacyTitle', params: {} }, null],
    ]);
    // The health stored is the rule's over the documents with the new signals: R$ 3.310 open → upsell 100.
    const stored = (await healthDocs()).get(id)!.doc;
    const { id: _id, updatedAt: _at, serverSeq: _seq, clientUpdatedAt: _client, ...fields } = stored;
    expect(fields).toEqual(pureRule({ ...techCorp, signals: after }, now));
    expect(fields.breakdown.growth.score).toBe(100);

    // Again, later: nothing new (same conditions, same ids), nothing written.
    now = new Date(DOCS_NOW.getTime() + 3_600_000);
    expect(await recomputeCustomerHealth(deps(), tenant.organizationId, [id])).toMatchObject({
      written: 0,
      signals: 0,
    });
    expect(conditions(await signalDocs(id))).toEqual(conditions(after));
  });

  it('never reopens a condition a CSM closed: a dismissed insight, a lost opportunity', async () => {
    const id = techCorp.customer.id;
    await recomputeCustomerHealth(deps(), tenant.organizationId, [id]);
    const advocacy = (await signalDocs(id)).find((x) => x.subtype === 'advocacy')!;
    const dismissed: Signal = {
      ...advocacy,
      status: 'dismissed',
      dismissReason: 'false_positive',
      resolvedAt: now.toISOString(),
      resolvedBy: tenant.csm.userId!,
    };
    await storeDocs(t.db, tenant.organizationId, 'signals', now, [dismissed]);
    now = new Date(DOCS_NOW.getTime() + 86_400_000);
    const summary = await recomputeCustomerHealth(deps(), tenant.organizationId, [id]);
    expect(summary.signals).toBe(0);
    const list = await signalDocs(id);
    expect(list.filter((x) => x.subtype === 'advocacy').map((x) => x.status)).toEqual(['dismissed']);
    // The fixture's lost SEO cross-sell (the notes mention SEO) stays lost and is not detected anew.
    expect(
      list.filter((x) => x.title.code === 'expansion.crossSellTitle').map((x) => [x.status, x.title.params]),
    ).toEqual([['lost', { need: 'SEO' }]]);
  });
});

describe('risk alerts (docs/domain.md §6)', () => {
  async function riskAlerts(customerId: string): Promise<Signal[]> {
    const rows = await t.db.withIdentity(tenant.system, (c) =>
      readDocuments(c, 'signals', {
        where: "organization_id = $1 AND customer_id = $2 AND NOT deleted AND kind = 'risk_alert'",
        params: [tenant.organizationId, customerId],
      }),
    );
    return rows.map((r) => r.doc);
  }

  it('a customer whose data turns it critical gets one open alert with its factors; once; never reopened', async () => {
    const id = techCorp.customer.id;
    // TechCorp is healthy; the fixture's stray open alert is removed so the customer starts without any.
    await t.db.withIdentity(tenant.system, (c) =>
      c.query(
        `UPDATE signals SET deleted = true WHERE organization_id = $1 AND customer_id = $2 AND kind = 'risk_alert'`,
        [tenant.organizationId, id],
      ),
    );
    expect(await recomputeCustomerHealth(deps(), tenant.organizationId, [id])).toMatchObject({
      riskAlerts: 0,
    });
    expect(await riskAlerts(id)).toEqual([]);

    // Its data changes: nobody logged in for 30 days (−30), 10 of 100 seats used (−20), the primary contact left
    // (−11): risk score 39, critical.
    now = new Date(DOCS_NOW.getTime() + 3_600_000);
    const customer = {
      ...techCorp.customer,
      lastLoginAt: new Date(DOCS_NOW.getTime() - 30 * 86_400_000).toISOString(),
      activeUsers: 10,
      contacts: techCorp.customer.contacts.map((c) =>
        c.isPrimary ? { ...c, leftCompanyAt: '2026-01-10T12:00:00.000Z' } : c,
      ),
    };
    await storeDocs(t.db, tenant.organizationId, 'customers', now, [customer]);
    published.length = 0;
    const turned = await recomputeCustomerHealth(deps(), tenant.organizationId, [id]);
    expect(turned).toMatchObject({ written: 1, riskAlerts: 1 });
    const health = (await healthDocs()).get(id)!.doc;
    expect([health.riskLevel, health.riskScore, health.atRiskSince]).toEqual(['critical', 39, '2026-01-29']);
    const [alert, ...others] = await riskAlerts(id);
    expect(others).toEqual([]);
    expect(alert).toMatchObject({
      id: riskAlertId(id, '2026-01-29', 'critical'),
      subtype: 'critical',
      status: 'open',
      riskScore: 39,
      mrrAtRiskCents: customer.mrrCents,
      probability: health.churnProbability,
      recommendation: recommend(health).recommendation,
      createdAt: now.toISOString(),
    });
    expect(alert!.riskFactors.map((f) => [f.type, f.impact])).toEqual([
      ['no_login', -30],
      ['low_capacity_usage', -20],
      ['main_contact_left', -11],
    ]);
    expect(alert!.riskFactors).toEqual(health.riskFactors);
    // Written with the health, in the same transaction: the devices (and the notification triggers) get it.
    expect(published.map((c) => c.collection)).toEqual(['signals', 'health']);

    // Again, later: nothing new.
    now = new Date(DOCS_NOW.getTime() + 2 * 3_600_000);
    expect(await recomputeCustomerHealth(deps(), tenant.organizationId, [id])).toMatchObject({
      riskAlerts: 0,
    });
    expect((await riskAlerts(id)).map((a) => a.id)).toEqual([alert!.id]);

    // An admin dismisses it: the next days' recomputes do not reopen it nor add another for this episode.
    await storeDocs(t.db, tenant.organizationId, 'signals', now, [
      {
        ...alert!,
        status: 'dismissed',
        dismissReason: 'false_positive',
        resolvedAt: now.toISOString(),
        resolvedBy: tenant.admin.userId!,
        acknowledgedAt: now.toISOString(),
      },
    ]);
    now = new Date(DOCS_NOW.getTime() + 86_400_000);
    expect(await recomputeCustomerHealth(deps(), tenant.organizationId, [id])).toMatchObject({
      riskAlerts: 0,
    });
    expect((await riskAlerts(id)).map((a) => [a.id, a.status])).toEqual([[alert!.id, 'dismissed']]);
  });
});

describe('the coalesced recompute (recomputeChangedHealth: once per burst, per organization)', () => {
  const org = () => tenant.organizationId;
  const sorted = (ids: readonly string[]) => [...ids].sort();
  const liveCustomers = async () =>
    (
      await t.db.withIdentity(tenant.system, (c) =>
        c.query<{ id: string }>('SELECT id FROM customers WHERE organization_id = $1 AND NOT deleted', [
          org(),
        ]),
      )
    ).rows.map((r) => r.id);

  it('scores every customer with an input written since its last run in one pass, then moves on', async () => {
    // Everything stored so far (4 customers, written outside any change feed) came after the mark (0).
    const all = await liveCustomers();
    expect(all.length).toBe(4);
    const first = await recomputeChangedHealth(deps(), org(), { batchSize: 3 });
    expect(sorted(first.customerIds)).toEqual(sorted(all));
    expect(first.summary).toMatchObject({ customers: 4, deferred: 0 });
    expect(sorted([...(await healthDocs()).keys()])).toEqual(sorted(all));
    // Its own signal writes (an insight, a risk alert) are inputs: the next run rescores those two, unchanged.
    const second = await recomputeChangedHealth(deps(), org());
    expect(sorted(second.customerIds)).toEqual(sorted([techCorp.customer.id, startup.customer.id]));
    expect(second.summary).toMatchObject({ written: 0, signals: 0, riskAlerts: 0 });
    // Nothing written since: nothing to score.
    expect(await recomputeChangedHealth(deps(), org())).toEqual({
      summary: expect.objectContaining({ customers: 0 }),
      customerIds: [],
    });
  });

  it('a burst of separate writes is scored in one run: every customer it touched, deletions included', async () => {
    await recomputeChangedHealth(deps(), org());
    await recomputeChangedHealth(deps(), org());
    published.length = 0;
    const before = await healthDocs();
    // Four separate commits, as four push batches would be: notes, an activity, a new NPS, a deletion.
    await storeDocs(t.db, org(), 'customers', now, [{ ...techCorp.customer, notes: 'burst 1' }]);
    const nps = {
      ...techCorp.activities[0]!,
      id: uuidv7(),
      type: 'nps_response' as const,
      occurredAt: new Date(now.getTime() - 86_400_000).toISOString(),
      metadata: { npsScore: 2 },
    };
    await storeDocs(t.db, org(), 'activities', now, [nps]);
    const tenantCustomer = await t.db.withIdentity(tenant.system, (c) =>
      readDocuments(c, 'customers', {
        where: 'organization_id = $1 AND id = $2',
        params: [org(), tenant.customerId],
      }),
    );
    await storeDocs(t.db, org(), 'customers', now, [{ ...tenantCustomer[0]!.doc, notes: 'burst 3' }]);
    await writer.transaction(org(), (tx) => tx.write('customers', [startup.customer], { deleted: true }));

    const run = await recomputeChangedHealth(deps(), org());
    expect(sorted(run.customerIds)).toEqual(
      sorted([techCorp.customer.id, tenant.customerId, startup.customer.id]),
    );
    expect(run.summary).toMatchObject({ customers: 3, removed: 1 });
    const after = await healthDocs();
    expect(after.get(startup.customer.id)?.deleted).toBe(true);
    // TechCorp's detractor NPS is in its stored health: rescored, not left stale.
    expect(after.get(techCorp.customer.id)!.doc.score).toBeLessThan(
      before.get(techCorp.customer.id)!.doc.score,
    );
    expect((await recomputeChangedHealth(deps(), org())).customerIds).not.toContain(tenant.customerId);
  });
});

describe('the nightly recompute', () => {
  const jobs = (sent: unknown[]): JobSender => ({
    send: async () => 'unused',
    sendDeduplicated: async (job, payload, key) => {
      sent.push({ job: job.name, payload, key });
      return 'id';
    },
  });
  const ctx = (sent: unknown[] = []) => ({
    db: t.db,
    auth: new MemoryAuthStore(),
    accounts: new MemoryAccountStore(),
    clock: () => now,
    logger: createLogger({ level: 'silent' }),
    config: testConfig(),
    writer,
    jobs: jobs(sent),
    jobId: 'job-1',
  });

  it('covers every live customer of the organization, in batches', async () => {
    await runJob(recomputeAllHealthJob, { organizationId: tenant.organizationId }, ctx());
    const { rows } = await t.db.withIdentity(tenant.system, (c) =>
      c.query<{ id: string }>('SELECT id FROM customers WHERE organization_id = $1 AND NOT deleted', [
        tenant.organizationId,
      ]),
    );
    const stored = await healthDocs();
    expect(rows.length).toBe(4); // the tenant's two customers and the two stored here
    expect(new Set(stored.keys())).toEqual(new Set(rows.map((r) => r.id)));
    expect((await historyRows()).length).toBe(4);

    // Batches of one reach the same customers and, nothing having changed, write nothing.
    const batches: number[] = [];
    const total = await recomputeOrganizationHealth(deps(), tenant.organizationId, {
      batchSize: 1,
      onBatch: (s) => batches.push(s.customers),
    });
    expect(batches).toEqual([1, 1, 1, 1]);
    expect(total).toMatchObject({ customers: 4, unchanged: 4, written: 0 });
  });

  it('scheduled hourly, it starts the organizations whose local time is 03:xx, once each', async () => {
    const other = await createTestTenant(t.db, { now });
    await t.db.privileged((c) =>
      c.query(`UPDATE organizations SET time_zone = 'Asia/Tokyo' WHERE id = $1`, [other.organizationId]),
    );
    const at = async (iso: string) => {
      const sent: { payload: unknown; key: string }[] = [];
      now = new Date(iso);
      await runJob(recomputeAllHealthJob, {}, ctx(sent));
      return sent.map((s) => s.key);
    };
    // 06:07 UTC = 03:07 in São Paulo (15:07 in Tokyo); 18:07 UTC = 03:07 in Tokyo.
    expect(await at('2026-01-29T06:07:00Z')).toEqual([tenant.organizationId]);
    expect(await at('2026-01-29T18:07:00Z')).toEqual([other.organizationId]);
    expect(await at('2026-01-29T07:07:00Z')).toEqual([]);
  });
});
