import { describe, expect, it } from 'vitest';
import { identityOf } from '../../../shared/identity.ts';
import { authorizeWrite } from '../../../shared/permissions.ts';
import { ticketSchema } from '../../../shared/entities/support.ts';
import {
  ago,
  DAY,
  NOW,
  techCorpTickets,
  ticket,
  uid,
  clientPortalUser as user,
  ORG_ID,
} from '../../test/portal-fixtures.ts';
import type { PortalUser } from '../../platform/local-writes.ts';
import {
  buildClose,
  buildNewTicket,
  buildReply,
  canOpenTicket,
  ticketActions,
  withReply,
  type NewTicketInput,
} from './ticket-writes.ts';

const open = (input: Partial<NewTicketInput>, who: PortalUser = user) =>
  buildNewTicket(
    { subject: 'Dúvida sobre relatório', description: 'Os números não batem.', priority: 'medium', ...input },
    { user: who, id: uid(500), messageId: uid(501), now: NOW },
  );

describe('buildNewTicket', () => {
  it('builds the ticket the device stores: valid, unnumbered, open, optimistic SLA, first message', () => {
    const result = open({ subject: '  Dúvida sobre relatório  ', description: ' Os números não batem. ' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const t = result.value;
    expect(ticketSchema.parse(t)).toEqual(t);
    expect(t).toMatchObject({
      id: uid(500),
      customerId: user.customerId,
      createdBy: user.id,
      number: null,
      status: 'open',
      serverSeq: 0,
      subject: 'Dúvida sobre relatório',
      description: 'Os números não batem.',
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
      clientUpdatedAt: NOW.toISOString(),
      // Medium: 8 h to first response (shared rule, default calendar-time policy).
      slaDeadline: '2026-11-21T20:00:00.000Z',
    });
    expect(t.messages).toEqual([
      {
        id: uid(501),
        senderType: 'client',
        senderId: user.id,
        senderName: 'Carla Mendes',
        body: 'Os números não batem.',
        createdAt: NOW.toISOString(),
      },
    ]);
    // The same check the sync push makes.
    expect(
      authorizeWrite(identityOf(user)!, 'tickets', { organizationId: ORG_ID, before: null, after: t }),
    ).toEqual({ allowed: true });
  });

  it.each<[string, Partial<NewTicketInput>, Record<string, unknown>]>([
    ['empty subject', { subject: '   ' }, { subject: { key: 'subjectRequired' } }],
    ['long subject', { subject: 'x'.repeat(201) }, { subject: { key: 'subjectTooLong', max: 200 } }],
    ['empty description', { description: ' \n ' }, { description: { key: 'descriptionRequired' } }],
    [
      'description over the message limit',
      { description: 'x'.repeat(10_001) },
      { description: { key: 'descriptionTooLong', max: 10_000 } },
    ],
    ['unknown priority', { priority: 'altíssima' }, { priority: { key: 'priorityRequired' } }],
    [
      'everything wrong at once',
      { subject: '', description: '', priority: '' },
      {
        subject: { key: 'subjectRequired' },
        description: { key: 'descriptionRequired' },
        priority: { key: 'priorityRequired' },
      },
    ],
  ])('%s → field errors', (_, input, fieldErrors) => {
    expect(open(input)).toEqual({ ok: false, fieldErrors, formError: null });
  });

  it('refuses users who may not open tickets for this customer', () => {
    expect(canOpenTicket(user)).toBe(true);
    expect(open({}, { ...user, customerId: null })).toMatchObject({
      ok: false,
      formError: { key: 'notAllowed' },
    });
    expect(open({}, { ...user, id: 'not-a-uuid' })).toMatchObject({ formError: { key: 'notAllowed' } });
  });

  it.each([
    ['low', '2026-11-22T12:00:00.000Z'],
    ['high', '2026-11-21T16:00:00.000Z'],
    ['urgent', '2026-11-21T13:00:00.000Z'],
  ])('%s priority → SLA deadline %s', (priority, deadline) => {
    const result = open({ priority });
    expect(result.ok && result.value.slaDeadline).toBe(deadline);
  });
});

describe('ticketActions, buildReply, buildClose', () => {
  const tc = techCorpTickets();

  it.each([
    ['in progress', tc.t2853, { canReply: true, canClose: true }],
    ['resolved', tc.t2847, { canReply: true, canClose: true }],
    ['closed', tc.t2790, { canReply: false, canClose: false }],
    ['another customer’s', { ...tc.t2853, customerId: uid(77) }, { canReply: false, canClose: false }],
  ])('a client on a %s ticket → %j', (_, t, expected) => {
    expect(ticketActions(t, user)).toEqual(expected);
  });

  it('a reply is the user’s own client message, trimmed, and passes the push check', () => {
    const result = buildReply(tc.t2853, '  Alguma novidade?  ', { user, id: uid(600), now: NOW });
    expect(result).toEqual({
      ok: true,
      value: {
        id: uid(600),
        senderType: 'client',
        senderId: user.id,
        senderName: 'Carla Mendes',
        body: 'Alguma novidade?',
        createdAt: NOW.toISOString(),
      },
    });
  });

  it.each([
    ['', { body: { key: 'messageRequired' } }],
    ['x'.repeat(10_001), { body: { key: 'messageTooLong', max: 10_000 } }],
  ])('reply %#: readable error', (body, fieldErrors) => {
    expect(buildReply(tc.t2853, body, { user, id: uid(600), now: NOW })).toEqual({
      ok: false,
      fieldErrors,
      formError: null,
    });
  });

  it('refuses replies to closed tickets and closing twice', () => {
    expect(buildReply(tc.t2790, 'Oi', { user, id: uid(600), now: NOW })).toMatchObject({
      formError: { key: 'notAllowed' },
    });
    expect(buildClose(tc.t2790, user)).toMatchObject({ ok: false, formError: { key: 'notAllowed' } });
  });

  it('a reply stored on a ticket waiting for the client moves it back to in progress (the push check agrees)', () => {
    const waiting = { ...tc.t2853, status: 'waiting_client' as const };
    const result = buildReply(waiting, 'Segue o print.', { user, id: uid(601), now: NOW });
    if (!result.ok) throw new Error('reply refused');
    const stored = withReply(waiting, result.value);
    expect(stored.status).toBe('in_progress');
    expect(stored.messages.at(-1)).toEqual(result.value);
    expect(ticketSchema.parse(stored)).toEqual(stored);
    // Saving the same reply again (a retried save) changes nothing.
    expect(withReply(stored, result.value)).toBe(stored);
    // Any other status stays as it is.
    expect(withReply(tc.t2853, result.value).status).toBe(tc.t2853.status);
    expect(withReply({ ...tc.t2853, status: 'resolved' }, result.value).status).toBe('resolved');
  });

  it('closing sets only the status', () => {
    expect(buildClose(tc.t2853, user)).toEqual({ ok: true, value: { status: 'closed' } });
  });

  it('a ticket at the conversation limit takes no more messages', () => {
    const full = ticket({
      createdAt: ago(DAY),
      messages: Array.from({ length: 1000 }, (_, i) => ({
        ...tc.t2853.messages[0]!,
        id: uid(10_000 + i),
      })),
    });
    expect(buildReply(full, 'Mais uma', { user, id: uid(600), now: NOW })).toMatchObject({
      formError: { key: 'invalid' },
    });
  });
});
