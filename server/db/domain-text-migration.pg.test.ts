import { readdirSync } from 'node:fs';
import pg from 'pg';
import { runner } from 'node-pg-migrate';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CollectionName, DocOf } from '../../shared/collections/index.ts';
import { healthSchema, signalSchema } from '../../shared/entities/csm.ts';
import { readDocument, writeDocument } from './collections/mapper.ts';
import { sampleDocuments } from './collections/samples.ts';
import { MIGRATIONS_DIR, MIGRATIONS_TABLE } from './database.ts';
import { nextServerFields } from './ordering.ts';
import { createTestDatabase, createTestTenant, type TestDatabase, type TestTenant } from './testing.ts';

/**
 * Migration 0113: health and signals documents stored with sentences (before domain-text codes) keep their
 * words as the `text` code, health factors lose their stored name, and the result is a valid document.
 */
const MIGRATION = '0113_domain-text-codes';
const NOW = new Date('2026-01-29T18:00:00.000Z');
let t: TestDatabase;
let tenant: TestTenant;
beforeAll(async () => {
  t = await createTestDatabase();
  tenant = await createTestTenant(t.db);
});
afterAll(() => t?.close());

const write = <N extends CollectionName>(collection: N, doc: DocOf<N>) =>
  t.db.withIdentity(tenant.system, async (c) =>
    writeDocument(c, tenant, collection, doc, await nextServerFields(c, tenant.organizationId, NOW)),
  );
const read = <N extends CollectionName>(collection: N, id: string) =>
  t.db.withIdentity(tenant.system, (c) => readDocument(c, collection, tenant.organizationId, id));

/** Runs `fn` with the migrations from 0113 on rolled back (as the owner, which RLS does not filter). */
async function beforeCodes(fn: (c: pg.Client) => Promise<void>): Promise<void> {
  const files = readdirSync(MIGRATIONS_DIR)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  const count = files.length - files.findIndex((f) => f.startsWith(MIGRATION));
  const client = new pg.Client({ connectionString: t.db.ownerConnectionString });
  await client.connect();
  try {
    const options = {
      dbClient: client,
      dir: MIGRATIONS_DIR,
      migrationsTable: MIGRATIONS_TABLE,
      log: () => {},
    };
    await runner({ ...options, direction: 'down', count });
    await fn(client);
  } finally {
    await client.end();
  }
  await t.db.migrate();
}

describe('migration 0113 (sentences → domain-text codes)', () => {
  it('keeps stored sentences word for word as the text code and drops factor names', async () => {
    const samples = sampleDocuments({
      customerId: tenant.customerId,
      clientUserId: tenant.client.userId as string,
      staffUserId: tenant.csm.userId as string,
      newId: uuidv7,
    });
    await write('signals', samples.signals);
    await write('health', samples.health);

    await beforeCodes(async (c) => {
      await c.query(
        `UPDATE signals SET title = 'Cliente em risco', description = 'Sem login há 14 dias (-30 pts)',
           recommendation = NULL,
           risk_factors = '[{"type":"no_login","description":"Sem login há 14 dias","impact":-30,"detectedAt":"2026-01-29T18:00:00.000Z"}]',
           suggested_actions = '[{"type":"call","title":"Ligar agora","description":"Ligação de reengajamento.","priority":"urgent","estimatedImpact":30}]'
         WHERE id = $1`,
        [samples.signals.id],
      );
      await c.query(
        `UPDATE health SET
           breakdown = jsonb_set(breakdown, '{productUsage,factors}',
             '[{"key":"loginFrequency","name":"Frequência de login","value":85,"maxValue":100,"impact":"positive","description":"Login em 17 dos últimos 30 dias","raw":17}]'),
           risk_factors = '[{"type":"renewal_soon","description":"Renovação do contrato em 50 dias (20/03/2026)","impact":-10,"detectedAt":"2026-01-29T18:00:00.000Z"}]',
           churn_factors = '[{"feature":"npsScore","label":"NPS 9 (reduz o risco)","contribution":-1}]'
         WHERE id = $1`,
        [samples.health.id],
      );
    });

    const text = (words: string) => ({ code: 'text', params: { text: words } });
    const signal = signalSchema.parse((await read('signals', samples.signals.id))?.doc);
    expect(signal.title).toEqual(text('Cliente em risco'));
    expect(signal.description).toEqual(text('Sem login há 14 dias (-30 pts)'));
    expect(signal.recommendation).toBeNull();
    expect(signal.riskFactors[0]?.description).toEqual(text('Sem login há 14 dias'));
    expect(signal.suggestedActions[0]).toMatchObject({
      title: text('Ligar agora'),
      description: text('Ligação de reengajamento.'),
      priority: 'urgent',
    });

    const health = healthSchema.parse((await read('health', samples.health.id))?.doc);
    expect(health.breakdown.productUsage.factors).toEqual([
      {
        key: 'loginFrequency',
        value: 85,
        maxValue: 100,
        impact: 'positive',
        description: text('Login em 17 dos últimos 30 dias'),
        raw: 17,
      },
    ]);
    expect(health.riskFactors[0]?.description).toEqual(text('Renovação do contrato em 50 dias (20/03/2026)'));
    expect(health.churnFactors[0]?.label).toEqual(text('NPS 9 (reduz o risco)'));
    // Documents written with codes went through the round trip unchanged.
    expect(health.breakdown.engagement).toEqual(samples.health.breakdown.engagement);
  });
});
