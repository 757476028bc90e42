import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_HEALTH_CONFIG } from '../../shared/domain/csm/health-config.ts';
import { DEFAULT_PLAYBOOKS } from '../../shared/domain/csm/playbooks.ts';
import { DEFAULT_LEAD_SCORING } from '../../shared/domain/portal/lead-score.ts';
import { deviceSettingsSchema } from '../../shared/device-settings.ts';
import { createApp } from '../app.ts';
import { hashPassword } from '../auth/passwords.ts';
import { PgAuthStore } from '../auth/pg-store.ts';
import { testConfig } from '../config.ts';
import { createTestDatabase, createTestTenant, type TestDatabase, type TestTenant } from '../db/testing.ts';
import { directoryRoutes } from '../directory/routes.ts';
import type { AppEnv } from '../http/context.ts';
import { createLogger } from '../logger.ts';
import { settingsRoutes } from './routes.ts';
import { computeHealth } from '../../shared/domain/csm/health-score.ts';
import { TECHCORP } from '../../shared/domain/csm/seed-fixtures.ts';
import type { Health } from '../../shared/entities/csm.ts';
import { createMemoryChangeFeed } from '../../sync/server/memory-feed.ts';
import type { Change } from '../../sync/server/store.ts';
import { nextServerFields, readDocuments, writeDocument } from '../db/index.ts';
import { createServerWriter } from '../sync/server-writes.ts';
import { signedInCookie } from '../http/testing.ts';

const PASSWORD = 'senha-de-teste-123';
const ORIGIN = 'http://localhost:3000';

let t: TestDatabase;
let tenant: TestTenant;
let other: TestTenant;
let app: Hono<AppEnv>;
const emails = new Map<string, string>();
const published: Change[] = [];
const NOW = new Date('2026-11-21T12:00:00.000Z');

/** TechCorp's seed health (85/92/95/100/80 → 91, healthy) as a stored document of `customerId`. */
function techCorpHealth(id: string, customerId: string): Health {
  const h = computeHealth(TECHCORP);
  return {
    id,
    customerId,
    updatedAt: NOW.toISOString(),
    serverSeq: 0,
    clientUpdatedAt: NOW.toISOString(),
    score: h.score!,
    status: h.status!,
    breakdown: h.breakdown,
    missingDimensions: h.missingDimensions,
    trend: 3,
    history: [],
    riskScore: 0,
    riskLevel: 'none',
    riskFactors: [],
    atRiskSince: null,
    churnProbability: 4,
    predictedChurnDate: null,
    churnFactors: [],
    computedAt: NOW.toISOString(),
  };
}

beforeAll(async () => {
  t = await createTestDatabase();
  tenant = await createTestTenant(t.db, { name: 'Arco Digital' });
  other = await createTestTenant(t.db, { name: 'Outra Agência' });
  const hash = await hashPassword(PASSWORD);
  await t.db.privileged(async (c) => {
    const { rows } = await c.query<{ id: string; email: string }>(
      'UPDATE users SET password_hash = $1 WHERE organization_id = ANY($2) RETURNING id, email',
      [hash, [tenant.organizationId, other.organizationId]],
    );
    for (const row of rows) emails.set(row.id, row.email);
  });
  for (const [org, customerId] of [
    [tenant, tenant.customerId],
    [other, other.customerId],
  ] as const) {
    await t.db.withIdentity(org.system, async (c) =>
      writeDocument(
        c,
        { organizationId: org.organizationId },
        'health',
        techCorpHealth(crypto.randomUUID(), customerId),
        await nextServerFields(c, org.organizationId, NOW),
      ),
    );
  }
  const feed = createMemoryChangeFeed(() => undefined);
  feed.subscribe((change) => {
    if (change !== 'RESYNC') published.push(change);
  });
  const writer = createServerWriter({ db: t.db, feed, clock: () => NOW });
  app = createApp({
    config: testConfig({ publicOrigin: ORIGIN }),
    logger: createLogger({ level: 'silent' }),
    auth: new PgAuthStore(t.db),
    health: { check: async () => undefined },
    apiRoutes: { settings: settingsRoutes({ db: t.db, writer }), directory: directoryRoutes(t.db) },
  });
}, 120_000);
afterAll(async () => {
  await t?.close();
});

/** Signs in through the real auth routes and returns a request function carrying the session cookie. */
async function as(userId: string | null | undefined) {
  const cookie = await signedInCookie(app, {
    email: emails.get(userId ?? ''),
    password: PASSWORD,
    origin: ORIGIN,
  });
  return (path: string, init: { method?: string; body?: unknown; contentType?: string } = {}) =>
    app.request(`/api${path}`, {
      method: init.method ?? 'GET',
      headers: {
        cookie,
        origin: ORIGIN,
        ...(init.body === undefined ? {} : { 'content-type': init.contentType ?? 'application/json' }),
      },
      ...(init.body === undefined
        ? {}
        : { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) }),
    });
}

const validHealth = {
  weights: { productUsage: 35, engagement: 25, support: 15, payment: 15, growth: 10 },
  thresholds: { healthy: 75, atRisk: 45 },
  rules: [],
};

describe('GET /api/settings', () => {
  it("gives staff their organization, their profile and the organization's health configuration", async () => {
    const res = await (await as(tenant.csm.userId))('/settings');
    expect(res.status).toBe(200);
    const body = deviceSettingsSchema.parse(await res.json());
    expect(body.organization).toMatchObject({
      id: tenant.organizationId,
      name: 'Arco Digital',
      timeZone: 'America/Sao_Paulo',
      currency: 'BRL',
    });
    expect(body.profile).toMatchObject({
      id: tenant.csm.userId,
      role: 'csm',
      customerId: null,
      locale: 'pt-BR',
    });
    // createTestTenant inserts no health_configs row: the seed's defaults apply.
    expect(body.health).toEqual({ ...DEFAULT_HEALTH_CONFIG, updatedAt: null });
  });

  it('gives a client user no health configuration (staff-only)', async () => {
    const body = deviceSettingsSchema.parse(
      await (await (await as(tenant.client.userId))('/settings')).json(),
    );
    expect(body.health).toBeNull();
    expect(body.profile).toMatchObject({ role: 'client', customerId: tenant.customerId });
  });

  it('refuses an anonymous request', async () => {
    const res = await app.request('/api/settings');
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: 'unauthorized' } });
  });
});

describe('PATCH /api/settings/profile', () => {
  it("changes the caller's own language, time zone, phone and title, and the account manager card sees the phone", async () => {
    const csm = await as(tenant.csm.userId);
    const res = await csm('/settings/profile', {
      method: 'PATCH',
      body: { locale: 'en', timeZone: 'America/Manaus', phone: '(11) 99999-9999', jobTitle: 'CSM Sênior' },
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { profile: unknown }).profile).toMatchObject({
      id: tenant.csm.userId,
      locale: 'en',
      timeZone: 'America/Manaus',
      phone: '(11) 99999-9999',
      jobTitle: 'CSM Sênior',
    });
    // The client whose CSM this is now gets the phone with their account manager.
    const client = await as(tenant.client.userId);
    const manager = (await (await client('/directory')).json()) as {
      accountManager: { phone: string | null; jobTitle: string | null };
    };
    expect(manager.accountManager).toMatchObject({ phone: '(11) 99999-9999', jobTitle: 'CSM Sênior' });
  });

  it('answers bad input with 422 and per-field messages, and changes nothing', async () => {
    const admin = await as(tenant.admin.userId);
    const before = await (await admin('/settings')).json();
    for (const body of [
      { timeZone: 'Mars/Olympus' },
      { locale: 'fr' },
      { phone: 'call me' },
      { name: '   ' },
      {},
      // Role and e-mail are not the user's to change: unknown keys are refused, not ignored.
      { role: 'admin' },
      { email: 'x@y.z' },
      // One bad field fails the whole update: the good one is not applied either.
      { name: 'Novo Nome', timeZone: 'Nowhere' },
    ]) {
      const res = await admin('/settings/profile', { method: 'PATCH', body });
      expect(res.status, JSON.stringify(body)).toBe(422);
      const error = ((await res.json()) as { error: { code: string; details: { issues: unknown[] } } }).error;
      expect(error.code).toBe('validation_failed');
      expect(error.details.issues.length).toBeGreaterThan(0);
    }
    expect((await admin('/settings/profile', { method: 'PATCH', body: '{nope' })).status).toBe(400);
    expect(
      (await admin('/settings/profile', { method: 'PATCH', body: 'name=x', contentType: 'text/plain' }))
        .status,
    ).toBe(415);
    expect(await (await admin('/settings')).json()).toEqual(before);
  });

  it('lets a client user edit their own profile', async () => {
    const res = await (
      await as(tenant.otherClient.userId)
    )('/settings/profile', {
      method: 'PATCH',
      body: { name: 'Carla S. Souza', phone: null },
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { profile: unknown }).profile).toMatchObject({
      name: 'Carla S. Souza',
      phone: null,
    });
  });
});

describe('PUT /api/settings/health', () => {
  it('lets an admin replace the configuration, records it in the audit log, and staff devices read it', async () => {
    const admin = await as(tenant.admin.userId);
    const res = await admin('/settings/health', { method: 'PUT', body: validHealth });
    expect(res.status).toBe(200);
    const { health, reweighed } = (await res.json()) as { health: { updatedAt: string }; reweighed: number };
    expect(health).toMatchObject(validHealth);
    expect(reweighed).toBe(1);
    expect(Date.parse(health.updatedAt)).not.toBeNaN();

    const seen = deviceSettingsSchema.parse(await (await (await as(tenant.csm.userId))('/settings')).json());
    expect(seen.health).toEqual({ ...validHealth, updatedAt: health.updatedAt });
    // The other organization keeps its own (default) configuration.
    const elsewhere = deviceSettingsSchema.parse(
      await (await (await as(other.csm.userId))('/settings')).json(),
    );
    expect(elsewhere.health).toEqual({ ...DEFAULT_HEALTH_CONFIG, updatedAt: null });

    const { rows } = await t.db.withIdentity(tenant.admin, (c) =>
      c.query<{ actor_id: string; entity: string }>(
        "SELECT actor_id, entity FROM audit_log WHERE entity = 'health_config'",
      ),
    );
    expect(rows).toEqual([{ actor_id: tenant.admin.userId, entity: 'health_config' }]);
  });

  it('refuses a CSM and a client with 403 whatever the body', async () => {
    for (const userId of [tenant.csm.userId, tenant.client.userId]) {
      const res = await (await as(userId))('/settings/health', { method: 'PUT', body: validHealth });
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ error: { code: 'forbidden' } });
    }
  });

  it('explains invalid weights and thresholds (422) and keeps the saved configuration', async () => {
    const admin = await as(tenant.admin.userId);
    const before = deviceSettingsSchema.parse(await (await admin('/settings')).json()).health;
    const cases: [unknown, string][] = [
      [
        { ...validHealth, weights: { ...validHealth.weights, growth: 20 } },
        'weights must sum to 100 (got 110)',
      ],
      [
        { ...validHealth, thresholds: { healthy: 40, atRisk: 60 } },
        'thresholds.healthy must be greater than thresholds.atRisk',
      ],
    ];
    for (const [body, message] of cases) {
      const res = await admin('/settings/health', { method: 'PUT', body });
      expect(res.status).toBe(422);
      expect(JSON.stringify(await res.json())).toContain(message);
    }
    expect(deviceSettingsSchema.parse(await (await admin('/settings')).json()).health).toEqual(before);
  });
});

describe('saving a health configuration reweighs the stored scores', () => {
  const healthOf = async (org: TestTenant) =>
    t.db.withIdentity(org.system, async (c) =>
      (await readDocuments(c, 'health', { where: 'organization_id = $1', params: [org.organizationId] })).map(
        (d) => d.doc,
      ),
    );

  it("rewrites the organization's health documents with new seqs, publishes them, and leaves other tenants alone", async () => {
    const admin = await as(tenant.admin.userId);
    const [before] = await healthOf(tenant);
    const [otherBefore] = await healthOf(other);
    published.length = 0;
    // Equal weights: TechCorp's 85/92/95/100/80 → 90.4 → 90; a healthy bar of 91 makes it "at risk".
    const config = {
      weights: { productUsage: 20, engagement: 20, support: 20, payment: 20, growth: 20 },
      thresholds: { healthy: 91, atRisk: 50 },
      rules: [],
    };
    const res = await admin('/settings/health', { method: 'PUT', body: config });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { reweighed: number }).reweighed).toBe(1);

    const [after] = await healthOf(tenant);
    expect(after).toMatchObject({
      score: 90,
      status: 'at_risk',
      trend: before!.trend! + (90 - before!.score),
    });
    expect(after!.breakdown.productUsage).toMatchObject({ weight: 20, effectiveWeight: 20 });
    expect(after!.serverSeq).toBeGreaterThan(before!.serverSeq);
    expect(published).toHaveLength(1);
    expect(published[0]).toMatchObject({ organizationId: tenant.organizationId, collection: 'health' });
    expect(published[0]!.documents).toEqual([
      expect.objectContaining({ id: after!.id, score: 90, _deleted: false }),
    ]);
    expect(published[0]!.checkpoint).toEqual({ seq: after!.serverSeq });
    expect(await healthOf(other)).toEqual([otherBefore]);

    // Saving the same configuration again writes nothing: the stored result already has it.
    published.length = 0;
    const again = await admin('/settings/health', { method: 'PUT', body: config });
    expect(((await again.json()) as { reweighed: number }).reweighed).toBe(0);
    expect(published).toEqual([]);
    expect((await healthOf(tenant))[0]!.serverSeq).toBe(after!.serverSeq);
  });
});

describe('playbooks (GET /api/settings, PUT /api/settings/playbooks)', () => {
  const edited = [
    {
      ...DEFAULT_PLAYBOOKS[0]!,
      tasks: [{ id: 'ligacao', title: 'Ligar em 4 h', description: null, dueInHours: 4 }],
    },
  ];

  it('staff get the defaults until an admin saves; a client gets none', async () => {
    const seen = deviceSettingsSchema.parse(await (await (await as(other.csm.userId))('/settings')).json());
    expect(seen.playbooks).toEqual({ playbooks: DEFAULT_PLAYBOOKS, updatedAt: null });
    const client = deviceSettingsSchema.parse(
      await (await (await as(other.client.userId))('/settings')).json(),
    );
    expect(client.playbooks).toBeNull();
  });

  it('an admin replaces them (audited); staff devices of that organization only read the new list', async () => {
    const res = await (await as(tenant.admin.userId))('/settings/playbooks', { method: 'PUT', body: edited });
    expect(res.status).toBe(200);
    const { playbooks } = (await res.json()) as { playbooks: { playbooks: unknown; updatedAt: string } };
    expect(playbooks.playbooks).toEqual(edited);
    const seen = deviceSettingsSchema.parse(await (await (await as(tenant.csm.userId))('/settings')).json());
    expect(seen.playbooks).toEqual({ playbooks: edited, updatedAt: playbooks.updatedAt });
    const elsewhere = deviceSettingsSchema.parse(
      await (await (await as(other.csm.userId))('/settings')).json(),
    );
    expect(elsewhere.playbooks?.playbooks).toEqual(DEFAULT_PLAYBOOKS);
    const { rows } = await t.db.withIdentity(tenant.admin, (c) =>
      c.query<{ entity: string }>("SELECT entity FROM audit_log WHERE entity = 'playbooks'"),
    );
    expect(rows).toHaveLength(1);
  });

  it('refuses a CSM (403) and an invalid list (422)', async () => {
    const csm = await (await as(tenant.csm.userId))('/settings/playbooks', { method: 'PUT', body: edited });
    expect(csm.status).toBe(403);
    const invalid = await (
      await as(tenant.admin.userId)
    )('/settings/playbooks', {
      method: 'PUT',
      body: [{ ...edited[0], tasks: [] }],
    });
    expect(invalid.status).toBe(422);
  });
});

describe('lead scoring rules (GET /api/settings, PUT /api/settings/lead-scoring)', () => {
  const edited = {
    ...DEFAULT_LEAD_SCORING,
    maxPoints: { engagement: 40, budgetFit: 20, timeline: 25, authority: 15 },
    bands: { high: 75, medium: 40 },
  };

  it('every role gets the defaults until an admin saves (the client scores its own leads with them)', async () => {
    for (const who of [other.csm.userId, other.client.userId]) {
      const seen = deviceSettingsSchema.parse(await (await (await as(who))('/settings')).json());
      expect(seen.leadScoring).toEqual({ config: DEFAULT_LEAD_SCORING, updatedAt: null });
    }
  });

  it("an admin replaces them (audited); that organization's client devices read them, others keep the defaults", async () => {
    const res = await (
      await as(tenant.admin.userId)
    )('/settings/lead-scoring', { method: 'PUT', body: edited });
    expect(res.status).toBe(200);
    const { leadScoring } = (await res.json()) as { leadScoring: { config: unknown; updatedAt: string } };
    expect(leadScoring.config).toEqual(edited);
    const client = deviceSettingsSchema.parse(
      await (await (await as(tenant.client.userId))('/settings')).json(),
    );
    expect(client.leadScoring).toEqual({ config: edited, updatedAt: leadScoring.updatedAt });
    const elsewhere = deviceSettingsSchema.parse(
      await (await (await as(other.client.userId))('/settings')).json(),
    );
    expect(elsewhere.leadScoring?.config).toEqual(DEFAULT_LEAD_SCORING);
    const { rows } = await t.db.withIdentity(tenant.admin, (c) =>
      c.query<{ entity: string }>("SELECT entity FROM audit_log WHERE entity = 'lead_scoring'"),
    );
    expect(rows).toHaveLength(1);
  });

  it('refuses a CSM and a client (403) and invalid weights or thresholds (422), keeping the saved rules', async () => {
    for (const who of [tenant.csm.userId, tenant.client.userId]) {
      const res = await (await as(who))('/settings/lead-scoring', { method: 'PUT', body: edited });
      expect(res.status).toBe(403);
    }
    const admin = await as(tenant.admin.userId);
    const wrongSum = await admin('/settings/lead-scoring', {
      method: 'PUT',
      body: { ...edited, maxPoints: { ...edited.maxPoints, engagement: 50 } },
    });
    expect(wrongSum.status).toBe(422);
    const bands = await admin('/settings/lead-scoring', {
      method: 'PUT',
      body: { ...edited, bands: { high: 40, medium: 60 } },
    });
    expect(bands.status).toBe(422);
    const seen = deviceSettingsSchema.parse(await (await admin('/settings')).json());
    expect(seen.leadScoring?.config).toEqual(edited);
  });
});
