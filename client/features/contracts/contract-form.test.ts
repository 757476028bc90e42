import { describe, expect, it } from 'vitest';
import type { Contract } from '../../../shared/entities/customer.ts';
import {
  emptyItem,
  formValuesFrom,
  itemErrorKey,
  newFormValues,
  parseContractForm,
  previewValues,
  withContract,
  type ContractFormValues,
} from './contract-form.ts';

const uuid = (n: number) => `0190a8e4-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;

/** TechCorp's license as the seed stores it: its total reflects the R$ 4.000 → 4.500 change mid-term. */
const LICENSE: Contract = {
  id: uuid(0x45),
  name: 'Enterprise Annual License',
  contractNumber: 'CTR-2024-0045',
  status: 'active',
  monthlyValueCents: 450_000,
  totalValueCents: 15_250_000,
  currency: 'BRL',
  startDate: '2024-01-15',
  endDate: '2027-01-15',
  billingCycle: 'monthly',
  renewalType: 'auto_renew',
  renewalNotificationDays: 60,
  items: [
    {
      id: uuid(1),
      name: 'Platform License (100 seats)',
      description: null,
      quantity: 1,
      unitPriceCents: 350_000,
      billingType: 'recurring',
    },
    {
      id: uuid(2),
      name: 'Premium Support',
      description: null,
      quantity: 1,
      unitPriceCents: 50_000,
      billingType: 'recurring',
    },
    {
      id: uuid(3),
      name: 'API Access',
      description: 'Aditivo',
      quantity: 1,
      unitPriceCents: 50_000,
      billingType: 'recurring',
    },
  ],
  documentUrl: 'https://docs.arco.example/contratos/CTR-2024-0045.pdf',
  signedAt: '2024-01-09T19:30:00.000Z',
  signedBy: 'João Silva',
  previousContractId: null,
};

const NEW_ID = uuid(0x100);
const filled = (over: Partial<ContractFormValues> = {}): ContractFormValues => ({
  ...newFormValues('2026-11-21', '2027-11-20', uuid(0x101)),
  name: 'Pacote de Campanhas',
  contractNumber: 'CTR-2026-0101',
  items: [{ ...emptyItem(uuid(0x101)), name: 'Gestão de mídia', unitPrice: '2.500,00' }],
  ...over,
});
const ctx = (over: Partial<Parameters<typeof parseContractForm>[1]> = {}) => ({
  base: null,
  id: NEW_ID,
  previousContractId: null,
  language: 'pt-BR' as const,
  takenNumbers: ['CTR-2024-0045', 'CTR-2024-0046'],
  ...over,
});

describe('parseContractForm: a new contract', () => {
  it('derives the values from the items (R$ 2.500,00/mês × 12 months) and is schema-valid', () => {
    const r = parseContractForm(filled(), ctx());
    expect(r).toMatchObject({
      ok: true,
      contract: {
        id: NEW_ID,
        name: 'Pacote de Campanhas',
        status: 'active',
        monthlyValueCents: 250_000,
        totalValueCents: 3_000_000,
        currency: 'BRL',
        items: [{ name: 'Gestão de mídia', quantity: 1, unitPriceCents: 250_000, billingType: 'recurring' }],
        signedAt: null,
        previousContractId: null,
      },
    });
  });

  it.each<[string, Partial<ContractFormValues>, Record<string, string>]>([
    ['name empty', { name: '  ' }, { name: 'required' }],
    ['name too long', { name: 'x'.repeat(201) }, { name: 'tooLong' }],
    ['number empty', { contractNumber: '' }, { contractNumber: 'required' }],
    [
      'number taken by another contract',
      { contractNumber: 'CTR-2024-0045' },
      { contractNumber: 'duplicateNumber' },
    ],
    ['start missing', { startDate: '' }, { startDate: 'required' }],
    ['end not a date', { endDate: '2026-02-30' }, { endDate: 'date' }],
    ['end before start', { startDate: '2026-11-21', endDate: '2026-11-20' }, { endDate: 'endBeforeStart' }],
    ['notice days out of range', { renewalNotificationDays: '400' }, { renewalNotificationDays: 'days' }],
    [
      'notice days not a number',
      { renewalNotificationDays: 'sessenta' },
      { renewalNotificationDays: 'days' },
    ],
    ['no items', { items: [] }, { items: 'itemsRequired' }],
    [
      'an item without name, quantity 0 and a price in English notation',
      { items: [{ ...emptyItem(uuid(9)), name: '', quantity: '0', unitPrice: '4,500.00' }] },
      {
        [itemErrorKey(0, 'name')]: 'required',
        [itemErrorKey(0, 'quantity')]: 'quantity',
        [itemErrorKey(0, 'unitPrice')]: 'money',
      },
    ],
    [
      'the second item without a price',
      {
        items: [
          { ...emptyItem(uuid(8)), name: 'A', unitPrice: '10' },
          { ...emptyItem(uuid(9)), name: 'B', unitPrice: '' },
        ],
      },
      { [itemErrorKey(1, 'unitPrice')]: 'required' },
    ],
    [
      'a price beyond the schema bound',
      { items: [{ ...emptyItem(uuid(9)), name: 'A', unitPrice: '20.000.000.000,00' }] },
      { [itemErrorKey(0, 'unitPrice')]: 'moneyTooLarge' },
    ],
  ])('%s → errors in place', (_, over, expected) => {
    const r = parseContractForm(filled(over), ctx());
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.fromEntries(Object.entries(r.errors).map(([k, e]) => [k, e.key]))).toEqual(expected);
  });

  it('reads money in the UI language: English "4,500.00"', () => {
    const r = parseContractForm(
      filled({ items: [{ ...emptyItem(uuid(9)), name: 'A', quantity: '2', unitPrice: '4,500.00' }] }),
      ctx({ language: 'en' }),
    );
    expect(r.ok && r.contract.monthlyValueCents).toBe(900_000);
  });

  it('one-time items count once in the total, not in the monthly value', () => {
    const r = parseContractForm(
      filled({
        billingCycle: 'one_time',
        startDate: '2024-02-01',
        endDate: '2024-04-30',
        items: [
          {
            ...emptyItem(uuid(9)),
            name: 'Training',
            quantity: '5',
            unitPrice: '1.000',
            billingType: 'one_time',
          },
        ],
      }),
      ctx(),
    );
    expect(r.ok && [r.contract.monthlyValueCents, r.contract.totalValueCents]).toEqual([0, 500_000]);
  });
});

describe('parseContractForm: editing', () => {
  const edit = (over: Partial<ContractFormValues>) =>
    parseContractForm(
      { ...formValuesFrom(LICENSE, 'pt-BR'), ...over },
      ctx({ base: LICENSE, id: LICENSE.id, takenNumbers: ['CTR-2024-0046'] }),
    );

  it('the form shows the stored money in pt-BR notation', () => {
    expect(formValuesFrom(LICENSE, 'pt-BR').items.map((i) => i.unitPrice)).toEqual([
      '3.500,00',
      '500,00',
      '500,00',
    ]);
  });

  it('a name change keeps the values the contract was signed for, its id, signature and document', () => {
    const r = edit({ name: 'Enterprise License' });
    expect(r).toEqual({ ok: true, contract: { ...LICENSE, name: 'Enterprise License' } });
  });

  it('a price change re-derives the values from the items', () => {
    const values = formValuesFrom(LICENSE, 'pt-BR');
    const r = edit({ items: values.items.map((i, k) => (k === 0 ? { ...i, unitPrice: '4.000,00' } : i)) });
    expect(r.ok && [r.contract.monthlyValueCents, r.contract.totalValueCents]).toEqual([
      500_000,
      500_000 * 36,
    ]);
  });
});

describe('previewValues and withContract', () => {
  it.each<[string, Partial<ContractFormValues>, number, number | null]>([
    ['valid', {}, 250_000, 3_000_000],
    ['a half-typed price counts 0', { items: [{ ...emptyItem(uuid(9)), unitPrice: '2.5' }] }, 0, 0],
    ['no total without a valid period', { endDate: '' }, 250_000, null],
  ])('%s', (_, over, monthly, total) => {
    expect(previewValues(filled(over), 'pt-BR')).toEqual({
      monthlyValueCents: monthly,
      totalValueCents: total,
    });
  });

  it('replaces by id or appends', () => {
    const other = { ...LICENSE, id: uuid(0x46), name: 'Training Package' };
    expect(withContract([LICENSE, other], { ...other, name: 'X' }).map((c) => c.name)).toEqual([
      'Enterprise Annual License',
      'X',
    ]);
    expect(withContract([LICENSE], other).map((c) => c.id)).toEqual([LICENSE.id, other.id]);
  });
});
