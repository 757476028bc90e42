import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import type { Contract } from '../../shared/entities/customer.ts';
import { fixture } from '../../sync/testing/fixtures.ts';
import {
  nextServerSeqs,
  TABLE_SPECS,
  writeDocuments,
  type Database,
  type DbClient,
  type TransactionOptions,
} from '../db/index.ts';
import {
  createTestDatabase,
  createTestTenant,
  minimalCustomer,
  type TestDatabase,
  type TestTenant,
} from '../db/testing.ts';
import { snapshotSyncedRows, syncHarness, type SyncHarness } from './testing.ts';
import type { Identity } from '../../shared/identity.ts';

/**
 * The batched push path of the PostgreSQL store (pg-store.ts, push-write.ts, push-derived.ts): one lock, one
 * read, one block of server_seqs and one write per batch, with every per-row outcome still exact.
 */
let t: TestDatabase;
let a: TestTenant;
let clock: Date;
let sync: SyncHarness;
const NOON = new Date('2026-11-21T12:00:00.000Z');

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.close());
beforeEach(async () => {
  await t.truncateAll();
  clock = NOON;
  a = await createTestTenant(t.db, { now: NOON });
  sync = syncHarness(t.db, () => clock);
});

type Doc = Record<string, unknown> & { id: string };

const newTicket = (customerId: string, createdBy: string | null, extra: Partial<Doc> = {}): Doc =>
  ({
    ...fixture('tickets', uuidv7()),
    customerId,
    createdBy,
    number: null,
    messages: [],
    _deleted: false,
    ...extra,
  }) as unknown as Doc;

const newCustomer = (name: string, extra: Partial<Doc> = {}): Doc =>
  ({ ...minimalCustomer(uuidv7(), name, null, NOON), _deleted: false, ...extra }) as unknown as Doc;

const contact = (id: string) => ({
  ...(fixture('customers', uuidv7()) as unknown as { contacts: Doc[] }).contacts[0]!,
  id,
});

const contract = (over: Partial<Contract>): Contract => ({
  id: uuidv7(),
  name: 'Plano Pro',
  contractNumber: `CTR-${uuidv7().slice(-6)}`,
  status: 'active',
  monthlyValueCents: 0,
  totalValueCents: 0,
  currency: 'BRL',
  startDate: '2026-01-01',
  endDate: '2027-01-01',
  billingCycle: 'monthly',
  renewalType: 'auto_renew',
  renewalNotificationDays: 30,
  items: [],
  documentUrl: null,
  signedAt: null,
  signedBy: null,
  previousContractId: null,
  ...over,
});

const create = (doc: Doc) => ({ assumedMasterState: null, newDocumentState: doc });
const storedRow = (table: string, id: string) =>
  t.db.privileged(
    async (c) =>
      (await c.query(`SELECT row_to_json(x)::text AS r FROM ${table} x WHERE id = $1`, [id])).rows[0],
  );
const masterOf = async (collection: 'customers' | 'tickets', id: string) =>
  (await sync.pull(a.admin, collection)).body.documents.find((d) => d.id === id)!;

describe('batched push', () => {
  it('one batch with accepted, conflicting, hidden-id and invalid rows answers each row and writes only the accepted ones; a retry changes nothing', async () => {
    const hidden = newTicket(a.otherCustomerId, a.otherClient.userId!);
    await sync.push(a.otherClient, 'tickets', [create(hidden)]);
    const mine = newTicket(a.customerId, a.client.userId!);
    await sync.push(a.client, 'tickets', [create(mine)]);
    const mineMaster = await masterOf('tickets', mine.id);
    const hiddenBefore = await storedRow('tickets', hidden.id);
    const changesBefore = sync.changes.length;

    const first = newTicket(a.customerId, a.client.userId!, { subject: 'Primeiro' });
    const second = newTicket(a.customerId, a.client.userId!, { subject: 'Segundo' });
    const invalid = newTicket(a.customerId, a.client.userId!, { priority: 'urgentíssimo' });
    const batch = [
      create(first),
      // Based on an outdated master: must come back as a conflict, unwritten.
      {
        assumedMasterState: { ...mineMaster, serverSeq: 1 },
        newDocumentState: { ...mineMaster, description: 'Editado offline' },
      },
      // Another customer's ticket id, hidden by RLS: forbidden, and it stays exactly as it was.
      create({ ...hidden, customerId: a.customerId, createdBy: a.client.userId, subject: 'Sequestro' }),
      create(invalid),
      create(second),
    ];
    const res = await sync.push(a.client, 'tickets', batch);
    expect(res.status).toBe(200);
    expect(res.body.rejected.map((r) => [r.id, r.code])).toEqual([
      [hidden.id, 'forbidden'],
      [invalid.id, 'invalid_document'],
    ]);
    expect(res.body.conflicts.map((d) => d.id)).toEqual([mine.id, hidden.id, invalid.id]);
    expect(res.body.conflicts[0]).toEqual(mineMaster);
    // The hidden row's answer is a tombstone of what the device sent: nothing of the real row leaks.
    expect(res.body.conflicts[1]).toMatchObject({ subject: 'Sequestro', serverSeq: 0, _deleted: true });
    expect(await storedRow('tickets', hidden.id)).toEqual(hiddenBefore);
    expect(await storedRow('tickets', invalid.id)).toBeUndefined();
    expect(await masterOf('tickets', mine.id)).toEqual(mineMaster);

    const [one, two] = [await masterOf('tickets', first.id), await masterOf('tickets', second.id)];
    expect([one.number, two.number]).toEqual([2803, 2804]);
    expect(Number(two.serverSeq)).toBe(Number(one.serverSeq) + 1);
    expect(Number(one.serverSeq)).toBeGreaterThan(Number(mineMaster.serverSeq));
    expect(sync.changes.slice(changesBefore).map((c) => c.documents.map((d) => d.id))).toEqual([
      [first.id, second.id],
    ]);

    const before = await snapshotSyncedRows(t.db);
    const retry = await sync.push(a.client, 'tickets', batch);
    expect(retry).toEqual(res);
    expect(await snapshotSyncedRows(t.db)).toEqual(before);
    expect(sync.changes.length).toBe(changesBefore + 1);
  });

  it('a push batch of one valid edit and one row naming an unknown user answers 200: the edit is stored, the other row comes back rejected', async () => {
    const ticket = newTicket(a.customerId, a.csm.userId!);
    await sync.push(a.csm, 'tickets', [create(ticket)]);
    const master = await masterOf('tickets', ticket.id);
    const changesBefore = sync.changes.length;

    const unknownUser = uuidv7();
    const stranger = newTicket(a.customerId, a.csm.userId!, { assignedTo: unknownUser });
    const batch = [
      { assumedMasterState: master, newDocumentState: { ...master, priority: 'urgent' } },
      create(stranger),
    ];
    const res = await sync.push(a.csm, 'tickets', batch);
    expect(res.status).toBe(200);
    expect(res.body.rejected).toEqual([
      { id: stranger.id, code: 'invalid_document', message: expect.stringContaining('assignedTo') },
    ]);
    // The rejected row's master state: a tombstone of what the device sent, so the device converges.
    expect(res.body.conflicts).toEqual([
      expect.objectContaining({ id: stranger.id, assignedTo: unknownUser, serverSeq: 0, _deleted: true }),
    ]);
    expect(await masterOf('tickets', ticket.id)).toMatchObject({ priority: 'urgent', number: master.number });
    expect(await storedRow('tickets', stranger.id)).toBeUndefined();
    expect(sync.changes.slice(changesBefore).map((c) => c.documents.map((d) => d.id))).toEqual([[ticket.id]]);

    // The device retries the same queue (its response was lost): the same answer, nothing written twice.
    const before = await snapshotSyncedRows(t.db);
    const retry = await sync.push(a.csm, 'tickets', batch);
    expect(retry.status).toBe(200);
    expect(retry.body.rejected.map((r) => r.id)).toEqual([stranger.id]);
    expect(await snapshotSyncedRows(t.db)).toEqual(before);

    // Staff editing a meeting's account manager or a customer's CSM to someone unknown: the same answer.
    const customer = await masterOf('customers', a.customerId);
    const edited = await sync.push(a.admin, 'customers', [
      { assumedMasterState: customer, newDocumentState: { ...customer, csmId: unknownUser } },
    ]);
    expect(edited.status).toBe(200);
    expect(edited.body.rejected.map((r) => [r.id, r.code])).toEqual([[a.customerId, 'invalid_document']]);
    expect(edited.body.conflicts).toEqual([customer]);
  });

  it('a row that only fails when written (a contact id owned by another customer, or twice in the batch) is refused alone; the rest is written', async () => {
    const taken = uuidv7();
    const owner = newCustomer('Dona do Contato', { contacts: [contact(taken)] });
    await sync.push(a.csm, 'customers', [create(owner)]);
    const ownerBefore = {
      customer: await storedRow('customers', owner.id),
      contact: await storedRow('customer_contacts', taken),
    };
    const twice = uuidv7();
    const thief = newCustomer('Ladra de Contato', { contacts: [contact(taken)] });
    const fine = newCustomer('Tudo Certo');
    const firstOfTwo = newCustomer('Primeira', { contacts: [contact(twice)] });
    const secondOfTwo = newCustomer('Segunda', { contacts: [contact(twice)] });
    const changesBefore = sync.changes.length;

    const res = await sync.push(a.csm, 'customers', [thief, fine, firstOfTwo, secondOfTwo].map(create));
    expect(res.status).toBe(200);
    expect(res.body.rejected.map((r) => [r.id, r.code])).toEqual([
      [thief.id, 'forbidden'],
      [secondOfTwo.id, 'forbidden'],
    ]);
    expect(await storedRow('customers', thief.id)).toBeUndefined();
    expect(await storedRow('customers', secondOfTwo.id)).toBeUndefined();
    expect({
      customer: await storedRow('customers', owner.id),
      contact: await storedRow('customer_contacts', taken),
    }).toEqual(ownerBefore);
    const written = sync.changes.slice(changesBefore).flatMap((c) => c.documents);
    expect(written.map((d) => d.id)).toEqual([fine.id, firstOfTwo.id]);
    expect(written[1]!.serverSeq).toBeGreaterThan(written[0]!.serverSeq);
    expect((await masterOf('customers', firstOfTwo.id)).contacts).toEqual([contact(twice)]);
  });

  it("a ticket message id that already belongs to another customer's ticket (hidden by RLS) refuses only that ticket", async () => {
    const message = (id: string, senderId: string) => ({
      id,
      senderType: 'client',
      senderId,
      senderName: 'Cliente',
      body: 'Olá',
      createdAt: NOON.toISOString(),
    });
    const messageId = uuidv7();
    const hidden = newTicket(a.otherCustomerId, a.otherClient.userId!, {
      messages: [message(messageId, a.otherClient.userId!)],
    });
    expect((await sync.push(a.otherClient, 'tickets', [create(hidden)])).body.rejected).toEqual([]);
    const hiddenMessageBefore = await storedRow('ticket_messages', messageId);
    const thief = newTicket(a.customerId, a.client.userId!, {
      messages: [message(messageId, a.client.userId!)],
    });
    const fine = newTicket(a.customerId, a.client.userId!);

    const res = await sync.push(a.client, 'tickets', [create(thief), create(fine)]);
    expect(res.status).toBe(200);
    expect(res.body.rejected).toEqual([expect.objectContaining({ id: thief.id, code: 'forbidden' })]);
    expect(await storedRow('tickets', thief.id)).toBeUndefined();
    expect(await storedRow('ticket_messages', messageId)).toEqual(hiddenMessageBefore);
    // Renumbered one by one in the fallback: no hole where the refused ticket was.
    expect((await masterOf('tickets', fine.id)).number).toBe(2802);
  });

  it("derives every customer's lifetime value from its own approved payments, in one batch", async () => {
    const invoice = (customerId: string, deleted: boolean, payments: [number, string][]) => ({
      doc: {
        ...fixture('invoices', uuidv7(), { customerId }),
        payments: payments.map(([amountCents, status]) => ({
          id: uuidv7(),
          amountCents,
          method: 'pix',
          transactionId: null,
          gateway: null,
          status,
          paidAt: null,
          createdAt: NOON.toISOString(),
        })),
      },
      deleted,
    });
    const invoices = [
      invoice(a.customerId, false, [
        [123_456, 'approved'],
        [10_000, 'pending'],
      ]),
      invoice(a.customerId, false, [[1, 'approved']]),
      invoice(a.customerId, true, [[999_999, 'approved']]),
    ];
    await t.db.withIdentity(a.system, async (c) => {
      const seqs = await nextServerSeqs(c, a.organizationId, invoices.length);
      await writeDocuments(
        c,
        { organizationId: a.organizationId },
        'invoices',
        invoices.map((inv, k) => ({
          doc: inv.doc as never,
          server: { serverSeq: seqs[k]!, updatedAt: NOON.toISOString(), deleted: inv.deleted },
        })),
      );
    });
    const masters = [
      await masterOf('customers', a.customerId),
      await masterOf('customers', a.otherCustomerId),
    ];
    const res = await sync.push(
      a.csm,
      'customers',
      masters.map((m) => ({ assumedMasterState: m, newDocumentState: { ...m, notes: 'Revisado' } })),
    );
    expect(res.body).toEqual({ conflicts: [], rejected: [] });
    expect((await masterOf('customers', a.customerId)).lifetimeValueCents).toBe(123_457);
    expect((await masterOf('customers', a.otherCustomerId)).lifetimeValueCents).toBe(0);
  });

  it("decides which contracts are active on the organization's calendar day, not UTC's", async () => {
    // 23:30 on 21 Nov in São Paulo is already 22 Nov in UTC.
    clock = new Date('2026-11-22T02:30:00.000Z');
    const doc = newCustomer('Fuso Horário LTDA', {
      contracts: [
        contract({ monthlyValueCents: 100_000, startDate: '2026-01-01', endDate: '2026-11-21' }),
        contract({ monthlyValueCents: 7_000, startDate: '2026-11-22', endDate: '2027-11-21' }),
      ],
    });
    await sync.push(a.csm, 'customers', [create(doc)]);
    const master = await masterOf('customers', doc.id);
    expect(master).toMatchObject({ mrrCents: 100_000, arrCents: 1_200_000 });

    // The zone is the organization's setting: in UTC the same instant is the 22nd.
    await t.db.privileged((c) =>
      c.query("UPDATE organizations SET time_zone = 'UTC' WHERE id = $1", [a.organizationId]),
    );
    await sync.push(a.csm, 'customers', [
      { assumedMasterState: master, newDocumentState: { ...master, notes: 'Renovado' } },
    ]);
    const utc = await masterOf('customers', doc.id);
    expect(utc).toMatchObject({ mrrCents: 7_000, arrCents: 84_000 });

    // A zone Intl does not know must not block pushes: the product default (São Paulo) applies.
    await t.db.privileged((c) =>
      c.query("UPDATE organizations SET time_zone = 'Mars/Olympus_Mons' WHERE id = $1", [a.organizationId]),
    );
    await sync.push(a.csm, 'customers', [
      { assumedMasterState: utc, newDocumentState: { ...utc, notes: 'Fuso inválido' } },
    ]);
    expect(await masterOf('customers', doc.id)).toMatchObject({ mrrCents: 100_000, notes: 'Fuso inválido' });
  });

  it('costs the same statements for 3 rows as for 30, and no per-row savepoint for a hidden id', async () => {
    const statements: string[] = [];
    const counting: Database = {
      ...t.db,
      withIdentity: <T>(identity: Identity, fn: (c: DbClient) => Promise<T>, options?: TransactionOptions) =>
        t.db.withIdentity(
          identity,
          (c) =>
            fn({
              query: (text, params) => {
                statements.push(text.trim().split(/\s+/).slice(0, 2).join(' '));
                return c.query(text, params);
              },
            }),
          options,
        ),
    };
    const counted = syncHarness(counting, () => clock);
    const hidden = newTicket(a.otherCustomerId, a.otherClient.userId!);
    await sync.push(a.otherClient, 'tickets', [create(hidden)]);
    const cost = async (rows: unknown[]) => {
      statements.length = 0;
      const res = await counted.push(a.client, 'tickets', rows);
      expect(res.status).toBe(200);
      return [...statements];
    };
    const tickets = (n: number) =>
      Array.from({ length: n }, () => create(newTicket(a.customerId, a.client.userId!)));

    const small = await cost(tickets(3));
    expect(await cost(tickets(30))).toEqual(small);
    const withHidden = await cost([
      ...tickets(3),
      create({ ...hidden, customerId: a.customerId, createdBy: a.client.userId }),
    ]);
    expect(withHidden).toEqual(small);
    expect(small.filter((s) => /^SAVEPOINT/i.test(s))).toEqual(['SAVEPOINT arco_push_batch;']);
  });

  it("arco_existing_ids answers existence only, only in the caller's organization and only for synced tables", async () => {
    const b = await createTestTenant(t.db, { name: 'Outra Agência', now: NOON });
    const hidden = newTicket(a.otherCustomerId, a.otherClient.userId!);
    await sync.push(a.otherClient, 'tickets', [create(hidden)]);
    const ask = (identity: Identity, table: string, org: string, ids: string[]) =>
      t.db.withIdentity(identity, async (c) =>
        (
          await c.query<{ id: string }>('SELECT arco_existing_ids($1, $2, $3::uuid[]) AS id', [
            table,
            org,
            ids,
          ])
        ).rows.map((r) => r.id),
      );
    const unknown = uuidv7();
    expect(await ask(a.client, 'tickets', a.organizationId, [hidden.id, unknown])).toEqual([hidden.id]);
    await expect(ask(b.admin, 'tickets', a.organizationId, [hidden.id])).rejects.toMatchObject({
      code: '42501',
    });
    for (const spec of Object.values(TABLE_SPECS)) {
      expect(await ask(a.admin, spec.table, a.organizationId, [unknown])).toEqual([]);
    }
    for (const table of ['users', 'sessions', 'pg_authid', 'tickets; SELECT 1', 'public.tickets']) {
      await expect(ask(a.client, table, a.organizationId, [hidden.id])).rejects.toMatchObject({
        code: '22023',
      });
    }
  });
});
