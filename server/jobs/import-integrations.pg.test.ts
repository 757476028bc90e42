import { randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryAccountStore } from '../auth/account-memory-store.ts';
import { MemoryAuthStore } from '../auth/memory-store.ts';
import { testConfig } from '../config.ts';
import { createTestDatabase, createTestTenant, type TestDatabase, type TestTenant } from '../db/testing.ts';
import { createGa4Fake } from '../integrations/fakes/ga4-fake.ts';
import { createGa4Adapter, GA4_DEFAULT_BASE_URL } from '../integrations/ga4.ts';
import { credentialsAad, type IntegrationDeps } from '../integrations/run-import.ts';
import { createSecretBox } from '../integrations/secret-box.ts';
import { fakeFetch } from '../integrations/setup.ts';
import { createLogger } from '../logger.ts';
import { createMemoryChangeFeed } from '../../sync/server/memory-feed.ts';
import { createServerWriter } from '../sync/server-writes.ts';
import { runJob, type JobContext, type JobSender } from './define.ts';
import { importIntegrationsJob } from './import-integrations.ts';

/**
 * The daily import job on PostgreSQL: the scheduled run (no target) queues one deduplicated run per connection
 * across organizations; a targeted run imports and is recorded as `scheduled`; without integrations it does nothing.
 */
const NOW = new Date('2026-03-10T12:00:00.000Z');
let t: TestDatabase;
let a: TestTenant;
let b: TestTenant;
let ctx: JobContext;
const sent: { payload: unknown; key: string }[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  a = await createTestTenant(t.db, { name: 'Arco Digital' });
  b = await createTestTenant(t.db, { name: 'Outra Agência' });
  const box = createSecretBox(randomBytes(32));
  const logger = createLogger({ level: 'silent' });
  const writer = createServerWriter({
    db: t.db,
    feed: createMemoryChangeFeed(() => undefined),
    clock: () => NOW,
  });
  const integrations: IntegrationDeps = {
    db: t.db,
    writer,
    clock: () => NOW,
    logger,
    box,
    adapters: { ga4: createGa4Adapter({ baseUrl: GA4_DEFAULT_BASE_URL }) },
    fetch: fakeFetch([{ baseUrl: GA4_DEFAULT_BASE_URL, app: createGa4Fake() }], () => {
      throw new Error('no network in tests');
    }),
    sleep: async () => undefined,
    newId: uuidv7,
    alert: async () => undefined,
  };
  for (const tenant of [a, b]) {
    const target = {
      organizationId: tenant.organizationId,
      customerId: tenant.customerId,
      source: 'ga4' as const,
    };
    await t.db.privileged((c) =>
      c.query(
        `INSERT INTO integration_connections (organization_id, customer_id, source, account_id, credentials)
         VALUES ($1, $2, 'ga4', '123456', $3)`,
        [tenant.organizationId, tenant.customerId, box.seal('ya29.job-token', credentialsAad(target))],
      ),
    );
  }
  const jobs: JobSender = {
    send: () => Promise.reject(new Error('unexpected send')),
    sendDeduplicated: async (_job, payload, key) => {
      sent.push({ payload, key });
      return 'job';
    },
  };
  ctx = {
    db: t.db,
    auth: new MemoryAuthStore(),
    accounts: new MemoryAccountStore(),
    clock: () => NOW,
    logger,
    config: testConfig(),
    writer,
    jobs,
    jobId: 'job-1',
    integrations,
  };
}, 120_000);
afterAll(() => t?.close());

describe('import-integrations job', () => {
  it('the daily run queues one deduplicated run per connection, in every organization', async () => {
    await runJob(importIntegrationsJob, {}, ctx);
    expect(sent.map((s) => s.key).sort()).toEqual(
      [`${a.organizationId}:${a.customerId}:ga4`, `${b.organizationId}:${b.customerId}:ga4`].sort(),
    );
  });

  it('the daily run skips a connection whose grant was revoked, until it is reconnected', async () => {
    const mark = (at: Date | null) =>
      t.db.privileged((c) =>
        c.query('UPDATE integration_connections SET revoked_at = $1 WHERE customer_id = $2', [
          at,
          b.customerId,
        ]),
      );
    await mark(NOW);
    sent.length = 0;
    await runJob(importIntegrationsJob, {}, ctx);
    expect(sent.map((s) => s.key)).toEqual([`${a.organizationId}:${a.customerId}:ga4`]);
    await mark(null);
    sent.length = 0;
    await runJob(importIntegrationsJob, {}, ctx);
    expect(sent).toHaveLength(2);
  });

  it('a targeted run imports and is recorded as scheduled; without integrations nothing happens', async () => {
    await runJob(
      importIntegrationsJob,
      { organizationId: a.organizationId, customerId: a.customerId, source: 'ga4' },
      ctx,
    );
    const runs = await t.db.privileged((c) =>
      c.query<{ trigger: string; status: string; rows: number; organization_id: string }>(
        'SELECT trigger, status, rows, organization_id FROM integration_runs',
      ),
    );
    expect(runs.rows).toEqual([
      { trigger: 'scheduled', status: 'succeeded', rows: 28, organization_id: a.organizationId },
    ]);
    sent.length = 0;
    await runJob(importIntegrationsJob, {}, { ...ctx, integrations: null });
    expect(sent).toEqual([]);
  });
});
