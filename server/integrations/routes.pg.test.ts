import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import type { Hono } from 'hono';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { COLLECTION_NAMES } from '../../shared/collections/index.ts';
import {
  connectionsResponseSchema,
  integrationRunSchema,
} from '../../shared/domain/integrations/connections.ts';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../sync/protocol.ts';
import { createMemoryChangeFeed } from '../../sync/server/memory-feed.ts';
import type { Change } from '../../sync/server/store.ts';
import { createApp } from '../app.ts';
import { hashPassword } from '../auth/passwords.ts';
import { PgAuthStore } from '../auth/pg-store.ts';
import { testConfig } from '../config.ts';
import { readDocuments } from '../db/index.ts';
import { createTestDatabase, createTestTenant, type TestDatabase, type TestTenant } from '../db/testing.ts';
import type { AppEnv } from '../http/context.ts';
import { createLogger } from '../logger.ts';
import { deliverEvents } from '../notifications/deliver.ts';
import { createServerWriter } from '../sync/server-writes.ts';
import { createSyncApp } from '../sync/sync-app.ts';
import { createGa4Fake, ga4FakeDay } from './fakes/ga4-fake.ts';
import { createGa4Adapter, GA4_DEFAULT_BASE_URL } from './ga4.ts';
import { createGoogleAdsFake } from './fakes/google-ads-fake.ts';
import { createGoogleOAuthFake } from './fakes/google-oauth-fake.ts';
import { createMetaFake } from './fakes/meta-fake.ts';
import { createGoogleAdsAdapter, GOOGLE_ADS_DEFAULT_BASE_URL } from './google-ads.ts';
import { createMetaAdsAdapter, META_DEFAULT_BASE_URL } from './meta-ads.ts';
import { GOOGLE_OAUTH_DEFAULT_BASE_URL } from './oauth.ts';
import { integrationsRoutes } from './routes.ts';
import type { IntegrationDeps } from './run-import.ts';
import { createSecretBox } from './secret-box.ts';
import { fakeFetch } from './setup.ts';
import { signedInCookie } from '../http/testing.ts';

/**
 * Integrations on PostgreSQL through `app.request()`: staff connect GA4 for a customer (the token sealed), run
 * the import against the local fake (metrics upserted through the server-write path, a second run writes
 * nothing), the run is recorded; a source that keeps failing alerts staff once; the token never shows in logs,
 * API responses, device pulls or the table; clients are refused.
 */
const PASSWORD = 'senha-de-teste-123';
const ORIGIN = 'http://localhost:3000';
const NOW = new Date('2026-03-10T12:00:00.000Z');
const SECRET = `ya29.${randomBytes(12).toString('hex')}-secret`;
const BAD_SECRET = `ya29.invalid-${randomBytes(12).toString('hex')}`;
const REFRESH_SECRET = `1//${randomBytes(12).toString('hex')}-refresh`;
const REVOKED_REFRESH_SECRET = `1//invalid-${randomBytes(12).toString('hex')}`;
const CLIENT_SECRET = `GOCSPX-${randomBytes(12).toString('hex')}`;
const CLIENT_ID = '1234-journey.apps.googleusercontent.com';

let t: TestDatabase;
let tenant: TestTenant;
let app: Hono<AppEnv>;
const emails = new Map<string, string>();
const published: Change[] = [];
const logs: string[] = [];
const seen: string[] = [];
const sleeps: number[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  tenant = await createTestTenant(t.db, { name: 'Arco Digital' });
  const hash = await hashPassword(PASSWORD);
  await t.db.privileged(async (c) => {
    const { rows } = await c.query<{ id: string; email: string }>(
      'UPDATE users SET password_hash = $1 WHERE organization_id = $2 RETURNING id, email',
      [hash, tenant.organizationId],
    );
    for (const row of rows) emails.set(row.id, row.email);
  });
  const feed = createMemoryChangeFeed(() => undefined);
  feed.subscribe((change) => {
    if (change !== 'RESYNC') published.push(change);
  });
  const logger = createLogger(
    { level: 'trace' },
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        logs.push(chunk.toString('utf8'));
        done();
      },
    }),
  );
  const clock = () => NOW;
  const writer = createServerWriter({ db: t.db, feed, clock });
  const integrations: IntegrationDeps = {
    db: t.db,
    writer,
    clock,
    logger,
    box: createSecretBox(randomBytes(32)),
    adapters: {
      ga4: createGa4Adapter({ baseUrl: GA4_DEFAULT_BASE_URL, pageSize: 10 }),
      google_ads: createGoogleAdsAdapter({ baseUrl: GOOGLE_ADS_DEFAULT_BASE_URL }),
      meta_ads: createMetaAdsAdapter({ baseUrl: META_DEFAULT_BASE_URL }),
    },
    fetch: fakeFetch(
      [
        { baseUrl: GA4_DEFAULT_BASE_URL, app: createGa4Fake() },
        { baseUrl: GOOGLE_ADS_DEFAULT_BASE_URL, app: createGoogleAdsFake() },
        { baseUrl: META_DEFAULT_BASE_URL, app: createMetaFake() },
        { baseUrl: GOOGLE_OAUTH_DEFAULT_BASE_URL, app: createGoogleOAuthFake() },
      ],
      () => {
        throw new Error('no network in tests');
      },
    ),
    oauthBaseUrl: GOOGLE_OAUTH_DEFAULT_BASE_URL,
    sleep: async (ms) => void sleeps.push(ms),
    newId: uuidv7,
    random: () => 0.5,
    retry: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 1000 },
    alert: (organizationId, events) =>
      deliverEvents({ db: t.db, writer, clock, push: null, logger }, organizationId, events),
  };
  app = createApp({
    config: testConfig({ publicOrigin: ORIGIN }),
    logger,
    auth: new PgAuthStore(t.db),
    health: { check: async () => undefined },
    clock: { now: clock },
    apiRoutes: {
      integrations: integrationsRoutes(integrations),
      sync: createSyncApp({ db: t.db, feed, clock }),
    },
  });
}, 120_000);
afterAll(async () => {
  await t?.close();
});
beforeEach(() => {
  published.length = 0;
});

async function as(userId: string) {
  const cookie = await signedInCookie(app, {
    email: emails.get(userId),
    password: PASSWORD,
    origin: ORIGIN,
  });
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await app.request(path, {
      method,
      headers: {
        cookie,
        origin: ORIGIN,
        'content-type': 'application/json',
        [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    seen.push(text);
    return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : null, text };
  };
  return call;
}

/** The run answer's connections, without its `run`. */
const listOf = (body: Record<string, unknown> | null) => {
  const { run: _run, ...rest } = body ?? {};
  return connectionsResponseSchema.parse(rest);
};

const base = () => `/api/integrations/customers/${tenant.customerId}`;

const storedMetrics = () =>
  t.db.withIdentity(tenant.system, (c) =>
    readDocuments(c, 'metrics', {
      where: 'organization_id = $1 AND customer_id = $2',
      params: [tenant.organizationId, tenant.customerId],
    }),
  );

describe('integrations', () => {
  it('staff connect GA4 with a token; the answer says connected, without the token', async () => {
    const csm = await as(tenant.csm.userId);
    const before = await csm('GET', base());
    expect(before.status).toBe(200);
    const parsed = connectionsResponseSchema.parse(before.body);
    expect(parsed.connections.map((c) => [c.source, c.connected])).toEqual([
      ['ga4', false],
      ['google_ads', false],
      ['meta_ads', false],
    ]);
    const put = await csm('PUT', `${base()}/ga4`, { accountId: '123456', token: SECRET });
    expect(put.status).toBe(200);
    const ga4 = connectionsResponseSchema.parse(put.body).connections[0]!;
    expect(ga4).toMatchObject({ source: 'ga4', connected: true, accountId: '123456', lastRun: null });
    expect(put.text).not.toContain(SECRET);
    const stored = await t.db.privileged((c) =>
      c.query<{ credentials: string }>('SELECT credentials FROM integration_connections'),
    );
    expect(stored.rows).toHaveLength(1);
    expect(stored.rows[0]!.credentials).toMatch(/^v1\./);
    expect(stored.rows[0]!.credentials).not.toContain(SECRET);
  });

  it('"Importar agora" imports 28 days from the fake into the metrics, recorded; again writes nothing', async () => {
    const csm = await as(tenant.csm.userId);
    const first = await csm('POST', `${base()}/ga4/run`);
    expect(first.status).toBe(200);
    const run = integrationRunSchema.parse(first.body!.run);
    expect(run).toMatchObject({ status: 'succeeded', rows: 28, attempts: 3, error: null, trigger: 'manual' });
    expect(published.map((c) => c.collection)).toEqual(['metrics']);
    const docs = (await storedMetrics()).map((s) => s.doc);
    expect(docs.map((d) => d.month).sort()).toEqual(['2026-02', '2026-03']);
    const day = docs.flatMap((d) => d.days).find((d) => d.date === '2026-03-01')!;
    const raw = ga4FakeDay('123456', '2026-03-01');
    expect(day).toMatchObject({
      sessions: raw.sessions,
      pageviews: raw.screenPageViews,
      conversions: raw.keyEvents,
      revenueCents: Math.round(raw.totalRevenue * 100),
      adSpendCents: 0,
    });

    published.length = 0;
    const second = await csm('POST', `${base()}/ga4/run`);
    expect(integrationRunSchema.parse(second.body!.run)).toMatchObject({ status: 'succeeded', rows: 28 });
    expect(published).toEqual([]);
    const list = connectionsResponseSchema.parse((await csm('GET', base())).body);
    expect(list.connections[0]!.lastRun).toMatchObject({ status: 'succeeded', rows: 28 });
  });

  it('Google Ads and Meta Ads create and refresh the campaigns with their daily metrics, idempotently', async () => {
    const csm = await as(tenant.csm.userId);
    await csm('PUT', `${base()}/google_ads`, { accountId: '123-456-7890', token: `${SECRET}-ads` });
    await csm('PUT', `${base()}/meta_ads`, { accountId: '777', token: `${SECRET}-meta` });
    for (const source of ['google_ads', 'meta_ads']) {
      const res = await csm('POST', `${base()}/${source}/run`);
      expect(integrationRunSchema.parse(res.body!.run)).toMatchObject({ status: 'succeeded', error: null });
    }
    const campaigns = () =>
      t.db.withIdentity(tenant.system, async (c) =>
        (
          await readDocuments(c, 'campaigns', {
            where: 'organization_id = $1 AND customer_id = $2 AND external_id IS NOT NULL',
            params: [tenant.organizationId, tenant.customerId],
          })
        ).map((s) => s.doc),
      );
    const stored = await campaigns();
    const imported = stored.filter((c) =>
      ['9001', '9002', '23850001', '23850002', '23850003'].includes(c.externalId!),
    );
    expect(
      imported.map((c) => [c.platform, c.externalId, c.status, c.dailyBudgetCents, c.daily.length]).sort(),
    ).toEqual([
      ['google_ads', '9001', 'active', 15_000, 28],
      ['google_ads', '9002', 'paused', 8_000, 28],
      ['meta_ads', '23850001', 'active', 12_000, 28],
      ['meta_ads', '23850002', 'active', 8_000, 28],
      ['meta_ads', '23850003', 'paused', 5_000, 28],
    ]);
    published.length = 0;
    for (const source of ['google_ads', 'meta_ads']) await csm('POST', `${base()}/${source}/run`);
    expect(published).toEqual([]);
    expect((await campaigns()).length).toBe(stored.length);
  });

  it('a source that keeps failing records each run and alerts staff once per streak', async () => {
    const csm = await as(tenant.csm.userId);
    await csm('PUT', `${base()}/ga4`, { accountId: '123456', token: BAD_SECRET });
    const alerts = () =>
      t.db.privileged((c) =>
        c.query<{ title: string; url: string }>(
          `SELECT title, url FROM notification_deliveries WHERE organization_id = $1 AND type = 'risk_alert'`,
          [tenant.organizationId],
        ),
      );
    for (let i = 1; i <= 4; i++) {
      const res = await csm('POST', `${base()}/ga4/run`);
      expect(integrationRunSchema.parse(res.body!.run)).toMatchObject({
        status: 'failed',
        rows: 0,
        attempts: 1,
        error: 'HTTP 401 UNAUTHENTICATED: Request had invalid authentication credentials.',
      });
      expect(listOf(res.body).connections[0]!.consecutiveFailures).toBe(i);
      expect((await alerts()).rows.length).toBe(i < 3 ? 0 : 1);
    }
    const [alert] = (await alerts()).rows;
    expect(alert!.title).toBe('Importação do Google Analytics 4 falhando: TechCorp LTDA');
    expect(alert!.url).toBe(`/clientes/${tenant.customerId}/conexoes`);
    // Reconnecting ends the streak.
    await csm('PUT', `${base()}/ga4`, { accountId: '123456', token: SECRET });
    const ok = await csm('POST', `${base()}/ga4/run`);
    expect(listOf(ok.body).connections[0]!.consecutiveFailures).toBe(0);
  });

  it('OAuth: a refresh token is sealed with its client, exchanged on each run; invalid_grant marks the connection revoked without retries', async () => {
    const csm = await as(tenant.csm.userId);
    const oauth = {
      accountId: '123456',
      refreshToken: REFRESH_SECRET,
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
    };
    const put = await csm('PUT', `${base()}/ga4`, oauth);
    expect(put.status).toBe(200);
    expect(connectionsResponseSchema.parse(put.body).connections[0]).toMatchObject({
      connected: true,
      credentialKind: 'oauth',
      revoked: false,
    });
    const stored = await t.db.privileged((c) =>
      c.query<{ credentials: string; kind: string }>(
        `SELECT credentials, credential_kind AS kind FROM integration_connections WHERE source = 'ga4'`,
      ),
    );
    expect(stored.rows[0]!.kind).toBe('oauth');
    for (const secret of [REFRESH_SECRET, CLIENT_SECRET, CLIENT_ID])
      expect(stored.rows[0]!.credentials).not.toContain(secret);

    // One token request, then the report's three pages (the GA4 fake accepts the exchanged access token only).
    const ok = await csm('POST', `${base()}/ga4/run`);
    expect(integrationRunSchema.parse(ok.body!.run)).toMatchObject({
      status: 'succeeded',
      rows: 28,
      attempts: 4,
    });

    // Meta's tokens do not refresh: an OAuth body for it is refused.
    const meta = await csm('PUT', `${base()}/meta_ads`, { ...oauth, accountId: '777' });
    expect(meta.status).toBe(422);

    await csm('PUT', `${base()}/ga4`, { ...oauth, refreshToken: REVOKED_REFRESH_SECRET });
    for (let i = 1; i <= 2; i++) {
      sleeps.length = 0;
      const res = await csm('POST', `${base()}/ga4/run`);
      expect(integrationRunSchema.parse(res.body!.run)).toMatchObject({
        status: 'failed',
        attempts: 1,
        error: 'OAuth HTTP 400 invalid_grant: Token has been expired or revoked.',
      });
      expect(sleeps).toEqual([]);
      expect(listOf(res.body).connections[0]).toMatchObject({ revoked: true, consecutiveFailures: i });
    }
    // Reconnecting (here with a pasted access token) clears the mark.
    const back = await csm('PUT', `${base()}/ga4`, { accountId: '123456', token: SECRET });
    expect(connectionsResponseSchema.parse(back.body).connections[0]).toMatchObject({
      credentialKind: 'token',
      revoked: false,
      consecutiveFailures: 0,
    });
    const again = await csm('POST', `${base()}/ga4/run`);
    expect(integrationRunSchema.parse(again.body!.run)).toMatchObject({ status: 'succeeded' });
  });

  it('clients are refused; disconnect deletes the credentials and keeps the history', async () => {
    const client = await as(tenant.client.userId);
    expect((await client('GET', base())).status).toBe(403);
    expect((await client('PUT', `${base()}/ga4`, { accountId: '1', token: 'x'.repeat(20) })).status).toBe(
      403,
    );
    const csm = await as(tenant.csm.userId);
    expect((await csm('PUT', `${base()}/nope`, { accountId: '1', token: 'x'.repeat(20) })).status).toBe(404);
    expect((await csm('GET', `/api/integrations/customers/${uuidv7()}`)).status).toBe(404);
    const off = await csm('DELETE', `${base()}/ga4`);
    const ga4 = connectionsResponseSchema.parse(off.body).connections[0]!;
    expect(ga4).toMatchObject({ connected: false, accountId: null });
    expect(ga4.lastRun?.status).toBe('succeeded');
    expect((await csm('POST', `${base()}/ga4/run`)).status).toBe(404);
    expect(
      (await t.db.privileged((c) => c.query(`SELECT 1 FROM integration_connections WHERE source = 'ga4'`)))
        .rowCount,
    ).toBe(0);
  });

  it('the tokens never appear in logs, API responses or what devices pull', async () => {
    for (const who of [tenant.csm.userId, tenant.admin.userId, tenant.client.userId]) {
      const call = await as(who);
      const checkpoint = encodeURIComponent(JSON.stringify({ seq: 0 }));
      let pulled = 0;
      for (const name of COLLECTION_NAMES) {
        const res = await call('GET', `/api/sync/${name}/pull?checkpoint=${checkpoint}&limit=1000`);
        if (res.status === 200) pulled++;
      }
      expect(pulled).toBeGreaterThanOrEqual(12);
    }
    expect(seen.length).toBeGreaterThan(40);
    expect(logs.length).toBeGreaterThan(10);
    expect(logs.join('\n')).toContain('integration_run');
    expect(logs.join('\n')).toContain('invalid_grant');
    for (const secret of [SECRET, BAD_SECRET, REFRESH_SECRET, REVOKED_REFRESH_SECRET, CLIENT_SECRET]) {
      expect(seen.filter((text) => text.includes(secret))).toEqual([]);
      expect(logs.filter((line) => line.includes(secret))).toEqual([]);
    }
    // The pulls did carry the imported metrics (the grep looked at real data).
    expect(seen.some((text) => text.includes('"sessions"'))).toBe(true);
  });
});
