import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  COLLECTION_DEFS,
  COLLECTION_NAMES,
  type CollectionName,
  ROLES,
  type Role,
} from './collections/index.ts';
import { makeEngagement, makeTicket } from './domain/portal/test-fixtures.ts';
import type { TicketMessage } from './entities/support.ts';
import { systemIdentity, type UserIdentity } from './identity.ts';
import {
  allowedActions,
  authorize,
  authorizeWrite,
  can,
  canWriteField,
  type Decision,
  deviceOwnedFields,
  PERMISSION_ACTIONS,
  type PermissionAction,
  writableFields,
} from './permissions.ts';

const id = (n: number) => `0199b000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;
const ORG = id(1);
const OTHER_ORG = id(2);
const CUSTOMER = '0199a0e0-0000-7000-8000-0000000000c0'; // the fixtures' customer
const OTHER_CUSTOMER = id(4);
const CLIENT_ID = '0199a0e0-0000-7000-8000-0000000000c1'; // the fixtures' client user

const admin: UserIdentity = { userId: id(10), role: 'admin', organizationId: ORG, customerId: null };
const csm: UserIdentity = { userId: id(11), role: 'csm', organizationId: ORG, customerId: null };
const client: UserIdentity = { userId: CLIENT_ID, role: 'client', organizationId: ORG, customerId: CUSTOMER };
const users: Record<Role, UserIdentity> = { admin, csm, client };

/**
 * The access table (`shared/collections/<name>.ts`), written out by hand (not derived from the registry) so a
 * change to either side fails here: r = read, c = create, u = update, d = delete.
 */
const EXPECTED: Record<CollectionName, Record<Role, string>> = {
  customers: { admin: 'rcud', csm: 'rcud', client: 'r' },
  invoices: { admin: 'rcud', csm: 'rcud', client: 'r' },
  goals: { admin: 'rcud', csm: 'rcud', client: 'rcud' },
  actions: { admin: 'rcud', csm: 'rcud', client: 'ru' },
  tickets: { admin: 'rcud', csm: 'rcud', client: 'rcu' },
  meetings: { admin: 'rcud', csm: 'rcud', client: 'ru' },
  notifications: { admin: 'ru', csm: 'ru', client: 'ru' },
  metrics: { admin: 'r', csm: 'r', client: 'r' },
  campaigns: { admin: 'rcud', csm: 'rcud', client: 'r' },
  health: { admin: 'r', csm: 'r', client: '' },
  signals: { admin: 'rcud', csm: 'rcud', client: '' },
  activities: { admin: 'rcud', csm: 'rcud', client: '' },
  leads: { admin: '', csm: '', client: 'rcud' },
  content: { admin: '', csm: '', client: 'r' },
  engagement: { admin: '', csm: '', client: 'rcu' },
};
const letter: Record<PermissionAction, string> = { read: 'r', create: 'c', update: 'u', delete: 'd' };

const matrix = COLLECTION_NAMES.flatMap((collection) =>
  ROLES.flatMap((role) =>
    PERMISSION_ACTIONS.map((action) => ({
      collection,
      role,
      action,
      allowed: EXPECTED[collection][role].includes(letter[action]),
    })),
  ),
);

/** A document of `collection` owned by `customerId` / `userId`, with its organization. */
function docOf(collection: CollectionName, opts: { org?: string; customer?: string; user?: string } = {}) {
  const customer = opts.customer ?? CUSTOMER;
  const scope = COLLECTION_DEFS[collection].scope;
  return {
    organizationId: opts.org ?? ORG,
    id: collection === 'customers' ? customer : id(99),
    ...(scope === 'customer' && collection !== 'customers' ? { customerId: customer } : {}),
    ...(scope === 'user' ? { userId: opts.user ?? CLIENT_ID } : {}),
    ...(collection === 'engagement' ? { customerId: customer } : {}),
  };
}

const denied = (d: Decision) => (d.allowed ? null : { code: d.error.code, reason: d.error.details.reason });

describe('can — every collection × role × action', () => {
  it('covers all 15 collections, 3 roles and 4 actions', () => expect(matrix).toHaveLength(180));

  it.each(matrix)('$role $action $collection → $allowed', ({ collection, role, action, allowed }) => {
    expect(can(users[role], action, collection)).toBe(allowed);
    expect(allowedActions(users[role], collection).includes(action)).toBe(allowed);
  });
});

describe('can — document scope', () => {
  const readable = matrix.filter((m) => m.action === 'read' && m.allowed);

  it.each(readable)('$role reads an own $collection document', ({ collection, role }) => {
    const user = users[role];
    const doc = docOf(collection, { user: user.userId });
    expect(can(user, 'read', collection, doc)).toBe(true);
  });

  it.each(readable)(
    '$role never reads a $collection document of another organization',
    ({ collection, role }) => {
      const user = users[role];
      expect(
        authorize(user, 'read', collection, docOf(collection, { org: OTHER_ORG, user: user.userId })),
      ).toMatchObject({
        allowed: false,
        error: { code: 'forbidden', details: { reason: 'other_organization' } },
      });
    },
  );

  it.each(readable.filter((m) => m.role === 'client' && COLLECTION_DEFS[m.collection].scope === 'customer'))(
    'a client never reads another customer’s $collection',
    ({ collection }) => {
      expect(
        denied(authorize(client, 'read', collection, docOf(collection, { customer: OTHER_CUSTOMER }))),
      ).toEqual({
        code: 'forbidden',
        reason: 'other_customer',
      });
    },
  );

  it.each(readable.filter((m) => m.role !== 'client' && COLLECTION_DEFS[m.collection].scope === 'customer'))(
    '$role reads $collection of any customer of the organization',
    ({ collection, role }) => {
      expect(can(users[role], 'read', collection, docOf(collection, { customer: OTHER_CUSTOMER }))).toBe(
        true,
      );
    },
  );

  it.each(readable.filter((m) => COLLECTION_DEFS[m.collection].scope === 'user'))(
    '$role never reads another user’s $collection',
    ({ collection, role }) => {
      expect(denied(authorize(users[role], 'read', collection, docOf(collection, { user: id(77) })))).toEqual(
        {
          code: 'forbidden',
          reason: 'other_user',
        },
      );
    },
  );

  it('a client’s engagement must also be their customer’s', () => {
    expect(can(client, 'read', 'engagement', docOf('engagement', { customer: OTHER_CUSTOMER }))).toBe(false);
  });

  it('organization-scoped content: any client of the organization', () => {
    expect(can(client, 'read', 'content', { organizationId: ORG, id: id(5) })).toBe(true);
    expect(can(client, 'read', 'content', { organizationId: OTHER_ORG, id: id(5) })).toBe(false);
  });

  it.each([
    { name: 'client without a customer', user: { ...client, customerId: null } },
    { name: 'staff with a customer', user: { ...csm, customerId: CUSTOMER } },
    { name: 'unknown role', user: { ...admin, role: 'owner' as Role } },
    { name: 'non-uuid id', user: { ...admin, userId: 'admin' } },
    { name: 'the system identity', user: systemIdentity(ORG) },
  ])('denies an invalid identity ($name)', ({ user }) => {
    // Deliberately ill-typed: the run-time check is what is under test.
    expect(denied(authorize(user as unknown as UserIdentity, 'read', 'customers'))).toEqual({
      code: 'forbidden',
      reason: 'invalid_user',
    });
  });

  const idArb = fc.constantFrom(
    ORG,
    OTHER_ORG,
    CUSTOMER,
    OTHER_CUSTOMER,
    CLIENT_ID,
    admin.userId,
    csm.userId,
    id(77),
  );
  const userArb = fc
    .record({
      role: fc.constantFrom(...ROLES),
      userId: idArb,
      organizationId: fc.constantFrom(ORG, OTHER_ORG),
      customer: idArb,
    })
    .map(({ customer, role, ...u }): UserIdentity =>
      role === 'client' ? { ...u, role, customerId: customer } : { ...u, role, customerId: null },
    );
  const docArb = fc.record({
    organizationId: fc.constantFrom(ORG, OTHER_ORG),
    id: idArb,
    customerId: idArb,
    userId: idArb,
  });

  it('property: a document decision implies the collection decision, and never crosses a tenant', () => {
    fc.assert(
      fc.property(
        userArb,
        fc.constantFrom(...PERMISSION_ACTIONS),
        fc.constantFrom(...COLLECTION_NAMES),
        docArb,
        (user, action, collection, doc) => {
          if (!can(user, action, collection, doc)) return true;
          const scope = COLLECTION_DEFS[collection].scope;
          const owner = collection === 'customers' ? doc.id : doc.customerId;
          return (
            can(user, action, collection) &&
            doc.organizationId === user.organizationId &&
            (scope !== 'user' || doc.userId === user.userId) &&
            (user.role !== 'client' || scope === 'organization' || owner === user.customerId)
          );
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('writableFields', () => {
  it.each([
    {
      role: 'client',
      collection: 'actions',
      action: 'update',
      fields: ['clientUpdatedAt', 'completedAt', 'dismissedAt', 'status'],
    },
    {
      role: 'client',
      collection: 'tickets',
      action: 'update',
      fields: ['clientUpdatedAt', 'messages', 'status'],
    },
    {
      role: 'client',
      collection: 'meetings',
      action: 'update',
      fields: ['clientRequest', 'clientUpdatedAt'],
    },
    { role: 'client', collection: 'notifications', action: 'update', fields: ['clientUpdatedAt', 'readAt'] },
    { role: 'csm', collection: 'notifications', action: 'update', fields: ['clientUpdatedAt', 'readAt'] },
    {
      role: 'client',
      collection: 'engagement',
      action: 'update',
      fields: ['clientUpdatedAt', 'eventRegistrations', 'quickWins', 'reading', 'timeZone', 'visitDays'],
    },
  ] as const)('$role $action $collection → only $fields', ({ role, collection, action, fields }) => {
    const rules = writableFields(users[role], collection, action);
    expect(rules).not.toBe('all');
    expect(Object.keys(rules).sort()).toEqual([...fields]);
  });

  it('tickets: a client appends messages and may only close', () => {
    expect(writableFields(client, 'tickets', 'update')).toMatchObject({
      messages: 'append',
      status: { oneOf: ['closed'] },
    });
  });

  it.each(['tickets', 'engagement'] as const)(
    'a client creating %s may set every device-owned field',
    (collection) => {
      expect(Object.keys(writableFields(client, collection, 'create')).sort()).toEqual(
        deviceOwnedFields(collection).sort(),
      );
    },
  );

  it('full write access is "all"; read, delete and forbidden actions are nothing', () => {
    expect(writableFields(admin, 'customers', 'update')).toBe('all');
    expect(writableFields(client, 'goals', 'create')).toBe('all');
    expect(writableFields(client, 'leads', 'update')).toBe('all');
    expect(writableFields(client, 'customers', 'update')).toEqual({});
    expect(writableFields(client, 'health', 'update')).toEqual({});
    expect(writableFields(admin, 'goals', 'read')).toEqual({});
    expect(writableFields(admin, 'goals', 'delete')).toEqual({});
  });

  it('only an admin reassigns a customer’s CSM', () => {
    expect(canWriteField(admin, 'customers', 'update', 'csmId')).toBe(true);
    expect(canWriteField(csm, 'customers', 'update', 'csmId')).toBe(false);
    expect(canWriteField(csm, 'customers', 'update', 'notes')).toBe(true);
    expect(canWriteField(csm, 'customers', 'update', 'mrrCents')).toBe(false); // server-owned
  });

  it('canWriteField answers for one input', () => {
    expect(canWriteField(client, 'actions', 'update', 'status')).toBe(true);
    expect(canWriteField(client, 'actions', 'update', 'title')).toBe(false);
    expect(canWriteField(client, 'meetings', 'update', 'scheduledAt')).toBe(false);
    expect(canWriteField(client, 'tickets', 'create', 'subject')).toBe(true);
    expect(canWriteField(client, 'invoices', 'update', 'amountCents')).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------- concrete writes

const write = (
  user: UserIdentity,
  collection: CollectionName,
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
  deleting = false,
) => denied(authorizeWrite(user, collection, { organizationId: ORG, before, after, deleting }));

const ok = null;
const message = (n: number, senderType: 'client' | 'support', senderId: string): TicketMessage => ({
  id: id(500 + n),
  senderType,
  senderId,
  senderName: senderType === 'client' ? 'Cliente' : 'Ana Paula Souza',
  body: `Mensagem ${n}`,
  createdAt: '2025-10-04T12:00:00.000Z',
});

describe('authorizeWrite — action cards (client: status only)', () => {
  const card = {
    id: id(20),
    customerId: CUSTOMER,
    title: 'Revisar palavras-chave',
    status: 'pending',
    completedAt: null,
    dismissedAt: null,
    clientUpdatedAt: 'a',
  };
  it.each([
    {
      name: 'complete',
      after: { ...card, status: 'completed', completedAt: '2025-10-04T12:00:00Z', clientUpdatedAt: 'b' },
      expected: ok,
    },
    {
      name: 'dismiss',
      after: { ...card, status: 'dismissed', dismissedAt: '2025-10-04T12:00:00Z' },
      expected: ok,
    },
    {
      name: 'server-owned fields are ignored',
      after: { ...card, serverSeq: 99, updatedAt: 'x' },
      expected: ok,
    },
    {
      name: 'rename it',
      after: { ...card, title: 'Outro' },
      expected: { code: 'field_not_writable', reason: 'field_rules' },
    },
    {
      name: 'another customer’s card',
      before: { ...card, customerId: OTHER_CUSTOMER },
      after: { ...card, customerId: OTHER_CUSTOMER, status: 'completed' },
      expected: { code: 'forbidden', reason: 'other_customer' },
    },
  ])('$name', ({ before, after, expected }) => {
    expect(write(client, 'actions', before ?? card, after)).toEqual(expected);
  });

  it('cannot create or delete a card', () => {
    expect(write(client, 'actions', null, card)).toEqual({ code: 'forbidden', reason: 'action_not_allowed' });
    expect(write(client, 'actions', card, card, true)).toEqual({
      code: 'forbidden',
      reason: 'action_not_allowed',
    });
  });
});

describe('authorizeWrite — tickets', () => {
  const opened = makeTicket({
    status: 'open',
    createdBy: CLIENT_ID,
    messages: [message(1, 'client', CLIENT_ID)],
  });

  it.each([
    { name: 'client opens a ticket as themselves', after: opened, expected: ok },
    {
      name: 'with another status',
      after: { ...opened, status: 'in_progress' },
      expected: { code: 'field_not_writable', reason: 'field_rules' },
    },
    {
      name: 'pre-assigned',
      after: { ...opened, assignedTo: csm.userId },
      expected: { code: 'field_not_writable', reason: 'field_rules' },
    },
    {
      name: 'on behalf of someone else',
      after: { ...opened, createdBy: id(77) },
      expected: { code: 'field_not_writable', reason: 'not_author' },
    },
    {
      name: 'with a forged support message',
      after: { ...opened, messages: [message(1, 'support', CLIENT_ID)] },
      expected: { code: 'field_not_writable', reason: 'not_author' },
    },
    {
      name: 'for another customer',
      after: { ...opened, customerId: OTHER_CUSTOMER },
      expected: { code: 'forbidden', reason: 'other_customer' },
    },
  ])('create: $name', ({ after, expected }) => {
    expect(write(client, 'tickets', null, after)).toEqual(expected);
  });

  it.each([
    {
      name: 'reply with an own message',
      after: { ...opened, messages: [...opened.messages, message(2, 'client', CLIENT_ID)] },
      expected: ok,
    },
    { name: 'close', after: { ...opened, status: 'closed' }, expected: ok },
    {
      name: 'mark resolved (staff only)',
      after: { ...opened, status: 'resolved' },
      expected: { code: 'field_not_writable', reason: 'field_rules' },
    },
    {
      name: 'raise the priority',
      after: { ...opened, priority: 'high' },
      expected: { code: 'field_not_writable', reason: 'field_rules' },
    },
    {
      name: 'edit a sent message',
      after: { ...opened, messages: [{ ...opened.messages[0]!, body: 'editado' }] },
      expected: { code: 'field_not_writable', reason: 'field_rules' },
    },
    {
      name: 'reply as another user',
      after: { ...opened, messages: [...opened.messages, message(2, 'client', id(77))] },
      expected: { code: 'field_not_writable', reason: 'not_author' },
    },
    {
      name: 'reply as support',
      after: { ...opened, messages: [...opened.messages, message(2, 'support', CLIENT_ID)] },
      expected: { code: 'field_not_writable', reason: 'not_author' },
    },
    {
      name: 'move it to another customer',
      after: { ...opened, customerId: OTHER_CUSTOMER },
      expected: { code: 'forbidden', reason: 'other_customer' },
    },
  ])('client update: $name', ({ after, expected }) => {
    expect(write(client, 'tickets', opened, after)).toEqual(expected);
  });

  it('a client never deletes a ticket', () => {
    expect(write(client, 'tickets', opened, opened, true)).toEqual({
      code: 'forbidden',
      reason: 'action_not_allowed',
    });
  });

  it.each([
    {
      name: 'answers as support',
      after: {
        ...opened,
        status: 'in_progress',
        messages: [...opened.messages, message(2, 'support', csm.userId)],
      },
      expected: ok,
    },
    {
      name: 'changes priority and assignee',
      after: { ...opened, priority: 'high', assignedTo: csm.userId },
      expected: ok,
    },
    {
      name: 'cannot write as the client',
      after: { ...opened, messages: [...opened.messages, message(2, 'client', CLIENT_ID)] },
      expected: { code: 'field_not_writable', reason: 'not_author' },
    },
    {
      name: 'cannot remove a message',
      after: { ...opened, messages: [] },
      expected: { code: 'field_not_writable', reason: 'invalid_transition' },
    },
    {
      name: 'cannot move it to another customer',
      after: { ...opened, customerId: OTHER_CUSTOMER },
      expected: { code: 'immutable_field', reason: 'field_rules' },
    },
  ])('staff update: $name', ({ after, expected }) => {
    expect(write(csm, 'tickets', opened, after)).toEqual(expected);
  });

  it('staff of another organization are refused', () => {
    const outsider = { ...csm, organizationId: OTHER_ORG };
    expect(write(outsider, 'tickets', opened, { ...opened, priority: 'low' })).toEqual({
      code: 'forbidden',
      reason: 'other_organization',
    });
  });
});

describe('authorizeWrite — meetings, notifications, customers, goals', () => {
  const meeting = {
    id: id(30),
    customerId: CUSTOMER,
    title: 'Revisão mensal',
    scheduledAt: '2025-10-20T18:00:00Z',
    clientRequest: null,
    clientUpdatedAt: 'a',
  };
  const request = {
    type: 'reschedule',
    proposedAt: '2025-10-22T18:00:00Z',
    reason: null,
    requestedAt: '2025-10-04T12:00:00Z',
    requestedBy: CLIENT_ID,
  };

  it.each([
    { name: 'client asks to reschedule', after: { ...meeting, clientRequest: request }, expected: ok },
    {
      name: 'client withdraws the request',
      before: { ...meeting, clientRequest: request },
      after: meeting,
      expected: ok,
    },
    {
      name: 'request signed by someone else',
      after: { ...meeting, clientRequest: { ...request, requestedBy: id(77) } },
      expected: { code: 'field_not_writable', reason: 'not_author' },
    },
    {
      name: 'client moves the meeting itself',
      after: { ...meeting, scheduledAt: '2025-10-22T18:00:00Z' },
      expected: { code: 'field_not_writable', reason: 'field_rules' },
    },
  ])('meetings: $name', ({ before, after, expected }) => {
    expect(write(client, 'meetings', before ?? meeting, after)).toEqual(expected);
  });

  const note = { id: id(40), userId: CLIENT_ID, title: 'Meta atingida', readAt: null, clientUpdatedAt: 'a' };
  it.each([
    {
      name: 'mark own as read',
      user: client,
      before: note,
      after: { ...note, readAt: '2025-10-04T12:00:00Z' },
      expected: ok,
    },
    {
      name: 'staff mark own as read',
      user: csm,
      before: { ...note, userId: csm.userId },
      after: { ...note, userId: csm.userId, readAt: 'x' },
      expected: ok,
    },
    {
      name: 'someone else’s',
      user: csm,
      before: note,
      after: { ...note, readAt: 'x' },
      expected: { code: 'forbidden', reason: 'other_user' },
    },
    {
      name: 'rewrite the text',
      user: client,
      before: note,
      after: { ...note, title: 'Outro' },
      expected: { code: 'field_not_writable', reason: 'field_rules' },
    },
  ])('notifications: $name', ({ user, before, after, expected }) => {
    expect(write(user, 'notifications', before, after)).toEqual(expected);
  });

  const customer = {
    id: CUSTOMER,
    name: 'Mendes Distribuidora',
    csmId: csm.userId,
    notes: null,
    clientUpdatedAt: 'a',
  };
  it.each([
    {
      name: 'csm edits notes',
      user: csm,
      before: customer,
      after: { ...customer, notes: 'Renovação em dezembro' },
      expected: ok,
    },
    {
      name: 'csm reassigns the CSM',
      user: csm,
      before: customer,
      after: { ...customer, csmId: id(12) },
      expected: { code: 'field_not_writable', reason: 'field_rules' },
    },
    {
      name: 'admin reassigns the CSM',
      user: admin,
      before: customer,
      after: { ...customer, csmId: id(12) },
      expected: ok,
    },
    {
      name: 'csm creates a customer for themselves',
      user: csm,
      before: null,
      after: { ...customer, id: id(50) },
      expected: ok,
    },
    {
      name: 'csm creates a customer unassigned',
      user: csm,
      before: null,
      after: { ...customer, id: id(50), csmId: null },
      expected: ok,
    },
    {
      name: 'csm creates a customer for another CSM',
      user: csm,
      before: null,
      after: { ...customer, id: id(50), csmId: id(12) },
      expected: { code: 'field_not_writable', reason: 'field_rules' },
    },
    {
      name: 'client edits their company',
      user: client,
      before: customer,
      after: { ...customer, notes: 'x' },
      expected: { code: 'forbidden', reason: 'action_not_allowed' },
    },
  ])('customers: $name', ({ user, before, after, expected }) => {
    expect(write(user, 'customers', before, after)).toEqual(expected);
  });

  const goal = {
    id: id(60),
    customerId: CUSTOMER,
    title: 'Leads do mês',
    targetValue: 50,
    clientUpdatedAt: 'a',
  };
  it.each([
    { name: 'client creates an own goal', user: client, before: null, after: goal, expected: ok },
    {
      name: 'client edits it',
      user: client,
      before: goal,
      after: { ...goal, targetValue: 60 },
      expected: ok,
    },
    { name: 'client deletes it', user: client, before: goal, after: goal, deleting: true, expected: ok },
    {
      name: 'client creates one for another customer',
      user: client,
      before: null,
      after: { ...goal, customerId: OTHER_CUSTOMER },
      expected: { code: 'forbidden', reason: 'other_customer' },
    },
    {
      name: 'staff cannot move it between customers',
      user: admin,
      before: goal,
      after: { ...goal, customerId: OTHER_CUSTOMER },
      expected: { code: 'immutable_field', reason: 'field_rules' },
    },
  ])('goals: $name', ({ user, before, after, deleting, expected }) => {
    expect(write(user, 'goals', before, after, deleting)).toEqual(expected);
  });
});

describe('authorizeWrite — engagement (client, own document, append-only lists)', () => {
  const registeredAt = '2025-10-01T12:00:00.000Z';
  const base = makeEngagement({
    visitDays: ['2025-10-01', '2025-10-02'],
    reading: [{ contentId: id(70), progress: 40, completedAt: null }],
    eventRegistrations: [{ contentId: id(80), status: 'registered', registeredAt, waitlistPosition: null }],
    quickWins: [{ actionId: id(90), completedAt: registeredAt }],
  });

  it.each([
    {
      name: 'record today’s visit',
      after: { ...base, visitDays: [...base.visitDays, '2025-10-03'] },
      expected: ok,
    },
    { name: 'move to another time zone', after: { ...base, timeZone: 'Europe/Lisbon' }, expected: ok },
    {
      name: 'read further and finish',
      after: {
        ...base,
        reading: [{ contentId: id(70), progress: 100, completedAt: '2025-10-04T12:00:00.000Z' }],
      },
      expected: ok,
    },
    {
      name: 'start another article',
      after: { ...base, reading: [...base.reading, { contentId: id(71), progress: 5, completedAt: null }] },
      expected: ok,
    },
    {
      name: 'cancel a registration',
      after: { ...base, eventRegistrations: [{ contentId: id(80), status: 'cancelled', registeredAt }] },
      expected: ok,
    },
    {
      name: 'register for another event',
      after: {
        ...base,
        eventRegistrations: [
          ...base.eventRegistrations,
          { contentId: id(81), status: 'registered', registeredAt },
        ],
      },
      expected: ok,
    },
    {
      name: 'xp and badges are server-owned (ignored)',
      after: { ...base, xp: 99_999, badges: [{ id: 'vip', earnedAt: registeredAt }] },
      expected: ok,
    },
    {
      name: 'erase a visit day',
      after: { ...base, visitDays: ['2025-10-02'] },
      expected: { code: 'field_not_writable', reason: 'field_rules' },
    },
    {
      name: 'forge a quick win date',
      after: { ...base, quickWins: [{ actionId: id(90), completedAt: '2025-09-01T00:00:00.000Z' }] },
      expected: { code: 'field_not_writable', reason: 'field_rules' },
    },
    {
      name: 'lower reading progress',
      after: { ...base, reading: [{ contentId: id(70), progress: 10, completedAt: null }] },
      expected: { code: 'field_not_writable', reason: 'invalid_transition' },
    },
    {
      name: 'drop a reading entry',
      after: { ...base, reading: [] },
      expected: { code: 'field_not_writable', reason: 'invalid_transition' },
    },
    {
      name: 'claim attendance',
      after: { ...base, eventRegistrations: [{ contentId: id(80), status: 'attended', registeredAt }] },
      expected: { code: 'field_not_writable', reason: 'invalid_transition' },
    },
    {
      name: 'add an attended event',
      after: {
        ...base,
        eventRegistrations: [
          ...base.eventRegistrations,
          { contentId: id(81), status: 'attended', registeredAt },
        ],
      },
      expected: { code: 'field_not_writable', reason: 'invalid_transition' },
    },
    {
      name: 'drop a registration',
      after: { ...base, eventRegistrations: [] },
      expected: { code: 'field_not_writable', reason: 'invalid_transition' },
    },
  ])('update: $name', ({ after, expected }) => {
    expect(write(client, 'engagement', base, after)).toEqual(expected);
  });

  it('re-dating a completed article is refused', () => {
    const done = { ...base, reading: [{ contentId: id(70), progress: 100, completedAt: registeredAt }] };
    const redated = {
      ...base,
      reading: [{ contentId: id(70), progress: 100, completedAt: '2025-10-04T00:00:00.000Z' }],
    };
    expect(write(client, 'engagement', done, redated)).toEqual({
      code: 'field_not_writable',
      reason: 'invalid_transition',
    });
  });

  it.each([
    { name: 'own document', user: client, after: base, expected: ok },
    {
      name: 'for another user',
      user: client,
      after: { ...base, userId: id(77) },
      expected: { code: 'forbidden', reason: 'other_user' },
    },
    {
      name: 'staff have no engagement',
      user: admin,
      after: base,
      expected: { code: 'forbidden', reason: 'no_access' },
    },
  ])('create: $name', ({ user, after, expected }) => {
    expect(write(user, 'engagement', null, after)).toEqual(expected);
  });

  it('is never deleted from a device', () => {
    expect(write(client, 'engagement', base, base, true)).toEqual({
      code: 'forbidden',
      reason: 'action_not_allowed',
    });
  });

  it('denials carry an API error body with the offending fields', () => {
    const d = authorizeWrite(client, 'engagement', {
      organizationId: ORG,
      before: base,
      after: { ...base, visitDays: [] },
    });
    expect(d).toEqual({
      allowed: false,
      error: {
        code: 'field_not_writable',
        message: 'You may not change: visitDays.',
        details: { reason: 'field_rules', fields: ['visitDays'] },
      },
    });
  });
});

describe('authorizeWrite — internal ticket notes (activities.ticketId)', () => {
  const TICKET = id(600);
  const note = {
    id: id(601),
    customerId: CUSTOMER,
    type: 'note',
    title: 'Nota interna',
    description: 'Cliente já reclamou disso por telefone.',
    performedBy: csm.userId,
    signalId: null,
    dueAt: null,
    completedAt: null,
    assignedTo: null,
    ticketId: TICKET,
    clientUpdatedAt: 'a',
  };

  it.each([
    { name: 'staff write a note on a ticket', user: csm, before: null, after: note, expected: ok },
    { name: 'admins too', user: admin, before: null, after: note, expected: ok },
    {
      name: 'only a note belongs to a ticket',
      user: csm,
      before: null,
      after: { ...note, type: 'call' },
      expected: { code: 'field_not_writable', reason: 'invalid_transition' },
    },
    {
      name: 'a timeline entry without a ticket is unchanged',
      user: csm,
      before: null,
      after: { ...note, type: 'call', ticketId: null },
      expected: ok,
    },
    {
      name: 'editing the note text',
      user: csm,
      before: note,
      after: { ...note, title: 'Nota' },
      expected: ok,
    },
    {
      name: 'moving it to another ticket',
      user: csm,
      before: note,
      after: { ...note, ticketId: id(602) },
      expected: { code: 'field_not_writable', reason: 'invalid_transition' },
    },
    {
      name: 'detaching it from its ticket',
      user: csm,
      before: note,
      after: { ...note, ticketId: null },
      expected: { code: 'field_not_writable', reason: 'invalid_transition' },
    },
    {
      name: 'a client never writes one',
      user: client,
      before: null,
      after: note,
      expected: { code: 'forbidden', reason: 'no_access' },
    },
  ])('$name', ({ user, before, after, expected }) => {
    expect(write(user, 'activities', before, after)).toEqual(expected);
  });

  it('a client cannot read a note (activities are staff-only)', () => {
    expect(can(client, 'read', 'activities', { ...note, organizationId: ORG })).toBe(false);
    expect(can(csm, 'read', 'activities', { ...note, organizationId: ORG })).toBe(true);
  });
});

describe('authorizeWrite — meetings: the answer to a client request (requestAnswer)', () => {
  const request = {
    type: 'reschedule',
    proposedAt: '2025-10-22T18:00:00.000Z',
    reason: null,
    requestedAt: '2025-10-04T12:00:00.000Z',
    requestedBy: CLIENT_ID,
  };
  const pending = {
    id: id(30),
    customerId: CUSTOMER,
    scheduledAt: '2025-10-20T18:00:00.000Z',
    status: 'scheduled',
    clientRequest: request,
    requestAnswer: null,
    clientUpdatedAt: 'a',
  };
  const answer = (answeredBy: string) => ({
    outcome: 'accepted',
    requestType: 'reschedule',
    requestedAt: request.requestedAt,
    scheduledAt: request.proposedAt,
    message: null,
    answeredAt: '2025-10-05T12:00:00.000Z',
    answeredBy,
  });
  const answered = (by: string) => ({
    ...pending,
    scheduledAt: request.proposedAt,
    status: 'rescheduled',
    clientRequest: null,
    requestAnswer: answer(by),
  });

  it.each([
    {
      name: 'staff answer as themselves',
      user: csm,
      before: pending,
      after: answered(csm.userId),
      expected: ok,
    },
    {
      name: 'an answer signed by someone else',
      user: csm,
      before: pending,
      after: answered(admin.userId),
      expected: { code: 'field_not_writable', reason: 'not_author' },
    },
    {
      name: 'another staff member edits the notes of an answered meeting (answer unchanged)',
      user: admin,
      before: answered(csm.userId),
      after: { ...answered(csm.userId), notes: 'Pauta enviada' },
      expected: ok,
    },
    {
      name: 'a client writes an answer',
      user: client,
      before: pending,
      after: { ...pending, requestAnswer: answer(CLIENT_ID) },
      expected: { code: 'field_not_writable', reason: 'field_rules' },
    },
    {
      name: 'a client asks again after an answer (the answer stays)',
      user: client,
      before: answered(csm.userId),
      after: {
        ...answered(csm.userId),
        clientRequest: { ...request, requestedAt: '2025-10-06T12:00:00.000Z' },
      },
      expected: ok,
    },
  ])('$name', ({ user, before, after, expected }) => {
    expect(write(user, 'meetings', before, after)).toEqual(expected);
  });
});
