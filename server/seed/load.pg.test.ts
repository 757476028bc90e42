import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLLECTION_NAMES } from '../../shared/collections/index.ts';
import { hashPassword, verifyPassword } from '../auth/passwords.ts';
import { normalizeDocument, readDocuments } from '../db/collections/mapper.ts';
import { createTestDatabase, type TestDatabase } from '../db/testing.ts';
import { countDocuments, generateDemoData, SEED_REFERENCE_NOW, streamDemoData } from './generate.ts';
import { loadDemoData, type LoadResult } from './load.ts';

const NOW = new Date(SEED_REFERENCE_NOW);
const LOADED_AT = new Date('2026-02-02T15:30:00.000Z');
const data = generateDemoData({ seed: 1, now: NOW });
const userByEmail = (email: string) => {
  const u = data.users.find((x) => x.email === email);
  if (!u) throw new Error(`no demo user ${email}`);
  return u;
};

let t: TestDatabase;
let result: LoadResult;

beforeAll(async () => {
  t = await createTestDatabase();
  result = await loadDemoData(t.db, data, { hashPassword, now: LOADED_AT, batchSize: 1500 });
});
afterAll(() => t?.close());

describe('loadDemoData (in-memory data set, default portfolio)', () => {
  it('writes every generated document, organization and user', async () => {
    expect(result.documents).toEqual(countDocuments(data.documents));
    const counts = await t.db.privileged(async (c) => {
      const out: Record<string, number> = {};
      for (const table of [
        'organizations',
        'users',
        'customers',
        'invoices',
        'payments',
        'metrics',
        'leads',
      ]) {
        const { rows } = await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
        out[table] = rows[0]?.n ?? -1;
      }
      return out;
    });
    expect(counts).toMatchObject({
      organizations: 2,
      users: data.users.length,
      customers: data.documents.customers.length,
      invoices: data.documents.invoices.length,
      payments: data.documents.invoices.reduce((s, i) => s + i.payments.length, 0),
      metrics: data.documents.metrics.length,
      leads: data.documents.leads.length,
    });
  });

  it('reads documents back exactly as generated, with server fields stamped and distinct server_seqs', async () => {
    const arco = data.organizations[0]?.id as string;
    for (const name of COLLECTION_NAMES) {
      const stored = await t.db.privileged((c) =>
        readDocuments(c, name, { where: 'organization_id = $1', params: [arco] }),
      );
      const seqs = stored.map((s) => s.doc.serverSeq);
      expect(new Set(seqs).size).toBe(seqs.length);
      const byId = new Map(stored.map((s) => [s.doc.id, s.doc]));
      const generated = (data.documents[name] as { id: string }[]).filter((d) => byId.has(d.id));
      expect(generated.length).toBeGreaterThan(0);
      for (const doc of generated.slice(0, 50)) {
        const back = byId.get(doc.id) as { serverSeq: number; updatedAt: string };
        expect(back.updatedAt).toBe(LOADED_AT.toISOString());
        expect(back).toEqual(
          normalizeDocument(name, { ...doc, serverSeq: back.serverSeq, updatedAt: back.updatedAt } as never),
        );
      }
    }
  });

  it('stores argon2id hashes that verify with the demo password', async () => {
    const { rows } = await t.db.privileged((c) =>
      c.query<{ email: string; password_hash: string }>(
        'SELECT email, password_hash FROM users ORDER BY email',
      ),
    );
    expect(rows).toHaveLength(data.users.length);
    for (const email of ['admin@arco.example', 'cliente@techcorp.example', 'admin@outra.example']) {
      const hash = rows.find((r) => r.email === email)?.password_hash ?? null;
      expect(hash).toMatch(/^\$argon2id\$/);
      expect(await verifyPassword(hash, 'arco-demo')).toBe(true);
      expect(await verifyPassword(hash, 'wrong')).toBe(false);
    }
  });

  it('respects tenancy under RLS: the TechCorp client sees its customer only; Outra sees its 5', async () => {
    const client = userByEmail('cliente@techcorp.example');
    const seen = await t.db.withIdentity(
      {
        role: 'client',
        organizationId: client.organizationId,
        userId: client.id,
        customerId: client.customerId as string,
      },
      (c) => readDocuments(c, 'customers'),
    );
    expect(seen.map((s) => s.doc.name)).toEqual(['TechCorp LTDA']);
    const outra = userByEmail('admin@outra.example');
    const outraCustomers = await t.db.withIdentity(
      { role: 'admin', organizationId: outra.organizationId, userId: outra.id, customerId: null },
      (c) => readDocuments(c, 'customers'),
    );
    expect(outraCustomers).toHaveLength(5);
    expect(outraCustomers.every((s) => s.organizationId === outra.organizationId)).toBe(true);
  });
});

describe('loadDemoData (streamed, after a reset)', () => {
  it('loads the lazy stream in small transactions with the same result as the in-memory data', async () => {
    await t.truncateAll();
    const stream = streamDemoData({ seed: 5, customers: 12, now: NOW });
    const expected = countDocuments(generateDemoData({ seed: 5, customers: 12, now: NOW }).documents);
    const streamed = await loadDemoData(t.db, stream, { hashPassword, now: LOADED_AT, batchSize: 300 });
    expect(streamed.documents).toEqual(expected);
    const { rows } = await t.db.privileged((c) =>
      c.query<{ n: number }>('SELECT count(*)::int AS n FROM engagement'),
    );
    expect(rows[0]?.n).toBe(expected.engagement);
  });
});
