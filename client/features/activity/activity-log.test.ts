import { describe, expect, it } from 'vitest';
import type { SignedInUser } from '../../../shared/identity.ts';
import { buildQuickLog, PAGE_SIZE, timelineQuery, titleFor, type QuickLogInput } from './activity-log.ts';

const MARIA: SignedInUser = {
  id: '0190a8e4-0000-7000-8000-000000000001',
  email: 'maria@arco.example',
  name: 'Maria Santos',
  role: 'csm',
  organizationId: '0190a8e4-0000-7000-8000-0000000000aa',
  customerId: null,
  locale: 'pt-BR',
  timeZone: 'America/Sao_Paulo',
};
const CUSTOMER = '0190a8e4-0000-7000-8000-000000000101';
const ID = '0190a8e4-0000-7000-8000-000000000a01';
const NOW = new Date('2026-11-21T12:00:00.000Z');
const log = (input: Partial<QuickLogInput>, user: SignedInUser = MARIA) =>
  buildQuickLog(
    { type: 'call', text: '', npsScore: null, ...input },
    { user, customerId: CUSTOMER, id: ID, now: NOW, defaultTitle: 'Ligação' },
  );

describe('buildQuickLog', () => {
  it('a call without text: the type title, performed now by the user, not yet synced', () => {
    expect(log({})).toEqual({
      ok: true,
      activity: {
        id: ID,
        updatedAt: NOW.toISOString(),
        serverSeq: 0,
        clientUpdatedAt: NOW.toISOString(),
        customerId: CUSTOMER,
        type: 'call',
        title: 'Ligação',
        description: null,
        performedBy: MARIA.id,
        performedByName: 'Maria Santos',
        occurredAt: NOW.toISOString(),
        metadata: {},
        // Not a task, not done for an alert (the task fields of docs/domain.md §6).
        signalId: null,
        dueAt: null,
        completedAt: null,
        assignedTo: null,
        ticketId: null,
      },
    });
  });

  it.each<[string, Partial<QuickLogInput>, object]>([
    [
      'the first line of the text is the title',
      { text: ' Retorno sobre RH\nquer proposta até sexta ' },
      {
        title: 'Retorno sobre RH',
        description: 'Retorno sobre RH\nquer proposta até sexta',
      },
    ],
    ['an e-mail is outbound, reply unknown', { type: 'email' }, { metadata: { direction: 'outbound' } }],
    ['an NPS answer carries its score', { type: 'nps_response', npsScore: 9 }, { metadata: { npsScore: 9 } }],
    [
      'a note keeps no metadata',
      { type: 'note', text: 'Prefere WhatsApp' },
      { metadata: {}, title: 'Prefere WhatsApp' },
    ],
  ])('%s', (_, input, expected) => {
    const r = log(input);
    expect(r.ok && r.activity).toMatchObject(expected);
  });

  it.each<[string, Partial<QuickLogInput>, SignedInUser, string]>([
    ['NPS without a score', { type: 'nps_response' }, MARIA, 'npsRequired'],
    ['text beyond the schema (20,001 characters)', { text: 'x'.repeat(20_001) }, MARIA, 'tooLong'],
    [
      'a client user may not log CSM activities',
      {},
      { ...MARIA, role: 'client', customerId: CUSTOMER },
      'notAllowed',
    ],
  ])('%s → error', (_, input, user, error) => {
    expect(log(input, user)).toEqual({ ok: false, error });
  });
});

describe('titleFor', () => {
  const long = `${'palavra '.repeat(20)}fim`;
  it.each([
    ['empty', '', 'Nota', 'Nota'],
    ['blank lines', '   \n  ', 'Nota', 'Nota'],
    ['short', 'Curto', 'Nota', 'Curto'],
    ['long, cut at a word', long, 'Nota', `${'palavra '.repeat(14).trimEnd()}…`],
    ['long without spaces', 'x'.repeat(200), 'Nota', `${'x'.repeat(119)}…`],
  ])('titleFor: %s', (_, text, fallback, expected) => {
    expect(titleFor(text, fallback)).toBe(expected);
    expect(titleFor(text, fallback).length).toBeLessThanOrEqual(120);
  });
});

it.each([
  ['all', 1, { customerId: CUSTOMER }, PAGE_SIZE + 1],
  ['call', 1, { customerId: CUSTOMER, type: 'call' }, PAGE_SIZE + 1],
  ['support_ticket', 3, { customerId: CUSTOMER, type: 'support_ticket' }, 3 * PAGE_SIZE + 1],
] as const)(
  'timelineQuery(%s, %i pages): newest first, one more than shown',
  (filter, pages, selector, limit) => {
    expect(timelineQuery(CUSTOMER, filter, pages)).toEqual({
      selector,
      sort: [{ occurredAt: 'desc' }, { id: 'desc' }],
      limit,
    });
  },
);
