import { describe, expect, it } from 'vitest';
import { customerSchema } from '../../../shared/entities/customer.ts';
import type { UserIdentity } from '../../../shared/identity.ts';
import {
  buildCustomer,
  customerPatch,
  formValuesFrom,
  newFormValues,
  normalizeDomain,
  writeAllowed,
  type CustomerFormValues,
} from './customer-form.ts';
import { JOAO, MARIA, WIREFRAME_CUSTOMERS } from './test-fixtures.ts';

const ORG = '0190a8e4-0000-7000-8000-0000000000aa';
const csm: UserIdentity = { userId: MARIA.id, role: 'csm', organizationId: ORG, customerId: null };
const admin: UserIdentity = {
  userId: '0190a8e4-0000-7000-8000-0000000000ad',
  role: 'admin',
  organizationId: ORG,
  customerId: null,
};
const NEW_ID = '0190a8e4-0000-7000-8000-0000000009ff';
const now = new Date('2026-11-21T12:00:00.000Z');
const techcorp = WIREFRAME_CUSTOMERS[0]!;

const create = (values: Partial<CustomerFormValues>, user: UserIdentity = csm) =>
  buildCustomer({ ...newFormValues(user, '2026-11-21'), ...values }, null, { id: NEW_ID, now });

describe('creating a customer', () => {
  it('builds a complete, schema-valid document with server-owned money at 0', () => {
    const result = create({
      name: '  Padaria Pão Quente LTDA ',
      domain: 'https://www.PaoQuente.com.br/contato',
      industry: 'Varejo',
      size: '11-50',
      location: 'Campinas, SP',
      totalSeats: '12',
      activeUsers: '3',
      renewalDate: '2027-11-21',
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(customerSchema.parse(result.doc)).toEqual(result.doc);
    expect(result.doc).toMatchObject({
      id: NEW_ID,
      serverSeq: 0,
      updatedAt: '2026-11-21T12:00:00.000Z',
      clientUpdatedAt: '2026-11-21T12:00:00.000Z',
      name: 'Padaria Pão Quente LTDA',
      domain: 'paoquente.com.br',
      status: 'onboarding',
      tier: 'starter',
      renewalType: 'auto_renew',
      customerSince: '2026-11-21',
      csmId: MARIA.id, // a CSM creates as their own by default
      mrrCents: 0,
      arrCents: 0,
      lifetimeValueCents: 0,
      totalSeats: 12,
      activeUsers: 3,
      contacts: [],
      contracts: [],
    });
  });

  it('an admin starts without a CSM', () => {
    expect(newFormValues(admin, '2026-11-21').csmId).toBe('');
  });

  it.each<[Partial<CustomerFormValues>, Record<string, unknown>]>([
    [{ name: '   ' }, { name: { key: 'required' } }],
    [{ name: 'x'.repeat(201) }, { name: { key: 'tooLong', max: 200 } }],
    [{ name: 'Ok', industry: 'i'.repeat(101) }, { industry: { key: 'tooLong', max: 100 } }],
    [{ name: 'Ok', totalSeats: '' }, { totalSeats: { key: 'number' } }],
    [
      { name: 'Ok', totalSeats: '2.5', activeUsers: '-1' },
      { totalSeats: { key: 'number' }, activeUsers: { key: 'number' } },
    ],
    [{ name: 'Ok', customerSince: '' }, { customerSince: { key: 'date' } }],
    [{ name: 'Ok', renewalDate: '2027-02-30' }, { renewalDate: { key: 'date' } }],
    [{ name: 'Ok', domain: 'não é domínio' }, { domain: { key: 'domain' } }],
    [{ name: 'Ok', tier: 'gold' }, { tier: { key: 'invalid' } }],
    [
      { name: '', totalSeats: 'x', domain: 'a' },
      { name: { key: 'required' }, totalSeats: { key: 'number' }, domain: { key: 'domain' } },
    ],
  ])('rejects %j with field errors %j', (values, errors) => {
    expect(create(values)).toEqual({ ok: false, errors });
  });

  it('a CSM may create with no CSM or as themselves, never for another CSM', () => {
    for (const csmId of ['', MARIA.id]) {
      const r = create({ name: 'Ok', csmId });
      expect(r.ok && writeAllowed(csm, null, r.doc)).toBe(true);
    }
    const other = create({ name: 'Ok', csmId: JOAO.id });
    expect(other.ok && writeAllowed(csm, null, other.doc)).toBe(false);
    expect(other.ok && writeAllowed(admin, null, other.doc)).toBe(true);
  });
});

describe('editing a customer', () => {
  it('round-trips the stored document through the form unchanged', () => {
    const r = buildCustomer(formValuesFrom(techcorp), techcorp, { id: 'unused', now });
    expect(r).toEqual({ ok: true, doc: techcorp });
    expect(r.ok && customerPatch(techcorp, r.doc, csm)).toEqual({});
  });

  it('patches only what changed, keeping server-owned and embedded fields', () => {
    const r = buildCustomer({ ...formValuesFrom(techcorp), totalSeats: '120', tier: 'custom' }, techcorp, {
      id: 'x',
      now,
    });
    expect(r.ok && customerPatch(techcorp, r.doc, csm)).toEqual({ totalSeats: 120, tier: 'custom' });
    expect(r.ok && r.doc.mrrCents).toBe(450_000);
  });

  it('only an admin reassigns the CSM: the CSM patch drops csmId, the admin patch keeps it', () => {
    const r = buildCustomer({ ...formValuesFrom(techcorp), csmId: JOAO.id }, techcorp, { id: 'x', now });
    expect(r.ok && customerPatch(techcorp, r.doc, csm)).toEqual({});
    expect(r.ok && customerPatch(techcorp, r.doc, admin)).toEqual({ csmId: JOAO.id });
    expect(r.ok && writeAllowed(csm, techcorp, r.doc)).toBe(false);
    expect(r.ok && writeAllowed(admin, techcorp, r.doc)).toBe(true);
  });

  it('stamps churnedAt when the status becomes churned and clears it when it changes back', () => {
    const churned = buildCustomer({ ...formValuesFrom(techcorp), status: 'churned' }, techcorp, {
      id: 'x',
      now,
    });
    expect(churned.ok && customerPatch(techcorp, churned.doc, csm)).toEqual({
      status: 'churned',
      churnedAt: '2026-11-21T12:00:00.000Z',
    });
    if (!churned.ok) return;
    const back = buildCustomer({ ...formValuesFrom(churned.doc), status: 'active' }, churned.doc, {
      id: 'x',
      now,
    });
    expect(back.ok && back.doc.churnedAt).toBeNull();
  });
});

it.each([
  ['empresa.com.br', 'empresa.com.br'],
  ['HTTPS://WWW.Empresa.com.br/', 'empresa.com.br'],
  ['http://loja.exemplo.com/path?q=1', 'loja.exemplo.com'],
  ['  ', ''],
])('normalizeDomain(%j) = %j', (input, expected) => {
  expect(normalizeDomain(input)).toBe(expected);
});

describe('the CNPJ field', () => {
  // Stored with another CNPJ, so every accepted value is a change.
  const stored = { ...techcorp, cnpj: '10203061000100' };
  const edit = (cnpj: string) => buildCustomer({ ...formValuesFrom(stored), cnpj }, stored, { id: 'x', now });

  it.each([
    ['12.345.678/0001-95', '12345678000195'],
    ['12345678000195', '12345678000195'],
    [' 11 222 333 0001 81 ', '11222333000181'],
    ['12.ABC.345/01DE-35', '12ABC34501DE35'],
    ['12.abc.345/01de-35', '12ABC34501DE35'],
    ['', null],
  ])('%j is stored as %j and sent as the only change', (typed, storedAs) => {
    const r = edit(typed);
    expect(r.ok && r.doc.cnpj).toBe(storedAs);
    expect(r.ok && customerPatch(stored, r.doc, csm)).toEqual({ cnpj: storedAs });
  });

  it.each([
    ['12.345.678/0001-90', 'cnpjDigits'],
    ['11.111.111/1111-11', 'cnpjDigits'],
    ['00000000000000', 'cnpjDigits'],
    ['12.345.678/0001', 'cnpjLength'],
    ['123456780001955', 'cnpjLength'],
    ['12.345.678/0001-9X', 'cnpjLength'],
    ['12.ABC.345/01DE-36', 'cnpjDigits'],
    ['12.ABC.345/01DE-3E', 'cnpjLength'],
    ['12.ÁBC.345/01DE-35', 'cnpjLength'],
  ])('%j is refused with %s, naming the field', (typed, key) => {
    expect(edit(typed)).toEqual({ ok: false, errors: { cnpj: { key } } });
  });

  it('shows a stored CNPJ formatted, and an empty field for none', () => {
    expect(formValuesFrom({ ...techcorp, cnpj: '11222333000181' }).cnpj).toBe('11.222.333/0001-81');
    expect(formValuesFrom({ ...techcorp, cnpj: '12ABC34501DE35' }).cnpj).toBe('12.ABC.345/01DE-35');
    expect(formValuesFrom({ ...techcorp, cnpj: null }).cnpj).toBe('');
    expect(create({ name: 'Nova', cnpj: '11.222.333/0001-81' })).toMatchObject({
      ok: true,
      doc: { cnpj: '11222333000181' },
    });
  });
});
