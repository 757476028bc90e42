import { plainText } from '../../../shared/entities/domain-text.ts';
import { describe, expect, it } from 'vitest';
import { docFactory } from '../../../shared/domain/csm/test-docs.ts';
import type { SignedInUser } from '../../../shared/identity.ts';
import {
  buildActivity,
  buildExpansion,
  createOpportunity,
  parseMoneyInput,
  requestCaseStudy,
} from './customer-writes.ts';

const NOW = new Date('2026-01-29T18:00:00.000Z');
const ORG = '0190a8e4-0000-7000-8000-0000000000aa';
const csm: SignedInUser = {
  id: '0190a8e4-0000-7000-8000-000000000001',
  email: 'maria@arco.example',
  name: 'Maria Santos',
  role: 'csm',
  organizationId: ORG,
  customerId: null,
  locale: 'pt-BR',
  timeZone: 'America/Sao_Paulo',
};
const client: SignedInUser = {
  ...csm,
  id: '0190a8e4-0000-7000-8000-000000000002',
  role: 'client',
  customerId: '0190a8e4-0000-7000-8000-0000000000cc',
};
const ID = '0190a8e4-0000-7000-8000-00000000abcd';
const CUSTOMER = '0190a8e4-0000-7000-8000-0000000000cc';

describe('parseMoneyInput', () => {
  it.each<[string, 'pt-BR' | 'en', number | null]>([
    ['1.500', 'pt-BR', 150_000],
    ['1500', 'pt-BR', 150_000],
    ['1.500,5', 'pt-BR', 150_050],
    ['R$ 1.500,50', 'pt-BR', 150_050],
    ['1,500.50', 'en', 150_050],
    ['1,5', 'en', null],
    ['1.50.0', 'pt-BR', null],
    ['-10', 'pt-BR', null],
    ['abc', 'pt-BR', null],
    ['1,555', 'pt-BR', null],
  ])('%s (%s) → %s', (text, language, cents) => {
    expect(parseMoneyInput(text, language)).toBe(cents);
  });
});

describe('buildActivity', () => {
  it('builds the timeline entry by the shared schema, signed by the user, unsynced', () => {
    const result = buildActivity(
      { customerId: CUSTOMER, type: 'call', title: ' Ligação com João ', description: '' },
      csm,
      ID,
      NOW,
    );
    expect(result).toEqual({
      ok: true,
      value: expect.objectContaining({
        id: ID,
        serverSeq: 0,
        customerId: CUSTOMER,
        type: 'call',
        title: 'Ligação com João',
        description: null,
        performedBy: csm.id,
        performedByName: 'Maria Santos',
        occurredAt: NOW.toISOString(),
      }),
    });
  });

  it('says which field is wrong, and refuses a role that may not write activities', () => {
    expect(
      buildActivity({ customerId: CUSTOMER, type: 'note', title: '  ', description: '' }, csm, ID, NOW),
    ).toMatchObject({
      ok: false,
      fieldErrors: { title: { key: 'required' } },
    });
    expect(
      buildActivity(
        { customerId: CUSTOMER, type: 'note', title: 'x'.repeat(201), description: '' },
        csm,
        ID,
        NOW,
      ),
    ).toMatchObject({
      ok: false,
      fieldErrors: { title: { key: 'tooLong', max: 200 } },
    });
    expect(
      buildActivity({ customerId: CUSTOMER, type: 'note', title: 'Nota', description: '' }, client, ID, NOW),
    ).toMatchObject({
      ok: false,
      formError: { key: 'notAllowed' },
    });
  });
});

describe('buildExpansion', () => {
  it('creates a manual expansion opportunity with its estimated monthly value', () => {
    const result = buildExpansion(
      {
        customerId: CUSTOMER,
        title: 'Módulo de RH',
        description: 'Querem RH',
        value: '1.500',
        language: 'pt-BR',
      },
      csm,
      ID,
      NOW,
    );
    expect(result).toMatchObject({
      ok: true,
      value: { kind: 'expansion', status: 'identified', source: 'manual', estimatedValueCents: 150_000 },
    });
  });

  it('refuses an amount it cannot read', () => {
    expect(
      buildExpansion(
        { customerId: CUSTOMER, title: 'RH', description: '', value: '1,5,0', language: 'pt-BR' },
        csm,
        ID,
        NOW,
      ),
    ).toMatchObject({ ok: false, fieldErrors: { value: { key: 'invalidValue' } } });
  });
});

describe('createOpportunity / requestCaseStudy', () => {
  const f = docFactory();
  const detected = f.signal(CUSTOMER, { kind: 'expansion', status: 'identified', source: 'ai_detected' });
  const advocacy = f.signal(CUSTOMER, {
    kind: 'insight',
    subtype: 'advocacy',
    status: 'new',
    title: plainText('Advocacy'),
  });

  it('takes a detected opportunity into the pipeline (identified → contacted), once', () => {
    const next = createOpportunity(detected, csm, NOW);
    expect(next).toMatchObject({ id: detected.id, status: 'contacted', resolvedAt: null });
    expect(createOpportunity(next!, csm, NOW)).toBeNull();
    expect(createOpportunity(advocacy, csm, NOW)).toBeNull();
  });

  it('logs the case-study request on the timeline and marks the insight actioned', () => {
    const result = requestCaseStudy(
      advocacy,
      { title: 'Solicitação de case study', description: 'Pedido' },
      csm,
      ID,
      NOW,
    );
    expect(result?.insight).toMatchObject({
      status: 'actioned',
      resolvedBy: csm.id,
      resolvedAt: NOW.toISOString(),
    });
    expect(result?.activity).toMatchObject({
      type: 'note',
      customerId: CUSTOMER,
      metadata: { request: 'case_study', signalId: advocacy.id },
    });
    expect(requestCaseStudy(result!.insight, { title: 'x', description: '' }, csm, ID, NOW)).toBeNull();
    expect(requestCaseStudy(detected, { title: 'x', description: '' }, csm, ID, NOW)).toBeNull();
  });
});
