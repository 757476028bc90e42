import { describe, expect, it } from 'vitest';
import type { CollectionName } from '../../shared/collections/index.ts';
import { slaDeadline } from '../../shared/domain/portal/sla.ts';
import type { TicketStatus } from '../../shared/entities/support.ts';
import type { PlainObject, SyncDocument } from '../documents.ts';
import {
  ADMIN,
  CUSTOMER_LOJA,
  CUSTOMER_TECHCORP,
  fixture,
  FIXTURE_USERS,
  LOJA_CLIENT,
  MARIA_CSM,
  ORG_A,
  T0,
  T1,
  T2,
  TECHCORP_CLIENT,
  uuid,
} from '../testing/fixtures.ts';
import { decidePush, referencedCustomerIds, referencedUserIds, type PushDecision } from './decide.ts';
import { withServerDerivation } from './server-fields.ts';
import type { UserIdentity } from '../../shared/identity.ts';

const NOW = '2026-11-21T10:00:00.000Z';
const ID = uuid(0x42);

const stored = (doc: PlainObject, serverSeq = 7, deleted = false): SyncDocument =>
  ({ ...doc, serverSeq, updatedAt: T1, _deleted: deleted }) as unknown as SyncDocument;

interface Case {
  collection: CollectionName;
  identity: UserIdentity;
  pushed: PlainObject;
  current?: SyncDocument | null;
  /** Defaults to the current master (an up-to-date device). */
  assumed?: PlainObject | null;
  customers?: string[];
  /** The organization's users among those the row names; defaults to every user of ORG_A. */
  users?: string[];
}

const ORG_A_USERS = FIXTURE_USERS.filter((u) => u.organizationId === ORG_A).map((u) => u.userId);

function decide(c: Case): PushDecision {
  const current = c.current ?? null;
  return decidePush(
    c.collection,
    {
      row: {
        assumedMasterState: (c.assumed === undefined ? current : c.assumed) as never,
        newDocumentState: { ...c.pushed } as never,
      },
      current,
      identity: c.identity,
      now: NOW,
      existingCustomerIds: new Set(c.customers ?? [CUSTOMER_TECHCORP, CUSTOMER_LOJA]),
      existingUserIds: new Set(c.users ?? ORG_A_USERS),
    },
    {},
  );
}

const techTicket = () =>
  fixture('tickets', ID, { customerId: CUSTOMER_TECHCORP, userId: TECHCORP_CLIENT.userId });
const newTicket = () => ({ ...techTicket(), serverSeq: 0, number: null, slaDeadline: null });

describe('decidePush: creates', () => {
  it('a client opens a ticket for their own customer; server-owned fields are not theirs to set', () => {
    const d = decide({
      collection: 'tickets',
      identity: TECHCORP_CLIENT,
      pushed: { ...newTicket(), number: 1, slaDeadline: T2, serverSeq: 999, updatedAt: T2 },
    });
    expect(d.kind).toBe('write');
    if (d.kind !== 'write') return;
    expect(d.document).toMatchObject({
      number: null,
      // The shared SLA rule's deadline (medium: 8 h after creation), whatever the device sent.
      slaDeadline: slaDeadline({ priority: 'medium', createdAt: T0 }),
      serverSeq: 0,
      updatedAt: NOW,
      _deleted: false,
    });
    expect(d.owner).toEqual({ organizationId: ORG_A, customerId: CUSTOMER_TECHCORP, userId: null });
  });

  it.each([
    ['another customer', { customerId: CUSTOMER_LOJA }, 'forbidden'],
    [
      'an assigned, already answered ticket',
      { assignedTo: MARIA_CSM.userId, firstResponseAt: T1 },
      'field_not_writable',
    ],
    ['someone else as author', { createdBy: LOJA_CLIENT.userId }, 'field_not_writable'],
  ])('a client cannot open a ticket for %s', (_, patch, code) => {
    const d = decide({
      collection: 'tickets',
      identity: TECHCORP_CLIENT,
      pushed: { ...newTicket(), ...patch },
    });
    expect(d).toMatchObject({ kind: 'rejected', code });
    // Converges to a tombstone of its own document: nothing about other tenants is revealed.
    if (d.kind === 'rejected') expect(d.master).toMatchObject({ id: ID, serverSeq: 0, _deleted: true });
  });

  it('a document claiming an organization (or any unknown field) is invalid', () => {
    const d = decide({
      collection: 'tickets',
      identity: TECHCORP_CLIENT,
      pushed: { ...newTicket(), organizationId: uuid(0xb0) },
    });
    expect(d).toMatchObject({ kind: 'rejected', code: 'invalid_document' });
    if (d.kind === 'rejected') expect(d.message).toMatch(/organizationId|Unrecognized/);
  });

  it('an invalid document is rejected with the first issues', () => {
    const d = decide({
      collection: 'tickets',
      identity: TECHCORP_CLIENT,
      pushed: { ...newTicket(), priority: 'asap' },
    });
    expect(d).toMatchObject({ kind: 'rejected', code: 'invalid_document' });
    if (d.kind === 'rejected') expect(d.message).toContain('priority');
  });

  it('staff create for a customer of their organization; an unknown customer is refused', () => {
    const invoice = { ...fixture('invoices', ID, { customerId: CUSTOMER_LOJA }), serverSeq: 0 };
    expect(decide({ collection: 'invoices', identity: MARIA_CSM, pushed: invoice }).kind).toBe('write');
    expect(
      decide({
        collection: 'invoices',
        identity: MARIA_CSM,
        pushed: invoice,
        customers: [CUSTOMER_TECHCORP],
      }),
    ).toMatchObject({
      kind: 'rejected',
      code: 'unknown_customer',
    });
  });

  it('a user reference must name a user of the organization; only a changed one is checked', () => {
    const stranger = uuid(0x999);
    const ticket = { ...newTicket(), createdBy: MARIA_CSM.userId, messages: [] };
    const rows = [
      { newDocumentState: { ...ticket, id: ID, assignedTo: stranger } },
      { newDocumentState: { ...ticket, id: uuid(0x43), assignedTo: ADMIN.userId } },
      { newDocumentState: { ...ticket, id: uuid(0x44), assignedTo: null } },
    ];
    expect(referencedUserIds('tickets', rows).sort()).toEqual([ADMIN.userId, stranger].sort());
    expect(referencedUserIds('goals', rows)).toEqual([]);

    expect(
      decide({
        collection: 'tickets',
        identity: MARIA_CSM,
        pushed: { ...ticket, assignedTo: ADMIN.userId },
      }).kind,
    ).toBe('write');
    expect(
      decide({ collection: 'tickets', identity: MARIA_CSM, pushed: { ...ticket, assignedTo: stranger } }),
    ).toMatchObject({
      kind: 'rejected',
      code: 'invalid_document',
      message: 'assignedTo: no such user in this organization.',
      master: { id: ID, serverSeq: 0, _deleted: true },
    });
    // An edit naming a stranger is rejected with the master; one that keeps what the master names is not
    // checked again (the stored reference already held when it was written).
    const current = stored({ ...ticket, number: 12, assignedTo: stranger });
    expect(
      decide({
        collection: 'tickets',
        identity: MARIA_CSM,
        current,
        pushed: { ...current, priority: 'urgent' },
        users: [],
      }).kind,
    ).toBe('write');
    const master = stored({ ...ticket, number: 12 });
    expect(
      decide({
        collection: 'tickets',
        identity: MARIA_CSM,
        current: master,
        pushed: { ...master, assignedTo: stranger },
      }),
    ).toMatchObject({ kind: 'rejected', code: 'invalid_document', master });
    // The other references: a customer's CSM, a meeting's account manager, a task's assignee.
    const cases: [CollectionName, PlainObject][] = [
      ['customers', { ...fixture('customers', ID), serverSeq: 0, csmId: stranger }],
      [
        'meetings',
        { ...fixture('meetings', ID, { customerId: CUSTOMER_TECHCORP }), accountManagerId: stranger },
      ],
    ];
    for (const [collection, pushed] of cases) {
      expect(decide({ collection, identity: ADMIN, pushed })).toMatchObject({
        kind: 'rejected',
        code: 'invalid_document',
      });
    }
  });

  it('a new customer gets zero derived money until the server derives it', () => {
    const d = decide({
      collection: 'customers',
      identity: ADMIN,
      pushed: { ...fixture('customers', uuid(0xc7)), mrrCents: 99, arrCents: 99, lifetimeValueCents: 99 },
    });
    expect(d).toMatchObject({ kind: 'write', document: { mrrCents: 0, arrCents: 0, lifetimeValueCents: 0 } });
  });

  it('a server derivation sets only the fields it declares', () => {
    const docs = [fixture('tickets', ID), fixture('tickets', uuid(0x43))];
    const derived = withServerDerivation(
      { input: 'ticketNumber', sets: ['number'], derive: (_doc, n) => ({ number: n, subject: 'hacked' }) },
      docs,
      [1],
      [500],
    );
    expect(derived[0]).toEqual(docs[0]);
    expect(derived[1]).toEqual({ ...docs[1], number: 500 });
  });

  it.each([
    ['customers', TECHCORP_CLIENT, fixture('customers', CUSTOMER_TECHCORP)],
    ['invoices', TECHCORP_CLIENT, fixture('invoices', ID)],
    ['health', MARIA_CSM, fixture('health', ID)],
    ['notifications', TECHCORP_CLIENT, fixture('notifications', ID)],
    ['actions', TECHCORP_CLIENT, fixture('actions', ID)],
  ] as const)('%s cannot be created by %o', (collection, identity, doc) => {
    expect(decide({ collection, identity, pushed: doc })).toMatchObject({
      kind: 'rejected',
      code: 'forbidden',
    });
  });
});

describe('decidePush: updates, conflicts and idempotence', () => {
  it('an up-to-date update is written with the master’s server-owned fields', () => {
    const current = stored(fixture('customers', CUSTOMER_TECHCORP));
    const d = decide({
      collection: 'customers',
      identity: MARIA_CSM,
      current,
      pushed: { ...current, notes: 'Renovação em março', mrrCents: 1, serverSeq: 1, clientUpdatedAt: T2 },
    });
    expect(d).toMatchObject({
      kind: 'write',
      document: { notes: 'Renovação em março', mrrCents: 1_250_000, serverSeq: 7, _deleted: false },
    });
  });

  it('a forged server-owned field alone changes nothing', () => {
    const current = stored(fixture('customers', CUSTOMER_TECHCORP));
    expect(
      decide({ collection: 'customers', identity: ADMIN, current, pushed: { ...current, mrrCents: 1 } }),
    ).toEqual({
      kind: 'unchanged',
      id: CUSTOMER_TECHCORP,
    });
  });

  it('an outdated base is a conflict answered with the master', () => {
    const current = stored(techTicket(), 9);
    const d = decide({
      collection: 'tickets',
      identity: MARIA_CSM,
      current,
      assumed: { ...current, serverSeq: 4 },
      pushed: { ...current, priority: 'urgent' },
    });
    expect(d).toEqual({ kind: 'conflict', id: ID, master: current });
  });

  it('only the assumed master’s serverSeq counts (the app sends no more of it: pushRowForWire)', () => {
    const current = stored(techTicket(), 9);
    const slim = (seq: number) => ({ id: current.id, serverSeq: seq, _deleted: false }) as never;
    const push = (assumed: never) =>
      decide({
        collection: 'tickets',
        identity: MARIA_CSM,
        current,
        assumed,
        pushed: { ...current, priority: 'urgent' },
      });
    expect(push(slim(4))).toEqual({ kind: 'conflict', id: ID, master: current });
    expect(push(slim(9))).toMatchObject({ kind: 'write', document: { priority: 'urgent' } });
  });

  it('a create of an id that exists is a conflict (assumed null)', () => {
    const current = stored(techTicket());
    const d = decide({
      collection: 'tickets',
      identity: MARIA_CSM,
      current,
      assumed: null,
      pushed: { ...current, priority: 'high' },
    });
    expect(d.kind).toBe('conflict');
  });

  it('a retried push of an applied change writes nothing twice', () => {
    const current = stored({ ...techTicket(), priority: 'urgent' }, 9);
    const d = decide({
      collection: 'tickets',
      identity: MARIA_CSM,
      current,
      assumed: { ...current, serverSeq: 4, priority: 'medium' },
      pushed: { ...current, serverSeq: 4 },
    });
    expect(d).toEqual({ kind: 'unchanged', id: ID });
  });

  it('staff cannot move a document to another customer', () => {
    const current = stored(fixture('invoices', ID));
    const d = decide({
      collection: 'invoices',
      identity: ADMIN,
      current,
      pushed: { ...current, customerId: CUSTOMER_LOJA },
    });
    expect(d).toMatchObject({ kind: 'rejected', code: 'immutable_field', master: current });
  });
});

describe('decidePush: limited access (client users)', () => {
  const action = () => stored(fixture('actions', ID));

  it('may complete an action card but not retitle it', () => {
    const current = action();
    expect(
      decide({
        collection: 'actions',
        identity: TECHCORP_CLIENT,
        current,
        pushed: { ...current, status: 'completed', completedAt: T2, clientUpdatedAt: T2 },
      }).kind,
    ).toBe('write');
    const d = decide({
      collection: 'actions',
      identity: TECHCORP_CLIENT,
      current,
      pushed: { ...current, title: 'Outro', priority: 1 },
    });
    expect(d).toMatchObject({ kind: 'rejected', code: 'field_not_writable', master: current });
    if (d.kind === 'rejected') expect(d.message).toContain('priority, title');
  });

  it('may reply to and close a ticket, but not edit a message, reopen or resolve it', () => {
    const current = stored(techTicket());
    const messages = current.messages as PlainObject[];
    const reply = {
      id: uuid(0x7002),
      senderType: 'client',
      senderId: TECHCORP_CLIENT.userId,
      senderName: 'Ana',
      body: 'Alguma novidade?',
      createdAt: T2,
    };
    const push = (patch: PlainObject) =>
      decide({ collection: 'tickets', identity: TECHCORP_CLIENT, current, pushed: { ...current, ...patch } });
    expect(push({ messages: [...messages, reply] }).kind).toBe('write');
    expect(push({ status: 'closed' }).kind).toBe('write');
    expect(push({ status: 'closed', resolvedAt: T2 })).toMatchObject({ code: 'field_not_writable' });
    expect(push({ messages: [{ ...messages[0], body: 'editado' }] })).toMatchObject({
      code: 'field_not_writable',
    });
    expect(push({ status: 'resolved' })).toMatchObject({ code: 'field_not_writable' });
    expect(push({ messages: [...messages, { ...reply, senderType: 'support' }] })).toMatchObject({
      code: 'field_not_writable',
    });
  });

  describe('chats (tickets with channel chat, shared/domain/portal/chat.ts)', () => {
    it('a client opens a chat: no SLA deadline, whatever the device sent', () => {
      const d = decide({
        collection: 'tickets',
        identity: TECHCORP_CLIENT,
        pushed: { ...newTicket(), channel: 'chat', slaDeadline: T2 },
      });
      expect(d).toMatchObject({
        kind: 'write',
        document: { channel: 'chat', slaDeadline: null, number: null },
      });
    });

    it.each([
      ['a client', TECHCORP_CLIENT, 'chat', 'ticket'],
      ['a client', TECHCORP_CLIENT, 'ticket', 'chat'],
      ['staff', MARIA_CSM, 'chat', 'ticket'],
      ['staff', MARIA_CSM, 'ticket', 'chat'],
    ])('%s cannot turn a %s into a %s', (_, identity, from, to) => {
      const current = stored({ ...techTicket(), channel: from });
      const d = decide({ collection: 'tickets', identity, current, pushed: { ...current, channel: to } });
      expect(d.kind).toBe('rejected');
      if (d.kind === 'rejected') expect(d.master).toMatchObject({ channel: from });
    });

    it('both sides append their own messages to a chat; the status rules stay the ticket rules', () => {
      const current = stored({ ...techTicket(), channel: 'chat', slaDeadline: null });
      const messages = current.messages as PlainObject[];
      const reply = (senderType: string, identity: UserIdentity, n: number) => ({
        id: uuid(0x7100 + n),
        senderType,
        senderId: identity.userId,
        senderName: 'x',
        body: 'Oi',
        createdAt: T2,
      });
      const client = decide({
        collection: 'tickets',
        identity: TECHCORP_CLIENT,
        current,
        pushed: { ...current, messages: [...messages, reply('client', TECHCORP_CLIENT, 1)] },
      });
      expect(client).toMatchObject({ kind: 'write', document: { channel: 'chat', slaDeadline: null } });
      const staff = decide({
        collection: 'tickets',
        identity: MARIA_CSM,
        current,
        pushed: { ...current, messages: [...messages, reply('support', MARIA_CSM, 2)] },
      });
      expect(staff).toMatchObject({ kind: 'write', document: { channel: 'chat', slaDeadline: null } });
      expect(
        decide({
          collection: 'tickets',
          identity: TECHCORP_CLIENT,
          current,
          pushed: { ...current, status: 'resolved' },
        }),
      ).toMatchObject({ kind: 'rejected', code: 'field_not_writable' });
    });
  });

  describe('a reply to a ticket waiting for the client reopens it (shared ticket-reply rule)', () => {
    const waiting = () => stored({ ...techTicket(), status: 'waiting_client' });
    const reply = {
      id: uuid(0x7003),
      senderType: 'client',
      senderId: TECHCORP_CLIENT.userId,
      senderName: 'Ana',
      body: 'Segue o print.',
      createdAt: T2,
    };
    const push = (identity: UserIdentity, current: SyncDocument, patch: PlainObject) =>
      decide({ collection: 'tickets', identity, current, pushed: { ...current, ...patch } });
    const withReply = (current: SyncDocument) => [...(current.messages as PlainObject[]), reply];

    it.each<[string, TicketStatus, TicketStatus]>([
      ['the device left the status alone: the server reopens', 'waiting_client', 'in_progress'],
      ['the device already reopened (optimistic): accepted as it is', 'in_progress', 'in_progress'],
      ['reply and close: closed', 'closed', 'closed'],
    ])('%s', (_, pushedStatus, storedStatus) => {
      const current = waiting();
      const d = push(TECHCORP_CLIENT, current, { status: pushedStatus, messages: withReply(current) });
      expect(d).toMatchObject({ kind: 'write', document: { status: storedStatus } });
    });

    it('a retried optimistic reply writes nothing twice', () => {
      const current = waiting();
      const first = push(TECHCORP_CLIENT, current, { status: 'in_progress', messages: withReply(current) });
      if (first.kind !== 'write') throw new Error(first.kind);
      const after = stored(first.document, 8);
      const retry = decide({
        collection: 'tickets',
        identity: TECHCORP_CLIENT,
        current: after,
        assumed: current,
        pushed: { ...current, status: 'in_progress', messages: withReply(current) },
      });
      expect(retry.kind).toBe('unchanged');
    });

    it('a client still sets no status but closed: no reopen without a reply, nor from another status', () => {
      const current = waiting();
      expect(push(TECHCORP_CLIENT, current, { status: 'in_progress' })).toMatchObject({
        code: 'field_not_writable',
      });
      expect(
        push(TECHCORP_CLIENT, current, { status: 'resolved', messages: withReply(current) }),
      ).toMatchObject({
        code: 'field_not_writable',
      });
      const open = stored(techTicket());
      expect(push(TECHCORP_CLIENT, open, { status: 'in_progress', messages: withReply(open) })).toMatchObject(
        {
          code: 'field_not_writable',
        },
      );
      // A reply to a ticket not waiting for the client leaves its status.
      expect(push(TECHCORP_CLIENT, open, { messages: withReply(open) })).toMatchObject({
        kind: 'write',
        document: { status: 'open' },
      });
    });

    it('staff messages do not reopen, and staff may set waiting_client with their reply', () => {
      const current = stored({ ...techTicket(), status: 'in_progress' });
      const ask = { ...reply, id: uuid(0x7004), senderType: 'support', senderId: MARIA_CSM.userId };
      const d = push(MARIA_CSM, current, {
        status: 'waiting_client',
        messages: [...(current.messages as PlainObject[]), ask],
      });
      expect(d).toMatchObject({ kind: 'write', document: { status: 'waiting_client' } });
    });
  });

  it('may mark only their own notification read', () => {
    const mine = stored(fixture('notifications', ID, { userId: TECHCORP_CLIENT.userId }));
    expect(
      decide({
        collection: 'notifications',
        identity: TECHCORP_CLIENT,
        current: mine,
        pushed: { ...mine, readAt: T2 },
      }).kind,
    ).toBe('write');
    const other = stored(fixture('notifications', ID, { userId: LOJA_CLIENT.userId }));
    const d = decide({
      collection: 'notifications',
      identity: TECHCORP_CLIENT,
      current: other,
      pushed: { ...other, userId: TECHCORP_CLIENT.userId, readAt: T2 },
    });
    expect(d).toMatchObject({
      kind: 'rejected',
      code: 'forbidden',
      master: { serverSeq: 0, _deleted: true },
    });
  });

  it('may append visit days to their engagement but not remove them or award XP', () => {
    const current = stored(fixture('engagement', ID));
    const push = (patch: PlainObject) =>
      decide({
        collection: 'engagement',
        identity: TECHCORP_CLIENT,
        current,
        pushed: { ...current, ...patch },
      });
    expect(push({ visitDays: ['2026-11-18', '2026-11-19', '2026-11-20'] }).kind).toBe('write');
    expect(push({ visitDays: ['2026-11-19'] })).toMatchObject({ code: 'field_not_writable' });
    expect(push({ xp: 99_999 })).toEqual({ kind: 'unchanged', id: ID });
  });

  it('may request a meeting reschedule only as themselves', () => {
    const current = stored(fixture('meetings', ID));
    const request = {
      type: 'reschedule',
      proposedAt: T2,
      reason: 'Viagem',
      requestedAt: T1,
      requestedBy: TECHCORP_CLIENT.userId,
    };
    const push = (patch: PlainObject) =>
      decide({
        collection: 'meetings',
        identity: TECHCORP_CLIENT,
        current,
        pushed: { ...current, ...patch },
      });
    expect(push({ clientRequest: request }).kind).toBe('write');
    expect(push({ clientRequest: { ...request, requestedBy: LOJA_CLIENT.userId } })).toMatchObject({
      code: 'field_not_writable',
    });
    expect(push({ status: 'cancelled' })).toMatchObject({ code: 'field_not_writable' });
  });

  it('never writes another customer’s row, and answers with a tombstone rather than its state', () => {
    const loja = stored(fixture('goals', ID, { customerId: CUSTOMER_LOJA }));
    const d = decide({
      collection: 'goals',
      identity: TECHCORP_CLIENT,
      current: loja,
      pushed: { ...loja, customerId: CUSTOMER_TECHCORP, title: 'Minha' },
    });
    expect(d).toMatchObject({ kind: 'rejected', code: 'forbidden' });
    if (d.kind === 'rejected')
      expect(d.master).toMatchObject({ title: 'Minha', serverSeq: 0, _deleted: true });
  });

  it('a read-only collection answers with the master so the device converges', () => {
    const current = stored(fixture('invoices', ID));
    const d = decide({
      collection: 'invoices',
      identity: TECHCORP_CLIENT,
      current,
      pushed: { ...current, amountCents: 1 },
    });
    expect(d).toMatchObject({ kind: 'rejected', code: 'forbidden', master: current });
  });
});

describe('decidePush: the staff side of tickets and meetings (protocol 3)', () => {
  const support = (n: number, createdAt: string) => ({
    id: uuid(0x7100 + n),
    senderType: 'support',
    senderId: MARIA_CSM.userId,
    senderName: 'Maria Santos',
    body: `Resposta ${n}`,
    createdAt,
  });

  it('the first staff reply stamps firstResponseAt with its own time, whatever the device sent', () => {
    const current = stored(techTicket());
    const messages = techTicket().messages as unknown[];
    const d = decide({
      collection: 'tickets',
      identity: MARIA_CSM,
      current,
      pushed: { ...current, messages: [...messages, support(1, T1)], firstResponseAt: T2 },
    });
    expect(d).toMatchObject({ kind: 'write', document: { firstResponseAt: T1 } });
  });

  it('a later reply never moves the stamp; a forged stamp alone changes nothing', () => {
    const messages = techTicket().messages as unknown[];
    const answered = stored({
      ...techTicket(),
      messages: [...messages, support(1, T1)],
      firstResponseAt: T1,
    });
    const later = decide({
      collection: 'tickets',
      identity: MARIA_CSM,
      current: answered,
      pushed: { ...answered, messages: [...(answered.messages as unknown[]), support(2, T2)] },
    });
    expect(later).toMatchObject({ kind: 'write', document: { firstResponseAt: T1 } });
    expect(
      decide({
        collection: 'tickets',
        identity: MARIA_CSM,
        current: answered,
        pushed: { ...answered, firstResponseAt: T0 },
      }),
    ).toEqual({ kind: 'unchanged', id: ID });
  });

  it('a client reply does not count as a response', () => {
    const current = stored(techTicket());
    const reply = { ...support(3, T1), senderType: 'client', senderId: TECHCORP_CLIENT.userId };
    const d = decide({
      collection: 'tickets',
      identity: TECHCORP_CLIENT,
      current,
      pushed: { ...current, messages: [...(techTicket().messages as unknown[]), reply] },
    });
    expect(d).toMatchObject({ kind: 'write', document: { firstResponseAt: null } });
  });

  it('an app of protocol version 2 is still served: documents without the new fields store them as null', () => {
    const { ticketId: _t, ...activity } = fixture('activities', ID, { customerId: CUSTOMER_TECHCORP });
    const a = decide({
      collection: 'activities',
      identity: MARIA_CSM,
      pushed: { ...activity, serverSeq: 0 },
    });
    expect(a).toMatchObject({ kind: 'write', document: { ticketId: null } });
    const meeting = fixture('meetings', ID, { customerId: CUSTOMER_TECHCORP });
    const { requestAnswer: _r, ...legacy } = meeting;
    const request = {
      type: 'cancel',
      proposedAt: null,
      reason: null,
      requestedAt: T1,
      requestedBy: TECHCORP_CLIENT.userId,
    };
    const m = decide({
      collection: 'meetings',
      identity: TECHCORP_CLIENT,
      current: stored(meeting),
      pushed: { ...legacy, serverSeq: 7, clientRequest: request },
    });
    expect(m).toMatchObject({ kind: 'write', document: { clientRequest: request, requestAnswer: null } });
  });
});

describe('decidePush: deletes', () => {
  it('staff delete a live document (a tombstone write)', () => {
    const current = stored(fixture('activities', ID));
    expect(
      decide({
        collection: 'activities',
        identity: MARIA_CSM,
        current,
        pushed: { ...current, _deleted: true },
      }),
    ).toMatchObject({
      kind: 'write',
      document: { _deleted: true },
    });
  });

  it('deleting what is absent, hidden or already deleted is a no-op (no existence oracle, no loop)', () => {
    const pushed = { ...fixture('goals', ID), _deleted: true };
    expect(decide({ collection: 'goals', identity: LOJA_CLIENT, pushed })).toEqual({
      kind: 'unchanged',
      id: ID,
    });
    const hidden = stored(fixture('goals', ID));
    expect(decide({ collection: 'goals', identity: LOJA_CLIENT, current: hidden, pushed })).toEqual({
      kind: 'unchanged',
      id: ID,
    });
    const gone = stored(fixture('goals', ID), 7, true);
    expect(decide({ collection: 'goals', identity: TECHCORP_CLIENT, current: gone, pushed })).toEqual({
      kind: 'unchanged',
      id: ID,
    });
  });

  it('a client may not delete a ticket', () => {
    const current = stored(techTicket());
    expect(
      decide({
        collection: 'tickets',
        identity: TECHCORP_CLIENT,
        current,
        pushed: { ...current, _deleted: true },
      }),
    ).toMatchObject({
      code: 'forbidden',
    });
  });

  it('restoring a deleted document is a create for the permission check', () => {
    const current = stored(fixture('leads', ID), 7, true);
    expect(
      decide({
        collection: 'leads',
        identity: TECHCORP_CLIENT,
        current,
        pushed: { ...current, _deleted: false },
      }).kind,
    ).toBe('write');
  });
});

describe('decidePush: injected authorization', () => {
  it('asks the injected authorize with before/after/deleting and returns its refusal', () => {
    const current = stored(fixture('goals', ID));
    const seen: unknown[] = [];
    const d = decidePush(
      'goals',
      {
        row: {
          assumedMasterState: current as never,
          newDocumentState: { ...current, title: 'Nova meta' } as never,
        },
        current,
        identity: TECHCORP_CLIENT,
        now: NOW,
        existingCustomerIds: new Set(),
        existingUserIds: new Set(),
      },
      {
        authorize: (identity, collection, write) => {
          seen.push({ identity, collection, write });
          return { allowed: false, code: 'field_not_writable', message: 'Somente leitura hoje.' };
        },
      },
    );
    expect(d).toMatchObject({
      kind: 'rejected',
      code: 'field_not_writable',
      message: 'Somente leitura hoje.',
      master: current,
    });
    expect(seen).toEqual([
      {
        identity: TECHCORP_CLIENT,
        collection: 'goals',
        write: {
          organizationId: ORG_A,
          before: expect.objectContaining({ title: current.title }),
          after: expect.objectContaining({ title: 'Nova meta' }),
          deleting: false,
        },
      },
    ]);
  });
});

describe('referencedCustomerIds', () => {
  it('lists the distinct customers a batch names (none for customers/organization rows)', () => {
    const row = (customerId: unknown) => ({
      assumedMasterState: null,
      newDocumentState: { id: ID, customerId },
    });
    expect(referencedCustomerIds('invoices', [row(CUSTOMER_LOJA), row(CUSTOMER_LOJA), row(42)])).toEqual([
      CUSTOMER_LOJA,
    ]);
    expect(referencedCustomerIds('customers', [row(CUSTOMER_LOJA)])).toEqual([]);
    expect(referencedCustomerIds('content', [row(CUSTOMER_LOJA)])).toEqual([]);
  });
});
