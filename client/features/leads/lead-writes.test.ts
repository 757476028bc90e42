import { describe, expect, it } from 'vitest';
import { makeLead } from '../../../shared/domain/portal/test-fixtures.ts';
import { clientPortalUser, CSM_ID, CUSTOMER_ID, NOW, uid } from '../../test/portal-fixtures.ts';
import {
  buildInteraction,
  buildLead,
  buildMove,
  parseReais,
  reaisText,
  withInteraction,
  type LeadInput,
} from './lead-writes.ts';

const lead = makeLead({ id: uid(1), customerId: CUSTOMER_ID, stage: 'qualified', position: 0 });
const staff = { ...clientPortalUser, id: CSM_ID, role: 'csm' as const, customerId: null };

const input: LeadInput = {
  name: '  Ana Souza ',
  company: 'Souza Móveis',
  email: 'ana@souzamoveis.com.br',
  phone: '',
  value: '12.000',
  budget: '15.000,50',
  source: 'Indicação',
  stage: 'new',
  timeline: 'within_1_month',
  authority: 'decision_maker',
};

describe('parseReais', () => {
  it.each([
    ['12.000', 'pt-BR', 1_200_000],
    ['12000', 'pt-BR', 1_200_000],
    ['R$ 12.000,5', 'pt-BR', 1_200_050],
    ['1.234.567,89', 'pt-BR', 123_456_789],
    ['12,000.50', 'en', 1_200_050],
    ['', 'pt-BR', null],
  ])('%s (%s) → %s', (text, language, expected) => {
    expect(parseReais(text, language)).toBe(expected);
  });

  it.each([['12.00'], ['1,2,3'], ['abc'], ['-5'], ['12,345']])('%s is not an amount in pt-BR', (text) => {
    expect(parseReais(text, 'pt-BR')).toBeNaN();
  });

  it('round-trips through the edit text', () => {
    expect(parseReais(reaisText(1_200_050, 'pt-BR'), 'pt-BR')).toBe(1_200_050);
    expect(reaisText(1_200_000, 'pt-BR')).toBe('12.000');
  });
});

describe('buildLead', () => {
  it('a new lead lands at the end of its stage, trimmed, in cents', () => {
    const result = buildLead(input, {
      user: clientPortalUser,
      before: null,
      id: uid(9),
      now: NOW,
      language: 'pt-BR',
      stageLeads: [{ position: 0 }, { position: 1000 }],
    });
    expect(result).toMatchObject({
      ok: true,
      value: {
        id: uid(9),
        customerId: CUSTOMER_ID,
        name: 'Ana Souza',
        phone: null,
        valueCents: 1_200_000,
        budgetCents: 1_500_050,
        position: 2000,
        interactions: [],
        createdAt: NOW.toISOString(),
      },
    });
  });

  it('editing keeps the id, timeline and creation; same stage keeps the position', () => {
    const result = buildLead(
      { ...input, stage: 'qualified' },
      { user: clientPortalUser, before: lead, id: uid(9), now: NOW, language: 'pt-BR', stageLeads: [] },
    );
    expect(result).toMatchObject({
      ok: true,
      value: { id: lead.id, createdAt: lead.createdAt, position: 0, interactions: lead.interactions },
    });
  });

  it('shows each bad field', () => {
    const result = buildLead(
      { ...input, name: ' ', email: 'ana@', value: '12,3,4' },
      { user: clientPortalUser, before: null, id: uid(9), now: NOW, language: 'pt-BR', stageLeads: [] },
    );
    expect(result).toEqual({
      ok: false,
      fieldErrors: {
        name: { key: 'nameRequired' },
        email: { key: 'emailInvalid' },
        value: { key: 'moneyInvalid' },
      },
      formError: null,
    });
  });

  it('staff do not write leads (the collection is the client’s own)', () => {
    const result = buildLead(input, {
      user: staff,
      before: null,
      id: uid(9),
      now: NOW,
      language: 'pt-BR',
      stageLeads: [],
    });
    expect(result).toMatchObject({ ok: false, formError: { key: 'notAllowed' } });
  });
});

describe('buildMove', () => {
  it('changes stage and position only, authorized by the shared rules', () => {
    expect(buildMove(lead, { stage: 'negotiation', position: 3000 }, clientPortalUser)).toEqual({
      ok: true,
      value: { stage: 'negotiation', position: 3000 },
    });
  });

  it('refuses another customer’s lead', () => {
    const other = { ...lead, customerId: uid(77) };
    expect(buildMove(other, { stage: 'won', position: 0 }, clientPortalUser)).toMatchObject({ ok: false });
  });
});

describe('buildInteraction', () => {
  it('a call with its duration, signed by the user, appended once', () => {
    const result = buildInteraction(
      lead,
      { type: 'call', direction: 'outbound', subject: 'ignored', duration: '12', content: ' Retornou ' },
      { user: clientPortalUser, id: uid(5), now: NOW },
    );
    expect(result).toEqual({
      ok: true,
      value: {
        id: uid(5),
        type: 'call',
        direction: 'outbound',
        subject: null,
        content: 'Retornou',
        durationMinutes: 12,
        outcome: null,
        nextAction: null,
        performedBy: clientPortalUser.id,
        createdAt: NOW.toISOString(),
      },
    });
    if (!result.ok) return;
    const once = withInteraction(lead, result.value);
    expect(withInteraction(once, result.value).interactions).toHaveLength(1);
  });

  it.each([
    { duration: '-3', type: 'call' as const, content: '', errors: { duration: { key: 'durationInvalid' } } },
    {
      duration: '1,5',
      type: 'meeting' as const,
      content: '',
      errors: { duration: { key: 'durationInvalid' } },
    },
    { duration: '', type: 'note' as const, content: '  ', errors: { content: { key: 'contentRequired' } } },
  ])('refuses $type with duration "$duration"', ({ duration, type, content, errors }) => {
    const result = buildInteraction(
      lead,
      { type, direction: 'inbound', subject: '', duration, content },
      { user: clientPortalUser, id: uid(5), now: NOW },
    );
    expect(result).toEqual({ ok: false, fieldErrors: errors, formError: null });
  });

  it('a note has no direction, an e-mail keeps its subject', () => {
    const note = buildInteraction(
      lead,
      { type: 'note', direction: 'inbound', subject: 'x', duration: '5', content: 'Pediu case' },
      { user: clientPortalUser, id: uid(6), now: NOW },
    );
    expect(note).toMatchObject({
      ok: true,
      value: { direction: null, subject: null, durationMinutes: null },
    });
    const email = buildInteraction(
      lead,
      { type: 'email', direction: 'outbound', subject: 'Proposta', duration: '5', content: '' },
      { user: clientPortalUser, id: uid(7), now: NOW },
    );
    expect(email).toMatchObject({
      ok: true,
      value: { subject: 'Proposta', durationMinutes: null, content: null },
    });
  });
});
