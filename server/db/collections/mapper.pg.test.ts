import fc from 'fast-check';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { COLLECTION_NAMES, type CollectionName, type DocOf } from '../../../shared/collections/index.ts';
import type { Invoice } from '../../../shared/entities/billing.ts';
import type { DbClient } from '../database.ts';
import { nextServerFields, nextServerSeqs } from '../ordering.ts';
import {
  createTestDatabase,
  createTestTenant,
  minimalCustomer,
  type TestDatabase,
  type TestTenant,
} from '../testing.ts';
import {
  documentShape,
  normalizeDocument,
  readDocument,
  readDocuments,
  readDocumentsJson,
  writeDocument,
  writeDocuments,
} from './mapper.ts';
import { sampleDocuments, type SampleDocuments } from './samples.ts';

let t: TestDatabase;
let tenant: TestTenant;
let samples: SampleDocuments;
const NOW = new Date('2026-01-15T13:00:00.000Z');

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.close());
beforeEach(async () => {
  await t.truncateAll();
  tenant = await createTestTenant(t.db);
  samples = sampleDocuments({
    customerId: tenant.customerId,
    clientUserId: tenant.client.userId as string,
    staffUserId: tenant.csm.userId as string,
    newId: uuidv7,
  });
});

/** Writes as the system identity of the tenant, with fresh server fields. */
const write = <N extends CollectionName>(collection: N, doc: DocOf<N>, options: { deleted?: boolean } = {}) =>
  t.db.withIdentity(tenant.system, async (c) =>
    writeDocument(c, tenant, collection, doc, await nextServerFields(c, tenant.organizationId, NOW, options)),
  );

const read = <N extends CollectionName>(collection: N, id: string) =>
  t.db.withIdentity(tenant.system, (c) => readDocument(c, collection, tenant.organizationId, id));

const raw = (sql: string, params: unknown[] = []) =>
  t.db.withIdentity(tenant.system, (c: DbClient) => c.query<Record<string, unknown>>(sql, params));

describe('row mapper round trip', () => {
  it.each(COLLECTION_NAMES)('%s: write then read gives back the same document', async (name) => {
    const sample = samples[name] as DocOf<typeof name>;
    const written = await write(name, sample);
    const stored = await read(name, sample.id);
    expect(stored?.organizationId).toBe(tenant.organizationId);
    expect(stored?.deleted).toBe(false);
    expect(stored?.doc).toEqual(written);
    // Same document, with the server's fields and instants in canonical form — children in the same order.
    expect(written).toEqual(
      normalizeDocument(name, {
        ...sample,
        serverSeq: written.serverSeq,
        updatedAt: NOW.toISOString(),
      } as never),
    );
    expect(written.serverSeq).toBeGreaterThan(0);
  });

  it('keeps money exact: R$ 4.500,00 is 4500.00 in SQL and 450000 cents back', async () => {
    await write('customers', samples.customers);
    const { rows } = await raw('SELECT mrr::text AS mrr, arr::text AS arr FROM customers WHERE id = $1', [
      tenant.customerId,
    ]);
    expect(rows[0]).toEqual({ mrr: '4500.00', arr: '54000.00' });
    const contract = await raw(
      `SELECT total_value::text AS v FROM contracts WHERE contract_number = 'CT-2024-0107'`,
    );
    expect(contract.rows[0]?.v).toBe('12500.99');
    const customer = await read('customers', tenant.customerId);
    expect(customer?.doc.mrrCents).toBe(450_000);
    expect(customer?.doc.contracts[1]?.totalValueCents).toBe(1_250_099);

    await write('invoices', samples.invoices);
    const payments = await raw('SELECT amount::text AS a FROM payments ORDER BY position');
    expect(payments.rows.map((r) => r.a)).toEqual(['4499.99', '0.01']);
  });

  it('round-trips any amount of cents the schema allows', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 1_000_000_000_000 }), async (cents) => {
        const invoice: Invoice = { ...samples.invoices, amountCents: cents, payments: [] };
        await write('invoices', invoice);
        expect((await read('invoices', invoice.id))?.doc.amountCents).toBe(cents);
      }),
      { numRuns: 25 },
    );
  });

  it('stores dates as SQL dates and instants as timestamptz, whatever the session time zone', async () => {
    await write('customers', samples.customers);
    const { rows } = await raw(
      `SELECT pg_typeof(renewal_date)::text AS date_type, renewal_date::text AS renewal,
              pg_typeof(last_login_at)::text AS instant_type
         FROM customers WHERE id = $1`,
      [tenant.customerId],
    );
    expect(rows[0]).toEqual({
      date_type: 'date',
      renewal: '2027-01-15',
      instant_type: 'timestamp with time zone',
    });
    const shifted = await t.db.withIdentity(tenant.system, async (c) => {
      await c.query(`SET LOCAL TIME ZONE 'Asia/Tokyo'`);
      return readDocument(c, 'customers', tenant.organizationId, tenant.customerId);
    });
    expect(shifted?.doc.renewalDate).toBe('2027-01-15');
    expect(shifted?.doc.customerSince).toBe('2024-12-15');
    expect(shifted?.doc.lastLoginAt).toBe('2026-01-14T21:30:00.000Z');
  });

  it('replaces children: removed ones are deleted, kept ones take their new positions', async () => {
    await write('tickets', samples.tickets);
    const [first, second, third] = samples.tickets.messages;
    const added = { ...(first as NonNullable<typeof first>), id: uuidv7(), body: 'Resolvido, obrigado.' };
    const edited = { ...samples.tickets, messages: [third!, added, first!] };
    await write('tickets', edited);
    const stored = await read('tickets', samples.tickets.id);
    expect(stored?.doc.messages.map((m) => m.id)).toEqual([third!.id, added.id, first!.id]);
    const { rows } = await raw('SELECT id, position FROM ticket_messages ORDER BY position');
    expect(rows).toEqual([
      { id: third!.id, position: 0 },
      { id: added.id, position: 1 },
      { id: first!.id, position: 2 },
    ]);
    expect(rows.some((r) => r.id === second!.id)).toBe(false);

    await write('tickets', { ...samples.tickets, messages: [] });
    expect((await raw('SELECT count(*) AS n FROM ticket_messages')).rows[0]?.n).toBe(0);
  });

  it('leaves child rows equal to the stored document (`before`) as they are and writes the rest', async () => {
    await write('tickets', samples.tickets);
    const [first, second, third] = samples.tickets.messages;
    const master = async () =>
      t.db.withIdentity(tenant.system, async (c) => {
        const page = await readDocumentsJson(c, 'tickets', {
          where: 'organization_id = $1 AND id = $2',
          params: [tenant.organizationId, samples.tickets.id],
          verifyStored: true,
        });
        return (JSON.parse(page.json) as Record<string, unknown>[])[0]!;
      });
    const versions = async () =>
      new Map(
        (await raw('SELECT id, xmin::text AS v FROM ticket_messages')).rows.map((r) => [r.id as string, r.v]),
      );
    const writeWith = (doc: typeof samples.tickets, before: Record<string, unknown>) =>
      t.db.withIdentity(tenant.system, async (c) => {
        const fields = await nextServerFields(c, tenant.organizationId, NOW);
        return writeDocuments(c, tenant, 'tickets', [{ doc, server: fields, before }]);
      });
    const old = await versions();

    // The first message as stored, the second edited, the third dropped, a new one appended.
    const added = { ...first!, id: uuidv7(), body: 'Mais um detalhe.' };
    const edited = { ...samples.tickets, messages: [first!, { ...second!, body: 'Corrigido.' }, added] };
    const [written] = await writeWith(edited, await master());
    const now = await versions();
    expect(now.get(first!.id)).toBe(old.get(first!.id));
    expect(now.get(second!.id)).not.toBe(old.get(second!.id));
    expect(now.has(third!.id)).toBe(false);
    expect(now.has(added.id)).toBe(true);
    expect((await read('tickets', samples.tickets.id))?.doc).toEqual(written);
    expect(await master()).toEqual({ ...written, _deleted: false });

    // Moved to another position: rewritten (the position is part of the row), and read back in the new order.
    const swapped = { ...edited, messages: [written!.messages[1]!, written!.messages[0]!, added] };
    const [reordered] = await writeWith(swapped, await master());
    const after = await versions();
    expect(after.get(first!.id)).not.toBe(now.get(first!.id));
    expect(after.get(added.id)).toBe(now.get(added.id));
    expect((await read('tickets', samples.tickets.id))?.doc).toEqual(reordered);

    // A `before` of another document is not trusted: every child row is written.
    const stranger = { ...(await master()), id: uuidv7() };
    await writeWith(swapped, stranger);
    const last = await versions();
    expect(last.get(added.id)).not.toBe(after.get(added.id));
  });

  it('keeps the first insert time in created_at for documents without their own createdAt', async () => {
    await write('goals', samples.goals);
    const later = new Date('2026-02-01T00:00:00.000Z');
    await t.db.withIdentity(tenant.system, async (c) =>
      writeDocument(
        c,
        tenant,
        'goals',
        { ...samples.goals, title: 'Receita de fevereiro' },
        {
          ...(await nextServerFields(c, tenant.organizationId, later)),
        },
      ),
    );
    const { rows } = await raw('SELECT created_at, updated_at FROM goals');
    expect(rows[0]).toEqual({ created_at: NOW.toISOString(), updated_at: later.toISOString() });
  });

  it('round-trips tombstones with their content', async () => {
    await write('actions', samples.actions, { deleted: true });
    const stored = await read('actions', samples.actions.id);
    expect(stored?.deleted).toBe(true);
    expect(stored?.doc.title).toBe(samples.actions.title);
  });

  it('reads in server_seq order with where, params and limit', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const doc = { ...samples.actions, id: uuidv7(), priority: i + 1 };
      ids.push(doc.id);
      await write('actions', doc);
    }
    const page = await t.db.withIdentity(tenant.system, async (c) => {
      const all = await readDocuments(c, 'actions', {
        where: 'organization_id = $1',
        params: [tenant.organizationId],
      });
      const after = await readDocuments(c, 'actions', {
        where: 'organization_id = $1 AND server_seq > $2',
        params: [tenant.organizationId, all[1]?.doc.serverSeq],
        limit: 2,
      });
      return { all, after };
    });
    expect(page.all.map((d) => d.doc.id)).toEqual(ids);
    expect(page.after.map((d) => d.doc.id)).toEqual(ids.slice(2, 4));
  });

  it('writes many documents with their children in a few statements', async () => {
    const customers = Array.from({ length: 120 }, (_, i) => ({
      ...samples.customers,
      id: uuidv7(),
      name: `Cliente ${i}`,
      contacts: samples.customers.contacts.map((c) => ({ ...c, id: uuidv7() })),
      contracts: samples.customers.contracts.map((c) => ({ ...c, id: uuidv7() })),
    }));
    const written = await t.db.withIdentity(tenant.system, async (c) => {
      const seqs = await nextServerSeqs(c, tenant.organizationId, customers.length);
      return writeDocuments(
        c,
        tenant,
        'customers',
        customers.map((doc, i) => ({ doc, server: { serverSeq: seqs[i]!, updatedAt: NOW.toISOString() } })),
      );
    });
    const stored = await t.db.withIdentity(tenant.system, (c) =>
      readDocuments(c, 'customers', { where: 'name LIKE $1', params: ['Cliente %'] }),
    );
    expect(stored.map((s) => s.doc)).toEqual(written);
    expect(stored[119]?.doc.contacts.map((c) => c.firstName)).toEqual(['Pedro', 'Ana']);
  });
});

describe('documents serialized by PostgreSQL (readDocumentsJson, what a pull sends)', () => {
  const both = <N extends CollectionName>(collection: N, options: Parameters<typeof readDocuments>[2]) =>
    t.db.withIdentity(tenant.system, async (c) => ({
      validated: (await readDocuments(c, collection, options)).map((s) => ({
        ...s.doc,
        _deleted: s.deleted,
      })),
      page: await readDocumentsJson(c, collection, options),
    }));
  const all = { where: 'organization_id = $1', params: [] as unknown[] };

  it.each(COLLECTION_NAMES)('%s: the same documents as readDocuments, children in order', async (name) => {
    const sample = samples[name] as DocOf<typeof name>;
    await write(name, sample);
    const live = await both(name, { ...all, params: [tenant.organizationId] });
    expect(live.validated.some((d) => d.id === sample.id)).toBe(true);
    expect(JSON.parse(live.page.json)).toEqual(live.validated);
    expect(live.page.count).toBe(live.validated.length);
    expect(live.page.lastSeq).toBe(live.validated.at(-1)!.serverSeq);
    // Tombstones carry their content and `_deleted: true`.
    await write(name, sample, { deleted: true });
    const deleted = await both(name, { ...all, params: [tenant.organizationId] });
    expect(deleted.validated.find((d) => d.id === sample.id)?._deleted).toBe(true);
    expect(JSON.parse(deleted.page.json)).toEqual(deleted.validated);
  });

  // What the mapper stored with the row, and the same page with every stored JSON forgotten (built by SQL).
  const storedAndBuilt = async <N extends CollectionName>(collection: N, id: string) => {
    const options = { where: 'organization_id = $1 AND id = $2', params: [tenant.organizationId, id] };
    const stored = await both(collection, options);
    const verified = await t.db.withIdentity(tenant.system, (c) =>
      readDocumentsJson(c, collection, { ...options, verifyStored: true }),
    );
    await raw(`UPDATE ${collection} SET doc_json_seq = NULL`);
    const built = await both(collection, options);
    return { stored, verified, built };
  };

  it.each(COLLECTION_NAMES)('%s: the stored JSON is the built one, compact, tombstones too', async (name) => {
    const sample = samples[name] as DocOf<typeof name>;
    await write(name, sample);
    const { rows } = await raw(
      `SELECT doc_json, doc_json_seq, doc_json_shape, server_seq FROM ${name} WHERE id = $1`,
      [sample.id],
    );
    expect(rows[0]?.doc_json_seq).toBe(rows[0]?.server_seq);
    expect(rows[0]?.doc_json_shape).toBe(documentShape(name));
    const { stored, verified, built } = await storedAndBuilt(name, sample.id);
    expect(stored.page.json).toBe(`[${String(rows[0]?.doc_json)}]`);
    expect(stored.page.json).not.toContain('" : ');
    expect(verified.json).toBe(stored.page.json);
    expect(JSON.parse(stored.page.json)).toEqual(stored.validated);
    expect(JSON.parse(built.page.json)).toEqual(stored.validated);
    expect(built.page.json).not.toBe(stored.page.json); // built by SQL (spaced), not served from the column

    await write(name, sample, { deleted: true });
    const gone = await storedAndBuilt(name, sample.id);
    expect(JSON.parse(gone.stored.page.json)).toEqual([{ ...gone.stored.validated[0], _deleted: true }]);
    expect(JSON.parse(gone.built.page.json)).toEqual(gone.stored.validated);
  });

  /** Sets columns of a row as the owner with the forget trigger off: a stored JSON no writer would leave. */
  const tamper = (table: string, set: string, id: string) =>
    t.db.privileged(async (c) => {
      await c.query(`ALTER TABLE ${table} DISABLE TRIGGER ${table}_forget_doc_json`);
      await c.query(`UPDATE ${table} SET ${set} WHERE id = $1`, [id]);
      await c.query(`ALTER TABLE ${table} ENABLE TRIGGER ${table}_forget_doc_json`);
    });
  const pulled = async (verifyStored = false) =>
    JSON.parse(
      (
        await t.db.withIdentity(tenant.system, (c) =>
          readDocumentsJson(c, 'customers', {
            where: 'organization_id = $1 AND id = $2',
            params: [tenant.organizationId, tenant.customerId],
            verifyStored,
          }),
        )
      ).json,
    ) as Array<Record<string, unknown>>;

  it('serves the stored JSON while its server_seq and shape match; a shape change is a miss', async () => {
    await write('customers', samples.customers);
    await tamper(
      'customers',
      `doc_json = jsonb_set(doc_json::jsonb, '{name}', '"Cache"')::text`,
      tenant.customerId,
    );
    expect((await pulled())[0]?.name).toBe('Cache');
    // The verification mode sees through it.
    await expect(pulled(true)).rejects.toMatchObject({
      code: 'stored_json_stale',
      details: { id: tenant.customerId },
    });
    // JSON stored for another document shape (a field added since) is never served.
    await tamper('customers', `doc_json_shape = 'a-former-shape'`, tenant.customerId);
    expect((await pulled())[0]?.name).toBe(samples.customers.name);
    expect(await pulled(true)).toEqual(await pulled());
  });

  it('never serves JSON older than the row: server writes, raw updates, child rewrites, tombstones', async () => {
    await write('customers', samples.customers);
    const current = async () => {
      const found = await read('customers', tenant.customerId);
      return [{ ...found!.doc, _deleted: found!.deleted }];
    };
    // A server-side update of the parent that stores no JSON (a data migration, a manual fix) forgets it.
    await raw(`UPDATE customers SET name = 'Renomeada' WHERE id = $1`, [tenant.customerId]);
    expect(
      (await raw('SELECT doc_json FROM customers WHERE id = $1', [tenant.customerId])).rows[0]?.doc_json,
    ).toBeNull();
    expect(await pulled(true)).toEqual(await current());
    // Even one that takes a fresh server_seq without storing the JSON.
    await write('customers', samples.customers);
    await raw(`UPDATE customers SET mrr = 1, server_seq = server_seq + 1000 WHERE id = $1`, [
      tenant.customerId,
    ]);
    expect((await pulled(true))[0]?.mrrCents).toBe(100);
    // A write through the mapper that only changes children stores the new JSON with its new server_seq.
    const contacts = samples.customers.contacts.slice(1);
    const written = await write('customers', { ...samples.customers, contacts });
    expect((await pulled(true))[0]).toEqual({ ...written, _deleted: false });
    expect(await pulled()).toEqual(await current());
    // A tombstone is stored too.
    await write('customers', samples.customers, { deleted: true });
    expect((await pulled(true))[0]?._deleted).toBe(true);
  });

  it('keeps cents exact and instants canonical (UTC, milliseconds truncated as pg-types does)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 1_000_000_000_000 }),
        fc.integer({ min: 0, max: 999_999 }),
        async (cents, micros) => {
          await write('customers', { ...samples.customers, mrrCents: cents });
          const instant = `2026-03-01 10:00:00.${String(micros).padStart(6, '0')}-03`;
          await raw('UPDATE customers SET last_login_at = $1 WHERE id = $2', [instant, tenant.customerId]);
          const { validated, page } = await t.db.withIdentity(tenant.system, async (c) => {
            await c.query(`SET LOCAL TIME ZONE 'Asia/Tokyo'`);
            return {
              validated: (
                await readDocuments(c, 'customers', { ...all, params: [tenant.organizationId] })
              ).map((s) => ({ ...s.doc, _deleted: s.deleted })),
              page: await readDocumentsJson(c, 'customers', { ...all, params: [tenant.organizationId] }),
            };
          });
          expect(JSON.parse(page.json)).toEqual(validated);
          expect(validated.find((d) => d.id === tenant.customerId)?.mrrCents).toBe(cents);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('pages with where, params and limit like readDocuments; an empty page is []', async () => {
    for (let i = 0; i < 5; i++) await write('actions', { ...samples.actions, id: uuidv7(), priority: i + 1 });
    const where = { where: 'organization_id = $1 AND server_seq > $2', params: [tenant.organizationId] };
    const first = await both('actions', { ...where, params: [...where.params, 0], limit: 2 });
    expect(JSON.parse(first.page.json)).toEqual(first.validated);
    expect(first.page.count).toBe(2);
    const rest = await both('actions', {
      ...where,
      params: [...where.params, first.page.lastSeq],
      limit: 10,
    });
    expect(JSON.parse(rest.page.json)).toEqual(rest.validated);
    expect(rest.page.count).toBe(3);
    const none = await both('actions', { ...where, params: [...where.params, rest.page.lastSeq], limit: 10 });
    expect(none.page).toEqual({ json: '[]', count: 0, lastSeq: null });
  });
});

describe('row mapper refusals', () => {
  it('refuses an invalid document and writes nothing', async () => {
    const bad = { ...samples.invoices, amountCents: 12.5 };
    await expect(write('invoices', bad)).rejects.toMatchObject({ code: 'invalid_document' });
    expect((await raw('SELECT count(*) AS n FROM invoices')).rows[0]?.n).toBe(0);
  });

  it('refuses duplicate child ids in one document', async () => {
    const [payment] = samples.invoices.payments;
    const doubled = { ...samples.invoices, payments: [payment!, payment!] };
    await expect(write('invoices', doubled)).rejects.toMatchObject({ code: 'invalid_document' });
  });

  it('refuses to move a child that belongs to another parent', async () => {
    await write('invoices', samples.invoices);
    const thief = { ...samples.invoices, id: uuidv7(), payments: [samples.invoices.payments[0]!] };
    await expect(write('invoices', thief)).rejects.toMatchObject({ code: 'child_id_conflict' });
    const original = await read('invoices', samples.invoices.id);
    expect(original?.doc.payments).toHaveLength(2);
  });

  it('rejects a stored row that no longer parses, naming it', async () => {
    await write('customers', minimalCustomer(uuidv7(), 'Sem Nome', null, NOW));
    await t.db.privileged((c) => c.query(`UPDATE customers SET name = '   ' WHERE name = 'Sem Nome'`));
    await expect(
      t.db.withIdentity(tenant.system, (c) => readDocuments(c, 'customers', { where: `name = '   '` })),
    ).rejects.toMatchObject({ code: 'stored_document_invalid' });
  });
});
