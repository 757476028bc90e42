import type { Hono } from 'hono';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { errorBodySchema } from '../../shared/api-errors.ts';
import { csvImportResultSchema, csvLineErrorSchema } from '../../shared/domain/imports/csv-import.ts';
import type { Campaign } from '../../shared/entities/portal.ts';
import { createMemoryChangeFeed } from '../../sync/server/memory-feed.ts';
import type { Change } from '../../sync/server/store.ts';
import { createApp } from '../app.ts';
import { hashPassword } from '../auth/passwords.ts';
import { PgAuthStore } from '../auth/pg-store.ts';
import { testConfig } from '../config.ts';
import { nextServerFields, readDocuments, writeDocument } from '../db/index.ts';
import { createTestDatabase, createTestTenant, type TestDatabase, type TestTenant } from '../db/testing.ts';
import type { AppEnv } from '../http/context.ts';
import { createLogger } from '../logger.ts';
import { createServerWriter } from '../sync/server-writes.ts';
import { importsRoutes } from './routes.ts';
import { signedInCookie } from '../http/testing.ts';

/**
 * CSV import on PostgreSQL through `app.request()`: a file with one malformed line is refused with that line's
 * error and writes nothing; a good file is written through the server-write path (its change reaches the feed
 * devices sync from); the same file again writes nothing; Brazilian and international files read alike.
 */
const PASSWORD = 'senha-de-teste-123';
const ORIGIN = 'http://localhost:3000';
const NOW = new Date('2026-03-10T12:00:00.000Z');

let t: TestDatabase;
let tenant: TestTenant;
let app: Hono<AppEnv>;
const emails = new Map<string, string>();
const published: Change[] = [];

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
  const writer = createServerWriter({ db: t.db, feed, clock: () => NOW });
  app = createApp({
    config: testConfig({ publicOrigin: ORIGIN }),
    logger: createLogger({ level: 'silent' }),
    auth: new PgAuthStore(t.db),
    health: { check: async () => undefined },
    clock: { now: () => NOW },
    apiRoutes: { imports: importsRoutes({ db: t.db, writer, clock: () => NOW, newId: uuidv7 }) },
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
  return (path: '/csv' | '/csv/preview', body: unknown) =>
    app.request(`/api/imports${path}`, {
      method: 'POST',
      headers: { cookie, origin: ORIGIN, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
}

const storedMetrics = () =>
  t.db.withIdentity(tenant.system, (c) =>
    readDocuments(c, 'metrics', {
      where: 'organization_id = $1 AND customer_id = $2',
      params: [tenant.organizationId, tenant.customerId],
    }),
  );

const BR_FILE = [
  'Data;Sessões;Visualizações;Conversões;Receita;Leads',
  '01/03/2026;1.234;2.500;12;1.234,56;4',
  '02/03/2026;980;1.900;9;880,00;3',
  '28/02/2026;700;1.400;5;500;2',
  '',
].join('\r\n');

describe('POST /api/imports/csv (metrics)', () => {
  it('refuses a file with a malformed line with that line’s error and writes nothing', async () => {
    const post = await as(tenant.admin.userId);
    const bad = BR_FILE.replace('02/03/2026;980', '31/02/2026;98x');
    const preview = csvImportResultSchema.parse(
      await (await post('/csv/preview', { customerId: tenant.customerId, kind: 'metrics', csv: bad })).json(),
    );
    expect(preview.errors.map((e) => [e.line, e.field, e.code])).toEqual([
      [3, 'date', 'invalid_date'],
      [3, 'sessions', 'invalid_number'],
    ]);
    expect(preview.lines.map((l) => l.line)).toEqual([2, 4]);

    const res = await post('/csv', { customerId: tenant.customerId, kind: 'metrics', csv: bad });
    expect(res.status).toBe(422);
    const body = errorBodySchema.parse(await res.json());
    expect(body.error.code).toBe('validation_failed');
    const errors = csvLineErrorSchema.array().parse(body.error.details?.errors);
    expect(errors[0]).toMatchObject({ line: 3, field: 'date', code: 'invalid_date', value: '31/02/2026' });
    expect(await storedMetrics()).toEqual([]);
    expect(published).toEqual([]);
  });

  it('imports a Brazilian file through the server write, and the same file again changes nothing', async () => {
    const post = await as(tenant.csm.userId);
    const preview = csvImportResultSchema.parse(
      await (
        await post('/csv/preview', { customerId: tenant.customerId, kind: 'metrics', csv: BR_FILE })
      ).json(),
    );
    expect(preview).toMatchObject({ delimiter: ';', numberStyle: 'br', errors: [], written: 0 });
    expect(preview.lines[0]).toMatchObject({
      date: '2026-03-01',
      effect: 'new',
      values: { sessions: 1234, pageviews: 2500, conversions: 12, revenueCents: 123_456, leads: 4 },
    });
    expect(await storedMetrics()).toEqual([]);

    const first = csvImportResultSchema.parse(
      await (await post('/csv', { customerId: tenant.customerId, kind: 'metrics', csv: BR_FILE })).json(),
    );
    expect(first.written).toBe(2); // February and March
    const stored = await storedMetrics();
    const march = stored.find((s) => s.doc.month === '2026-03')!.doc;
    expect(march.days.map((d) => [d.date, d.sessions, d.revenueCents])).toEqual([
      ['2026-03-01', 1234, 123_456],
      ['2026-03-02', 980, 88_000],
    ]);
    // Written as server writes: published to the feed devices pull from, with fresh server_seqs.
    expect(published.flatMap((c) => c.documents.map((d) => (d as { month?: string }).month)).sort()).toEqual([
      '2026-02',
      '2026-03',
    ]);

    published.length = 0;
    const again = await post('/csv', { customerId: tenant.customerId, kind: 'metrics', csv: BR_FILE });
    expect(again.status).toBe(200);
    const second = csvImportResultSchema.parse(await again.json());
    expect(second.written).toBe(0);
    expect(second.lines.every((l) => l.effect === 'unchanged')).toBe(true);
    expect(published).toEqual([]);
    expect(await storedMetrics()).toEqual(stored);

    // The same figures written the international way are the same import.
    const intl = 'date,sessions,revenue\n2026-03-01,"1,234",1234.56\n';
    const third = csvImportResultSchema.parse(
      await (await post('/csv', { customerId: tenant.customerId, kind: 'metrics', csv: intl })).json(),
    );
    expect(third).toMatchObject({ numberStyle: 'intl', written: 0 });
  });

  it('refuses clients and unknown customers', async () => {
    const client = await as(tenant.client.userId);
    const refused = await client('/csv', { customerId: tenant.customerId, kind: 'metrics', csv: BR_FILE });
    expect(refused.status).toBe(403);
    const admin = await as(tenant.admin.userId);
    const unknown = await admin('/csv', { customerId: uuidv7(), kind: 'metrics', csv: BR_FILE });
    expect(unknown.status).toBe(404);
  });
});

describe('POST /api/imports/csv (campaigns)', () => {
  it('upserts daily figures by campaign and date, all or nothing, idempotent', async () => {
    const campaign: Campaign = {
      id: uuidv7(),
      updatedAt: NOW.toISOString(),
      serverSeq: 0,
      clientUpdatedAt: NOW.toISOString(),
      customerId: tenant.customerId,
      name: 'Google Ads - Institucional',
      platform: 'google_ads',
      type: 'search',
      budgetCents: 500_000,
      dailyBudgetCents: null,
      status: 'active',
      startDate: '2026-01-01',
      endDate: null,
      externalId: '123-456',
      daily: [
        { date: '2026-03-01', impressions: 10, clicks: 1, spendCents: 100, conversions: 0, revenueCents: 0 },
      ],
      abTests: [],
    };
    await t.db.withIdentity(tenant.system, async (c) =>
      writeDocument(
        c,
        { organizationId: tenant.organizationId },
        'campaigns',
        campaign,
        await nextServerFields(c, tenant.organizationId, NOW),
      ),
    );
    const post = await as(tenant.admin.userId);
    const file = [
      'Campanha;Data;Impressões;Cliques;Investimento;Conversões;Receita',
      'google ads - institucional;01/03/2026;1.000;50;120,50;3;450,00',
      '123-456;02/03/2026;800;40;99,90;2;300,00',
    ].join('\n');
    const withUnknown = `${file}\nCampanha que não existe;03/03/2026;1;1;1;1;1`;
    const refused = await post('/csv', {
      customerId: tenant.customerId,
      kind: 'campaigns',
      csv: withUnknown,
    });
    expect(refused.status).toBe(422);
    const errors = csvLineErrorSchema
      .array()
      .parse(errorBodySchema.parse(await refused.json()).error.details?.errors);
    expect(errors).toEqual([
      {
        line: 4,
        field: 'campaign',
        code: 'unknown_campaign',
        value: 'Campanha que não existe',
        firstLine: null,
      },
    ]);
    const read = () =>
      t.db.withIdentity(tenant.system, (c) =>
        readDocuments(c, 'campaigns', { where: 'id = $1', params: [campaign.id] }),
      );
    expect((await read())[0]!.doc.daily).toEqual(campaign.daily);

    const ok = csvImportResultSchema.parse(
      await (await post('/csv', { customerId: tenant.customerId, kind: 'campaigns', csv: file })).json(),
    );
    expect(ok.written).toBe(1);
    expect(ok.lines.map((l) => [l.campaign, l.effect])).toEqual([
      ['Google Ads - Institucional', 'changed'],
      ['Google Ads - Institucional', 'new'],
    ]);
    const after = (await read())[0]!.doc;
    expect(after.daily).toEqual([
      {
        date: '2026-03-01',
        impressions: 1000,
        clicks: 50,
        spendCents: 12_050,
        conversions: 3,
        revenueCents: 45_000,
      },
      {
        date: '2026-03-02',
        impressions: 800,
        clicks: 40,
        spendCents: 9_990,
        conversions: 2,
        revenueCents: 30_000,
      },
    ]);
    const again = csvImportResultSchema.parse(
      await (await post('/csv', { customerId: tenant.customerId, kind: 'campaigns', csv: file })).json(),
    );
    expect(again.written).toBe(0);
    expect((await read())[0]!.doc).toEqual(after);
  });
});
