import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import type { CollectionName } from '../../shared/collections/index.ts';
import { slaDeadline } from '../../shared/domain/portal/sla.ts';
import { fixture } from '../../sync/testing/fixtures.ts';
import {
  createTestDatabase,
  createTestTenant,
  minimalCustomer,
  type TestDatabase,
  type TestTenant,
} from '../db/testing.ts';
import type { UserIdentity } from '../../shared/identity.ts';
import { syncHarness, type SyncHarness } from './testing.ts';

let t: TestDatabase;
let a: TestTenant;
let b: TestTenant;
const now = new Date('2026-11-21T12:00:00.000Z');
let harness: SyncHarness;

beforeAll(async () => {
  t = await createTestDatabase();
  harness = syncHarness(t.db, () => now);
});
afterAll(() => t?.close());
beforeEach(async () => {
  await t.truncateAll();
  a = await createTestTenant(t.db, { now });
  b = await createTestTenant(t.db, { name: 'Outra Agência', now });
});

const pull = (identity: UserIdentity, collection: CollectionName, seq = 0) =>
  harness.pull(identity, collection, seq);
const push = (identity: UserIdentity, collection: CollectionName, rows: unknown) =>
  harness.push(identity, collection, rows);
/** Every stored row of every synced table, byte for byte, for "nothing changed" assertions. */
const snapshot = () =>
  t.db.privileged(async (c) => {
    const tables = [
      'customers',
      'customer_contacts',
      'contracts',
      'tickets',
      'ticket_messages',
      'health',
      'goals',
    ];
    const out: Record<string, unknown> = {};
    for (const table of tables)
      out[table] = (await c.query(`SELECT row_to_json(x)::text AS r FROM ${table} x ORDER BY 1`)).rows;
    return out;
  });

/** A client-opened ticket, before the server assigns its number. */
const clientTicket = (customerId: string, createdBy: string | null) =>
  ({
    ...fixture('tickets', uuidv7()),
    customerId,
    createdBy,
    number: null,
    messages: [],
    _deleted: false,
  }) as unknown as Record<string, unknown> & { id: string };

const newCustomer = (name: string) => ({ ...minimalCustomer(uuidv7(), name, null, now), _deleted: false });

describe('PostgreSQL sync store through the sync routes', () => {
  it('a created customer gets a server_seq, derived MRR/ARR, and reaches another staff member', async () => {
    const doc = newCustomer('Padaria Pão Quente LTDA');
    doc.contracts = [
      {
        id: uuidv7(),
        name: 'Plano Pro Anual',
        contractNumber: 'CTR-2026-0001',
        status: 'active',
        monthlyValueCents: 450_000,
        totalValueCents: 5_400_000,
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
      },
    ];
    doc.mrrCents = 1; // server-owned: ignored, derived from the active contract
    const res = await push(a.csm, 'customers', [{ assumedMasterState: null, newDocumentState: doc }]);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ conflicts: [], rejected: [] });
    const seen = (await pull(a.admin, 'customers')).body.documents.find((d) => d.id === doc.id)!;
    expect(seen).toMatchObject({ mrrCents: 450_000, arrCents: 5_400_000, _deleted: false });
    expect(seen.serverSeq).toBeGreaterThan(0);
  });

  it('a retried batch writes nothing twice; a stale assumed state gets the current master as a conflict', async () => {
    const doc = newCustomer('Mercado Sol LTDA');
    const rows = [{ assumedMasterState: null, newDocumentState: doc }];
    await push(a.csm, 'customers', rows);
    const before = await snapshot();
    const retry = await push(a.csm, 'customers', rows);
    expect(retry.status).toBe(200);
    expect(await snapshot()).toEqual(before);
    expect(retry.body.rejected).toEqual([]);
    const master = (await pull(a.csm, 'customers')).body.documents.find((d) => d.id === doc.id)!;
    const stale = { ...doc, serverSeq: 0 };
    const edit = await push(a.csm, 'customers', [
      { assumedMasterState: stale, newDocumentState: { ...doc, totalSeats: 9 } },
    ]);
    expect(edit.body.conflicts).toEqual([master]);
  });

  it('another organization pulls nothing of this one, for every collection it may sync', async () => {
    for (const collection of ['customers', 'health', 'signals', 'activities', 'tickets'] as const) {
      const res = await pull(b.admin, collection);
      expect(res.status).toBe(200);
      expect(
        res.body.documents.filter((d) => d.id === a.customerId || d.customerId === a.customerId),
      ).toEqual([]);
    }
    expect((await pull(b.admin, 'customers')).body.documents).toHaveLength(2);
  });

  it('a client user pulls only their own customer and never staff-only collections', async () => {
    const customers = (await pull(a.client, 'customers')).body.documents;
    expect(customers.map((d) => d.id)).toEqual([a.customerId]);
    for (const collection of ['health', 'signals', 'activities'] as const) {
      expect((await pull(a.client, collection)).status).toBeGreaterThanOrEqual(400);
    }
  });

  it("a client ticket is stored with its number and the shared SLA rule's deadline, and comes back on pull", async () => {
    const opened = clientTicket(a.customerId, a.client.userId!);
    const ticket = { ...opened, priority: 'urgent', slaDeadline: null };
    const ok = await push(a.client, 'tickets', [{ assumedMasterState: null, newDocumentState: ticket }]);
    expect(ok.body).toEqual({ conflicts: [], rejected: [] });
    const expected = slaDeadline({ priority: 'urgent', createdAt: String(opened.createdAt) });
    const mine = (await pull(a.client, 'tickets')).body.documents.find((d) => d.id === ticket.id)!;
    expect(mine).toMatchObject({ number: 2801, slaDeadline: expected });
    const stored = await t.db.privileged(
      async (c) =>
        (await c.query<{ sla: string }>('SELECT sla_deadline AS sla FROM tickets WHERE id = $1', [ticket.id]))
          .rows,
    );
    expect(stored.map((r) => Date.parse(r.sla))).toEqual([Date.parse(expected)]);
    // A retried push (the lost-response case) writes nothing twice.
    const retry = await push(a.client, 'tickets', [{ assumedMasterState: null, newDocumentState: ticket }]);
    expect(retry.body).toEqual({ conflicts: [], rejected: [] });
    expect((await pull(a.client, 'tickets')).body.documents.find((d) => d.id === ticket.id)).toEqual(mine);
  });

  it('a client ticket gets a server-assigned number and reaches staff; a forged customer is rejected unchanged', async () => {
    const ticket = clientTicket(a.customerId, a.client.userId!);
    const ok = await push(a.client, 'tickets', [{ assumedMasterState: null, newDocumentState: ticket }]);
    expect(ok.body.rejected).toEqual([]);
    const staffView = (await pull(a.csm, 'tickets')).body.documents.find((d) => d.id === ticket.id)!;
    expect(staffView.number).toBe(2801);

    const before = await snapshot();
    const forged = { ...ticket, id: uuidv7(), customerId: a.otherCustomerId };
    const res = await push(a.client, 'tickets', [{ assumedMasterState: null, newDocumentState: forged }]);
    expect(res.body.rejected.map((r) => r.id)).toEqual([forged.id]);
    expect(res.body.conflicts.map((d) => d.id)).toEqual([forged.id]);
    expect(await snapshot()).toEqual(before);
  });

  it("a client cannot overwrite another customer's row by reusing its id (hidden by RLS)", async () => {
    const hidden = clientTicket(a.otherCustomerId, a.otherClient.userId!);
    await push(a.otherClient, 'tickets', [{ assumedMasterState: null, newDocumentState: hidden }]);
    const before = await snapshot();
    const attack = { ...hidden, customerId: a.customerId, createdBy: a.client.userId, subject: 'Sequestro' };
    const res = await push(a.client, 'tickets', [{ assumedMasterState: null, newDocumentState: attack }]);
    expect(res.status).toBe(200);
    expect(res.body.rejected).toEqual([expect.objectContaining({ id: hidden.id, code: 'forbidden' })]);
    expect(await snapshot()).toEqual(before);
  });

  it('deletes replicate as tombstones', async () => {
    const doc = newCustomer('Some Ltda');
    await push(a.csm, 'customers', [{ assumedMasterState: null, newDocumentState: doc }]);
    const master = (await pull(a.csm, 'customers')).body.documents.find((d) => d.id === doc.id)!;
    await push(a.csm, 'customers', [
      { assumedMasterState: master, newDocumentState: { ...master, _deleted: true } },
    ]);
    const after = (await pull(a.admin, 'customers', Number(master.serverSeq))).body.documents;
    expect(after).toEqual([expect.objectContaining({ id: doc.id, _deleted: true })]);
  });

  it('pull pages in server_seq order and a checkpoint never skips a row', async () => {
    for (let i = 0; i < 5; i++)
      await push(a.csm, 'customers', [
        { assumedMasterState: null, newDocumentState: newCustomer(`Cliente ${i}`) },
      ]);
    const all = (await pull(a.csm, 'customers')).body.documents.map((d) => Number(d.serverSeq));
    expect([...all].sort((x, y) => x - y)).toEqual(all);
    expect(all).toHaveLength(7);
  });
});
