import { describe, expect, it } from 'vitest';
import type { TicketStatus } from '../../shared/entities/support.ts';
import { deviceContent, type PlainObject, type SyncDocument } from '../documents.ts';
import { decidePush } from '../push/decide.ts';
import {
  CUSTOMER_TECHCORP,
  fixture,
  MARIA_CSM,
  ORG_A,
  FIXTURE_USERS,
  T1,
  T2,
  TECHCORP_CLIENT,
  uuid,
} from '../testing/fixtures.ts';
import { resolveConflict } from './handlers.ts';
import type { UserIdentity } from '../../shared/identity.ts';

/**
 * A client's reply and a concurrent staff change to the same ticket, through the real push decision (with its
 * authorization and write rules) and the real conflict handler, in both arrival orders: the device that pushes
 * second gets a conflict, resolves it and re-pushes. Both orders must end in the same ticket.
 */

const ID = uuid(0x42);
const NOW = '2026-11-21T10:00:00.000Z';

const reply = {
  id: uuid(0x7101),
  senderType: 'client',
  senderId: TECHCORP_CLIENT.userId,
  senderName: 'Ana Souza',
  body: 'Segue o print.',
  createdAt: T1,
};
const staffMessage = {
  id: uuid(0x7102),
  senderType: 'support',
  senderId: MARIA_CSM.userId,
  senderName: 'Maria Santos',
  body: 'Pode enviar um print?',
  createdAt: T2,
};

function master(status: TicketStatus): SyncDocument {
  const doc = fixture('tickets', ID, { customerId: CUSTOMER_TECHCORP, userId: TECHCORP_CLIENT.userId });
  return { ...doc, status, serverSeq: 5, _deleted: false } as unknown as SyncDocument;
}

/** One push of one row: the stored master after it, or the conflict the device must resolve. */
function push(identity: UserIdentity, current: SyncDocument, assumed: PlainObject, doc: PlainObject) {
  const d = decidePush(
    'tickets',
    {
      row: { assumedMasterState: assumed as never, newDocumentState: doc as never },
      current,
      identity,
      now: NOW,
      existingCustomerIds: new Set([CUSTOMER_TECHCORP]),
      existingUserIds: new Set(FIXTURE_USERS.filter((u) => u.organizationId === ORG_A).map((u) => u.userId)),
    },
    {},
  );
  if (d.kind === 'rejected') throw new Error(`rejected: ${d.message}`);
  if (d.kind === 'write')
    return { master: { ...d.document, serverSeq: current.serverSeq + 1 }, conflict: null };
  if (d.kind === 'conflict') return { master: current, conflict: d.master };
  return { master: current, conflict: null };
}

interface Edit {
  readonly identity: UserIdentity;
  readonly doc: PlainObject;
}

/** `first` is accepted; `second` conflicts, resolves against the new master and is pushed again. */
function arrive(base: SyncDocument, first: Edit, second: Edit): SyncDocument {
  const one = push(first.identity, base, base, first.doc);
  expect(one.conflict).toBeNull();
  const two = push(second.identity, one.master, base, second.doc);
  expect(two.conflict).not.toBeNull();
  const resolved = resolveConflict('tickets', {
    assumedMasterState: base,
    realMasterState: two.conflict!,
    newDocumentState: second.doc,
  });
  const three = push(second.identity, one.master, one.master, resolved);
  expect(three.conflict).toBeNull();
  return three.master;
}

const content = (doc: PlainObject) => deviceContent('tickets', doc);

describe('a client reply merged with a concurrent staff change converges in either order', () => {
  const cases: {
    name: string;
    base: TicketStatus;
    /** The client's own status after replying (the device applies the reopen; an older app leaves it). */
    clientStatus: TicketStatus;
    staff: { status: TicketStatus; message?: boolean };
    expected: TicketStatus;
  }[] = [
    {
      name: 'staff reply keeps waiting_client: the reopen wins',
      base: 'waiting_client',
      clientStatus: 'in_progress',
      staff: { status: 'waiting_client', message: true },
      expected: 'in_progress',
    },
    {
      name: 'an older app replying without the reopen: the server reopens in both orders',
      base: 'waiting_client',
      clientStatus: 'waiting_client',
      staff: { status: 'waiting_client', message: true },
      expected: 'in_progress',
    },
    {
      name: 'staff resolves meanwhile: resolved (later in TICKET_STATUSES), the reply kept',
      base: 'waiting_client',
      clientStatus: 'in_progress',
      staff: { status: 'resolved' },
      expected: 'resolved',
    },
    {
      // The reopen is derived, not the client's choice: it does not outrank an explicit status (and a client
      // re-push never carries a status the client may not write — it would be rejected and the reply lost).
      name: 'staff moves it back to open meanwhile: open (the explicit choice), the reply kept',
      base: 'waiting_client',
      clientStatus: 'in_progress',
      staff: { status: 'open' },
      expected: 'open',
    },
    {
      name: 'staff asks for the client while the client was already writing: the reply answers it',
      base: 'in_progress',
      clientStatus: 'in_progress',
      staff: { status: 'waiting_client', message: true },
      expected: 'in_progress',
    },
    {
      name: 'staff sets waiting_client without a message while the client writes: in_progress',
      base: 'open',
      clientStatus: 'open',
      staff: { status: 'waiting_client' },
      expected: 'in_progress',
    },
  ];

  it.each(cases)('$name', ({ base: status, clientStatus, staff, expected }) => {
    const base = master(status);
    const clientEdit: Edit = {
      identity: TECHCORP_CLIENT,
      doc: { ...base, status: clientStatus, messages: [...(base.messages as unknown[]), reply] },
    };
    const staffEdit: Edit = {
      identity: MARIA_CSM,
      doc: {
        ...base,
        status: staff.status,
        messages: [...(base.messages as unknown[]), ...(staff.message ? [staffMessage] : [])],
      },
    };
    const clientFirst = arrive(base, clientEdit, staffEdit);
    const staffFirst = arrive(base, staffEdit, clientEdit);
    expect(content(clientFirst)).toEqual(content(staffFirst));
    expect(clientFirst.status).toBe(expected);
    const ids = (clientFirst.messages as { id: string }[]).map((m) => m.id);
    expect(ids).toEqual(expect.arrayContaining([reply.id, ...(staff.message ? [staffMessage.id] : [])]));
  });

  it('a waiting_client set after reading the reply stands against a concurrent unrelated edit', () => {
    // The reply reopened the ticket (seq 6); Maria read it and asked again (seq 7) while Admin, still on seq 6,
    // raised the priority.
    const base = master('in_progress');
    const replied = { ...base, serverSeq: 6, messages: [...(base.messages as unknown[]), reply] };
    const asked = {
      ...replied,
      status: 'waiting_client',
      messages: [...(replied.messages as unknown[]), staffMessage],
      serverSeq: 7,
    };
    const resolved = resolveConflict('tickets', {
      assumedMasterState: replied,
      realMasterState: asked,
      newDocumentState: { ...replied, priority: 'high', clientUpdatedAt: T2 },
    });
    expect(resolved).toMatchObject({ status: 'waiting_client', priority: 'high' });
  });
});
