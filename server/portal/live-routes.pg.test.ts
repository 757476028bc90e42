import { randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DailyMetric, Metrics } from '../../shared/entities/portal.ts';
import { writeDocument } from '../db/collections/mapper.ts';
import { nextServerFields } from '../db/ordering.ts';
import { createTestDatabase, createTestTenant, type TestDatabase, type TestTenant } from '../db/testing.ts';
import { createGa4Fake, ga4FakeRealtime } from '../integrations/fakes/ga4-fake.ts';
import { createGoogleOAuthFake } from '../integrations/fakes/google-oauth-fake.ts';
import { GA4_DEFAULT_BASE_URL } from '../integrations/ga4.ts';
import { credentialPlaintext, GOOGLE_OAUTH_DEFAULT_BASE_URL } from '../integrations/oauth.ts';
import { createRealtimePoller, pgRealtimeConnections } from '../integrations/realtime-poller.ts';
import { credentialsAad } from '../integrations/run-import.ts';
import { createSecretBox } from '../integrations/secret-box.ts';
import { fakeFetch } from '../integrations/setup.ts';
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

describe('GA4 realtime from a stored connection', () => {
  it('opens the customer’s sealed GA4 credentials (OAuth exchanged), polls, and reads none for a customer without', async () => {
    const box = createSecretBox(randomBytes(32));
    const credential = {
      kind: 'oauth' as const,
      refreshToken: '1//pg-realtime-refresh',
      clientId: '1234-pg.apps.googleusercontent.com',
      clientSecret: 'GOCSPX-pg-realtime',
    };
    const target = { organizationId: tenant.organizationId, customerId: tenant.customerId };
    await t.db.withIdentity(tenant.system, (c) =>
      c.query(
        `INSERT INTO integration_connections (organization_id, customer_id, source, account_id, credential_kind, credentials)
         VALUES ($1, $2, 'ga4', '424242', 'oauth', $3)`,
        [
          tenant.organizationId,
          tenant.customerId,
          box.seal(credentialPlaintext(credential), credentialsAad({ ...target, source: 'ga4' })),
        ],
      ),
    );
    const load = pgRealtimeConnections({ db: t.db, box });
    expect(await load(target)).toEqual({ accountId: '424242', credential, revoked: false });

    const poller = createRealtimePoller({
      load,
      fetch: fakeFetch(
        [
          { baseUrl: GA4_DEFAULT_BASE_URL, app: createGa4Fake() },
          { baseUrl: GOOGLE_OAUTH_DEFAULT_BASE_URL, app: createGoogleOAuthFake() },
        ],
        () => {
          throw new Error('no network in tests');
        },
      ),
      clock: () => new Date('2026-03-20T12:00:00.000Z'),
      timers: { setTimeout: () => 0, clearTimeout: () => {} },
      ga4BaseUrl: GA4_DEFAULT_BASE_URL,
      oauthBaseUrl: GOOGLE_OAUTH_DEFAULT_BASE_URL,
    });
    const watch = poller.watch(target);
    await watch.ready;
    const fake = ga4FakeRealtime('424242');
    expect(poller.read(target)).toEqual({
      state: 'ga4',
      figures: { activeUsersLast30m: fake.activeUsers, conversionsLast30m: fake.keyEvents },
    });
    watch.stop();

    const other = { organizationId: tenant.organizationId, customerId: tenant.otherCustomerId };
    const second = poller.watch(other);
    await second.ready;
    expect(poller.read(other)).toEqual({ state: 'none' });
    second.stop();

    // Revoked: no call, no figures.
    await t.db.privileged((c) => c.query(`UPDATE integration_connections SET revoked_at = now()`));
    expect(await load(target)).toMatchObject({ revoked: true });
  });
});
