import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { fixture } from '../../sync/testing/fixtures.ts';
import { createTestDatabase, createTestTenant, type TestDatabase, type TestTenant } from '../db/testing.ts';
import { syncHarness, type SyncHarness } from '../sync/testing.ts';
import { pgChatSource } from './routes.ts';

/**
 * A chat with the agency on PostgreSQL (issue 17 item 6): a `tickets` row with `channel: 'chat'` pushed by the
 * client through the real sync routes is pulled by the CSM (and announced on the change feed, which the live
 * stream relays), the CSM's reply is pulled by the client; no SLA deadline is stored; the channel cannot be
 * changed by anyone; and the presence source reads the customer's chats under the caller's identity (RLS).
 */

let t: TestDatabase;
let a: TestTenant;
let b: TestTenant;
let harness: SyncHarness;
const now = new Date('2026-12-07T15:00:00.000Z'); // Monday 12:00 in São Paulo

beforeAll(async () => {
  t = await createTestDatabase();
  harness = syncHarness(t.db, () => now);
}, 120_000);
afterAll(() => t?.close());
beforeEach(async () => {
  await t.truncateAll();
  a = await createTestTenant(t.db, { now });
  b = await createTestTenant(t.db, { now, name: 'Outra' });
});

const create = (doc: Record<string, unknown>) => [{ assumedMasterState: null, newDocumentState: doc }];
const update = (master: Record<string, unknown>, doc: Record<string, unknown>) => [
  { assumedMasterState: master, newDocumentState: doc },
];
const message = (senderType: 'client' | 'support', senderId: string, createdAt: string, body = 'Oi') => ({
  id: uuidv7(),
  senderType,
  senderId,
  senderName: senderType === 'client' ? 'Pedro' : 'Maria',
  body,
  createdAt,
});

async function clientChat(tenant: TestTenant, createdAt = '2026-12-07T14:50:00.000Z') {
  const id = uuidv7();
  const chat = {
    ...fixture('tickets', id, { customerId: tenant.customerId, userId: tenant.client.userId! }),
    number: null,
    subject: 'Chat',
    description: '',
    channel: 'chat',
    slaDeadline: null,
    messages: [message('client', tenant.client.userId!, createdAt, 'Olá, podem ajudar?')],
    createdAt,
    _deleted: false,
  };
  expect((await harness.push(tenant.client, 'tickets', create(chat))).body.rejected).toEqual([]);
  return id;
}

const pulled = async (tenant: TestTenant, who: 'csm' | 'client', id: string) =>
  (await harness.pull(tenant[who], 'tickets')).body.documents.find((d) => d.id === id)!;

describe('a chat through the sync routes on PostgreSQL', () => {
  it("the client's message reaches the CSM and the CSM's reply the client; no SLA, channel kept", async () => {
    const id = await clientChat(a);
    expect(
      harness.changes.some((c) => c.collection === 'tickets' && c.documents.some((d) => d.id === id)),
    ).toBe(true);
    const atCsm = await pulled(a, 'csm', id);
    expect(atCsm).toMatchObject({ channel: 'chat', slaDeadline: null, status: 'open' });
    expect(atCsm.number).toEqual(expect.any(Number));
    expect((atCsm.messages as { body: string }[]).map((m) => m.body)).toEqual(['Olá, podem ajudar?']);

    const reply = message(
      'support',
      a.csm.userId!,
      '2026-12-07T14:52:00.000Z',
      'Claro! Em que posso ajudar?',
    );
    const answer = await harness.push(
      a.csm,
      'tickets',
      update(atCsm, { ...atCsm, messages: [...(atCsm.messages as object[]), reply] }),
    );
    expect(answer.body).toEqual({ conflicts: [], rejected: [] });
    const atClient = await pulled(a, 'client', id);
    expect((atClient.messages as { body: string }[]).map((m) => m.body)).toEqual([
      'Olá, podem ajudar?',
      'Claro! Em que posso ajudar?',
    ]);
    expect(atClient).toMatchObject({ channel: 'chat', slaDeadline: null, firstResponseAt: reply.createdAt });
    // Another customer's client and another organization never see it.
    expect((await harness.pull(a.otherClient, 'tickets')).body.documents.map((d) => d.id)).not.toContain(id);
    expect((await harness.pull(b.csm, 'tickets')).body.documents.map((d) => d.id)).not.toContain(id);
  });

  it.each([
    ['the client', 'client'],
    ['the CSM', 'csm'],
  ] as const)('%s cannot turn the chat into a ticket (the stored channel stays chat)', async (_, who) => {
    const id = await clientChat(a);
    const master = await pulled(a, who, id);
    const answer = await harness.push(a[who], 'tickets', update(master, { ...master, channel: 'ticket' }));
    expect(answer.body.rejected.map((r) => r.id)).toEqual([id]);
    const stored = await t.db.privileged(
      async (c) => (await c.query('SELECT channel FROM tickets WHERE id = $1', [id])).rows,
    );
    expect(stored).toEqual([{ channel: 'chat' }]);
  });
});

describe('pgChatSource', () => {
  it("reads the customer's account manager, time zone and chat messages since the window, as the caller", async () => {
    const id = await clientChat(a);
    const master = await pulled(a, 'csm', id);
    const reply = message('support', a.csm.userId!, '2026-12-07T14:52:00.000Z');
    await harness.push(
      a.csm,
      'tickets',
      update(master, { ...master, messages: [...(master.messages as object[]), reply] }),
    );
    // An ordinary ticket's messages are not the chat's.
    const ticketId = uuidv7();
    await harness.push(
      a.client,
      'tickets',
      create({
        ...fixture('tickets', ticketId, { customerId: a.customerId, userId: a.client.userId! }),
        number: null,
        createdAt: '2026-12-07T14:00:00.000Z',
        _deleted: false,
      }),
    );
    const source = pgChatSource(t.db);
    const since = new Date('2026-11-07T15:00:00.000Z');
    for (const who of [a.client, a.csm, a.admin]) {
      const data = await source.read(who, a.customerId, since);
      expect(data).toEqual({
        timeZone: 'America/Sao_Paulo',
        accountManagerId: a.csm.userId,
        chats: [
          [
            { senderType: 'client', createdAt: '2026-12-07T14:50:00.000Z' },
            { senderType: 'support', createdAt: '2026-12-07T14:52:00.000Z' },
          ].sort((x, y) => x.createdAt.localeCompare(y.createdAt)),
        ],
      });
    }
    // Messages before the window are left out.
    expect((await source.read(a.csm, a.customerId, new Date('2026-12-07T14:51:00.000Z')))?.chats).toEqual([
      [{ senderType: 'support', createdAt: '2026-12-07T14:52:00.000Z' }],
    ]);
  });

  it("is null for a customer the caller cannot see (another customer's client, another organization)", async () => {
    await clientChat(a);
    const since = new Date('2026-11-07T15:00:00.000Z');
    const source = pgChatSource(t.db);
    expect(await source.read(a.otherClient, a.customerId, since)).toBeNull();
    expect(await source.read(b.csm, a.customerId, since)).toBeNull();
    expect(await source.read(b.admin, a.customerId, since)).toBeNull();
    expect((await source.read(a.otherClient, a.otherCustomerId, since))?.chats).toEqual([]);
  });
});
