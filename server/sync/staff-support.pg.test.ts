import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { answerMeetingRequest } from '../../shared/domain/portal/meeting-request.ts';
import { meetingSchema } from '../../shared/entities/support.ts';
import { fixture } from '../../sync/testing/fixtures.ts';
import { createTestDatabase, createTestTenant, type TestDatabase, type TestTenant } from '../db/testing.ts';
import { syncHarness, type SyncHarness } from './testing.ts';

/**
 * The staff side of tickets and meetings through the real sync routes on PostgreSQL (protocol 3): internal
 * notes (`activities.ticketId`) stay with staff, the first support reply stamps `firstResponseAt` in SQL as
 * the shared write rule derives it, and a meeting answer round-trips to the client.
 */

let t: TestDatabase;
let a: TestTenant;
let harness: SyncHarness;
const now = new Date('2026-11-21T12:00:00.000Z');

beforeAll(async () => {
  t = await createTestDatabase();
  harness = syncHarness(t.db, () => now);
});
afterAll(() => t?.close());
beforeEach(async () => {
  await t.truncateAll();
  a = await createTestTenant(t.db, { now });
});

const create = (doc: Record<string, unknown>) => [{ assumedMasterState: null, newDocumentState: doc }];
const update = (master: Record<string, unknown>, doc: Record<string, unknown>) => [
  { assumedMasterState: master, newDocumentState: doc },
];
const row = <T>(sql: string, params: unknown[]) =>
  t.db.privileged(async (c) => (await c.query(sql, params)).rows as T[]);

async function clientTicket() {
  const id = uuidv7();
  const ticket = {
    ...fixture('tickets', id, { customerId: a.customerId, userId: a.client.userId! }),
    number: null,
    messages: [
      {
        id: uuidv7(),
        senderType: 'client',
        senderId: a.client.userId,
        senderName: 'Cliente',
        body: 'O relatório não abre.',
        createdAt: '2026-11-21T11:00:00.000Z',
      },
    ],
    createdAt: '2026-11-21T11:00:00.000Z',
    _deleted: false,
  };
  expect((await harness.push(a.client, 'tickets', create(ticket))).body.rejected).toEqual([]);
  return (await harness.pull(a.csm, 'tickets')).body.documents.find((d) => d.id === id)!;
}

describe('staff support on PostgreSQL', () => {
  it('an internal note is stored with its ticket, reaches other staff, and never a client', async () => {
    const ticket = await clientTicket();
    const noteId = uuidv7();
    const note = {
      ...fixture('activities', noteId, { customerId: a.customerId }),
      type: 'note',
      title: 'Nota interna',
      description: 'Cliente ligou irritado; priorizar.',
      performedBy: a.csm.userId,
      ticketId: ticket.id,
      _deleted: false,
    };
    expect((await harness.push(a.csm, 'activities', create(note))).body).toEqual({
      conflicts: [],
      rejected: [],
    });
    const seen = (await harness.pull(a.admin, 'activities')).body.documents.find((d) => d.id === noteId);
    expect(seen).toMatchObject({ ticketId: ticket.id, type: 'note' });
    expect(await row('SELECT ticket_id FROM activities WHERE id = $1', [noteId])).toEqual([
      { ticket_id: ticket.id },
    ]);
    expect((await harness.pull(a.client, 'activities')).status).toBe(403);
    // The client's ticket carries nothing of the note.
    const clientView = (await harness.pull(a.client, 'tickets')).body.documents.find(
      (d) => d.id === ticket.id,
    );
    expect(JSON.stringify(clientView)).not.toContain('priorizar');
  });

  it('SQL refuses a ticket on anything but a note (the invariant, twice)', async () => {
    const callId = uuidv7();
    const call = { ...fixture('activities', callId, { customerId: a.customerId }), ticketId: uuidv7() };
    const res = await harness.push(a.csm, 'activities', create({ ...call, _deleted: false }));
    expect(res.body.rejected).toEqual([expect.objectContaining({ id: callId, code: 'field_not_writable' })]);
    await expect(
      row(
        `INSERT INTO activities (organization_id, id, server_seq, created_at, updated_at, client_updated_at,
           customer_id, type, title, occurred_at, metadata, ticket_id)
         VALUES ($1, $2, 999999, now(), now(), now(), $3, 'call', 'x', now(), '{}', $4)`,
        [a.organizationId, uuidv7(), a.customerId, uuidv7()],
      ),
    ).rejects.toMatchObject({ code: '23514' });
  });

  it('the first staff reply stamps first_response_at with the reply time; the client pulls the reply', async () => {
    const ticket = await clientTicket();
    const reply = {
      id: uuidv7(),
      senderType: 'support',
      senderId: a.csm.userId,
      senderName: 'Maria Santos',
      body: 'Já estamos verificando.',
      createdAt: '2026-11-21T11:30:00.000Z',
    };
    const next = {
      ...ticket,
      status: 'in_progress',
      assignedTo: a.csm.userId,
      messages: [...(ticket.messages as unknown[]), reply],
    };
    expect((await harness.push(a.csm, 'tickets', update(ticket, next))).body).toEqual({
      conflicts: [],
      rejected: [],
    });
    const [stored] = await row<{ first: Date | string }>(
      'SELECT first_response_at AS first FROM tickets WHERE id = $1',
      [ticket.id],
    );
    expect(new Date(stored!.first).toISOString()).toBe(reply.createdAt);
    const clientView = (await harness.pull(a.client, 'tickets')).body.documents.find(
      (d) => d.id === ticket.id,
    )!;
    expect(clientView).toMatchObject({ status: 'in_progress', firstResponseAt: reply.createdAt });
    expect(clientView.messages).toEqual(expect.arrayContaining([expect.objectContaining({ id: reply.id })]));
  });

  it("a client's reschedule request answered by staff reaches the client's pull", async () => {
    const meetingId = uuidv7();
    const meeting = {
      ...fixture('meetings', meetingId, { customerId: a.customerId }),
      accountManagerId: a.csm.userId,
      _deleted: false,
    };
    await harness.push(a.csm, 'meetings', create(meeting));
    let master = (await harness.pull(a.client, 'meetings')).body.documents.find((d) => d.id === meetingId)!;
    const request = {
      type: 'reschedule',
      proposedAt: '2026-11-26T18:30:00.000Z',
      reason: 'Viagem',
      requestedAt: '2026-11-21T10:00:00.000Z',
      requestedBy: a.client.userId,
    };
    expect(
      (await harness.push(a.client, 'meetings', update(master, { ...master, clientRequest: request }))).body,
    ).toEqual({ conflicts: [], rejected: [] });
    master = (await harness.pull(a.csm, 'meetings')).body.documents.find((d) => d.id === meetingId)!;
    const { _deleted: _d, ...entity } = master;
    const answer = answerMeetingRequest(
      meetingSchema.parse(entity),
      { kind: 'accept', message: 'Combinado' },
      { answeredBy: a.csm.userId!, now: now.toISOString() },
    );
    if (!answer.ok) throw new Error(answer.error);
    const res = await harness.push(a.csm, 'meetings', update(master, { ...master, ...answer.change }));
    expect(res.body).toEqual({ conflicts: [], rejected: [] });
    const clientView = (await harness.pull(a.client, 'meetings')).body.documents.find(
      (d) => d.id === meetingId,
    );
    expect(clientView).toMatchObject({
      scheduledAt: '2026-11-26T18:30:00.000Z',
      status: 'rescheduled',
      clientRequest: null,
      requestAnswer: { outcome: 'accepted', message: 'Combinado', answeredBy: a.csm.userId },
    });
  });
});
