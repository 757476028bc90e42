import { describe, expect, it } from 'vitest';
import { accountManagerView } from './account-manager.ts';
import {
  ago,
  CSM_ID,
  customer,
  DAY,
  HOUR,
  meeting,
  NOW,
  techCorpTickets,
  uid,
} from '../../test/portal-fixtures.ts';

const tickets = Object.values(techCorpTickets());
const profile = { id: CSM_ID, name: 'Ana Paula Souza', email: 'ana@arco.com', phone: '(11) 99999-9999' };

describe('accountManagerView — who the manager is', () => {
  it.each<[string, Parameters<typeof accountManagerView>[0], Record<string, unknown>]>([
    [
      'the local profile document, when it is the customer’s CSM',
      { customer: customer(), profile: { value: 'ignored', ...profile }, tickets, meetings: [], now: NOW },
      { id: CSM_ID, name: 'Ana Paula Souza', email: 'ana@arco.com', phone: '(11) 99999-9999' },
    ],
    [
      'a profile with only the required fields',
      { customer: customer(), profile: { id: CSM_ID, name: 'Ana' }, tickets: [], meetings: [], now: NOW },
      { id: CSM_ID, name: 'Ana', email: null, phone: null },
    ],
    [
      'a stale profile of a former CSM → the name the CSM signs support messages with',
      {
        customer: customer(),
        profile: { ...profile, id: uid(42), name: 'Antigo' },
        tickets,
        meetings: [],
        now: NOW,
      },
      { id: CSM_ID, name: 'Ana Paula Souza', email: null, phone: null },
    ],
    [
      'a malformed profile → the signed name',
      { customer: customer(), profile: { id: CSM_ID, email: 'x' }, tickets, meetings: [], now: NOW },
      { id: CSM_ID, name: 'Ana Paula Souza', email: null },
    ],
    [
      'no CSM on the customer → the latest meeting’s manager',
      {
        customer: customer({ csmId: null }),
        profile: undefined,
        tickets,
        meetings: [meeting({ scheduledAt: ago(DAY) })],
        now: NOW,
      },
      { id: CSM_ID, name: 'Ana Paula Souza' },
    ],
    [
      'nothing known → neutral card',
      { customer: customer({ csmId: null }), profile: null, tickets, meetings: [], now: NOW },
      { id: null, name: null, email: null, phone: null },
    ],
    [
      'the CSM never wrote → no name',
      { customer: customer(), profile: null, tickets: [], meetings: [], now: NOW },
      { id: CSM_ID, name: null },
    ],
  ])('%s', (_, input, expected) => {
    expect(accountManagerView(input)).toMatchObject(expected);
  });
});

describe('accountManagerView — last and next meeting', () => {
  const at = (iso: string, over = {}) => meeting({ scheduledAt: iso, ...over });
  const view = (meetings: ReturnType<typeof meeting>[]) =>
    accountManagerView({ customer: customer(), profile: null, tickets: [], meetings, now: NOW });

  it('seed: last meeting 15/09, next meeting 20/10', () => {
    const now = new Date('2026-10-01T12:00:00.000Z');
    const last = at('2026-09-15T17:00:00.000Z', { status: 'completed' });
    const next = at('2026-10-20T18:00:00.000Z');
    const later = at('2026-11-20T18:00:00.000Z');
    const v = accountManagerView({
      customer: customer(),
      profile: null,
      tickets: [],
      meetings: [later, next, last],
      now,
    });
    expect(v.lastMeeting?.id).toBe(last.id);
    expect(v.nextMeeting?.id).toBe(next.id);
  });

  it.each([
    ['a meeting under way is still the next one', [at(ago(10 * 60_000))], 'next'],
    ['a scheduled meeting whose time has passed is the last one', [at(ago(2 * HOUR))], 'last'],
    [
      'a completed meeting is the last one, even if it ended early',
      [at(ago(10 * 60_000), { status: 'completed' })],
      'last',
    ],
    [
      'a cancelled meeting is neither',
      [at(ago(-DAY), { status: 'cancelled' }), at(ago(DAY), { status: 'cancelled' })],
      'none',
    ],
    ['a rescheduled meeting ahead is the next one', [at(ago(-DAY), { status: 'rescheduled' })], 'next'],
  ])('%s', (_, meetings, where) => {
    const v = view(meetings);
    expect({ next: v.nextMeeting !== null, last: v.lastMeeting !== null }).toEqual({
      next: where === 'next',
      last: where === 'last',
    });
  });
});
