import { describe, expect, it } from 'vitest';
import type { Contract, ContractItem } from '../../entities/customer.ts';
import { contractSchema } from '../../entities/customer.ts';
import { deriveCustomerRevenue } from '../revenue.ts';
import {
  contractPhase,
  contractValues,
  groupContracts,
  nextPeriod,
  paymentSummary,
  renewalNumber,
  renewalOf,
  termMonths,
} from './contracts.ts';

const uuid = (n: number) => `0190a8e4-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;
const item = (
  name: string,
  unitPriceCents: number,
  over: Partial<ContractItem> = {},
  id = uuid(name.length),
): ContractItem => ({
  id,
  name,
  description: null,
  quantity: 1,
  unitPriceCents,
  billingType: 'recurring',
  ...over,
});

/** TechCorp's Enterprise Annual License (customers spec §2.3). */
const LICENSE: Contract = {
  id: uuid(0x45),
  name: 'Enterprise Annual License',
  contractNumber: 'CTR-2024-0045',
  status: 'active',
  monthlyValueCents: 450_000,
  totalValueCents: 15_750_000,
  currency: 'BRL',
  startDate: '2024-01-15',
  endDate: '2027-01-15',
  billingCycle: 'monthly',
  renewalType: 'auto_renew',
  renewalNotificationDays: 60,
  items: [
    item('Platform License (100 seats)', 350_000, {}, uuid(1)),
    item('Premium Support', 50_000, {}, uuid(2)),
    item('API Access', 50_000, {}, uuid(3)),
  ],
  documentUrl: 'https://docs.arco.example/contratos/CTR-2024-0045.pdf',
  signedAt: '2024-01-09T19:30:00.000Z',
  signedBy: 'João Silva',
  previousContractId: null,
};

describe('terms and values', () => {
  it.each([
    ['2024-02-01', '2024-04-30', 3],
    ['2024-01-15', '2027-01-15', 36],
    ['2024-01-15', '2025-01-14', 12],
    ['2026-03-01', '2026-03-10', 1],
    ['2026-03-01', '2026-03-01', 1],
  ])('termMonths(%s, %s) = %i', (start, end, months) => {
    expect(termMonths(start, end)).toBe(months);
  });

  it.each([
    [
      'TechCorp license: R$ 4.500/mês over 12 months',
      LICENSE.items,
      '2026-01-15',
      '2027-01-14',
      450_000,
      5_400_000,
    ],
    [
      'Training Package: 5 × R$ 1.000 one-time, no monthly value',
      [item('Training Package', 100_000, { quantity: 5, billingType: 'one_time' })],
      '2024-02-01',
      '2024-04-30',
      0,
      500_000,
    ],
    [
      'recurring and one-time mixed: 3 × R$ 100 + setup R$ 250',
      [item('Seats', 10_000, { quantity: 3 }), item('Setup', 25_000, { billingType: 'one_time' })],
      '2026-01-01',
      '2026-06-30',
      30_000,
      30_000 * 6 + 25_000,
    ],
    ['no items', [], '2026-01-01', '2026-12-31', 0, 0],
  ])('%s', (_, items, start, end, monthly, total) => {
    expect(contractValues(items, start, end)).toEqual({ monthlyValueCents: monthly, totalValueCents: total });
  });
});

describe('renewal (the next period)', () => {
  it.each([
    ['2024-01-15', '2027-01-15', '2027-01-16', '2030-01-15'],
    ['2026-01-01', '2026-12-31', '2027-01-01', '2027-12-31'],
    ['2024-02-01', '2024-04-30', '2024-05-01', '2024-07-31'],
    ['2023-03-01', '2024-02-29', '2024-03-01', '2025-02-28'],
  ])('%s…%s is followed by %s…%s', (startDate, endDate, nextStart, nextEnd) => {
    expect(nextPeriod({ startDate, endDate })).toEqual({ startDate: nextStart, endDate: nextEnd });
  });

  it.each([
    ['CTR-2024-0045', '2027-01-16', [], 'CTR-2027-0045'],
    ['CTR-2024-0045', '2027-01-16', ['CTR-2027-0045'], 'CTR-2027-0045-2'],
    ['CTR-2024-0045', '2027-01-16', ['CTR-2027-0045', 'CTR-2027-0045-2'], 'CTR-2027-0045-3'],
    ['Contrato 7', '2027-01-16', [], 'Contrato 7-R'],
  ])('renewalNumber(%s, %s, %j) = %s', (number, start, taken, expected) => {
    expect(renewalNumber(number, start, taken)).toBe(expected);
  });

  it("renews TechCorp's license: next period, same items with new ids, linked, unsigned, schema-valid", () => {
    const renewal = renewalOf(
      LICENSE,
      { contract: uuid(0x100), items: [uuid(0x101), uuid(0x102), uuid(0x103)] },
      ['CTR-2024-0045', 'CTR-2024-0046'],
    );
    expect(renewal).toMatchObject({
      id: uuid(0x100),
      name: 'Enterprise Annual License',
      contractNumber: 'CTR-2027-0045',
      status: 'active',
      startDate: '2027-01-16',
      endDate: '2030-01-15',
      monthlyValueCents: 450_000,
      totalValueCents: 450_000 * 36,
      renewalType: 'auto_renew',
      previousContractId: LICENSE.id,
      signedAt: null,
      signedBy: null,
      documentUrl: null,
    });
    expect(renewal.items.map((i) => [i.id, i.name, i.unitPriceCents])).toEqual([
      [uuid(0x101), 'Platform License (100 seats)', 350_000],
      [uuid(0x102), 'Premium Support', 50_000],
      [uuid(0x103), 'API Access', 50_000],
    ]);
    expect(contractSchema.safeParse(renewal).success).toBe(true);
    // The two periods never overlap, so the MRR never doubles on the changeover day.
    for (const day of ['2027-01-15', '2027-01-16']) {
      expect(deriveCustomerRevenue([LICENSE, renewal], [], day).mrrCents).toBe(450_000);
    }
  });
});

describe('grouping and phases', () => {
  const c = (status: Contract['status'], startDate: string, endDate: string) => ({
    status,
    startDate,
    endDate,
  });
  it('open contracts by latest start, completed and cancelled by latest end', () => {
    const groups = groupContracts([
      c('completed', '2024-02-01', '2024-04-30'),
      c('active', '2024-01-15', '2027-01-15'),
      c('draft', '2027-01-16', '2030-01-15'),
      c('cancelled', '2023-01-01', '2023-12-31'),
      c('completed', '2025-01-01', '2025-03-31'),
    ]);
    expect(groups.open.map((x) => x.startDate)).toEqual(['2027-01-16', '2024-01-15']);
    expect(groups.closed.map((x) => x.endDate)).toEqual(['2025-03-31', '2024-04-30', '2023-12-31']);
  });

  it.each([
    ['active', '2024-01-15', '2027-01-15', 'active'],
    ['active', '2027-01-16', '2030-01-15', 'upcoming'],
    ['active', '2024-01-15', '2026-11-20', 'ended'],
    ['completed', '2024-02-01', '2024-04-30', 'completed'],
    ['draft', '2027-01-16', '2030-01-15', 'draft'],
  ] as const)('a %s contract %s…%s is %s on 2026-11-21', (status, start, end, phase) => {
    expect(contractPhase(c(status, start, end), '2026-11-21')).toBe(phase);
  });
});

describe('payment history summary (customers spec §2.3)', () => {
  const invoice = (
    dueDate: string,
    paidDate: string | null,
    amountCents: number,
    status: 'paid' | 'pending' | 'overdue' | 'cancelled' = paidDate ? 'paid' : 'pending',
  ) => ({
    status,
    dueDate,
    paidDate,
    payments: paidDate
      ? [{ status: 'approved' as const, amountCents }]
      : [{ status: 'failed' as const, amountCents }],
  });

  it('TechCorp INV-1231…1234: R$ 4.000 + 3 × R$ 4.500 collected, all on time', () => {
    const s = paymentSummary(
      [
        invoice('2025-10-15', '2025-10-15', 400_000),
        invoice('2025-11-15', '2025-11-15', 450_000),
        invoice('2025-12-15', '2025-12-15', 450_000),
        invoice('2026-01-15', '2026-01-15', 450_000),
      ],
      '2026-02-02',
    );
    expect(s).toEqual({ totalCollectedCents: 1_750_000, countedInvoices: 4, paidOnTime: 4, onTimeRatio: 1 });
  });

  it.each([
    ['paid late', [invoice('2026-01-10', '2026-01-12', 100)], 1, 0, 0],
    ['overdue and unpaid counts as late', [invoice('2026-01-10', null, 100, 'overdue')], 1, 0, 0],
    ['not yet due and unpaid does not count', [invoice('2026-03-10', null, 100)], 0, 0, null],
    ['paid early before its due date counts', [invoice('2026-03-10', '2026-02-01', 100)], 1, 1, 1],
    ['cancelled does not count', [invoice('2026-01-10', null, 100, 'cancelled')], 0, 0, null],
    [
      'one of two late',
      [invoice('2026-01-10', '2026-01-10', 100), invoice('2025-12-10', '2025-12-20', 100)],
      2,
      1,
      0.5,
    ],
  ])('%s', (_, invoices, counted, onTime, ratio) => {
    const s = paymentSummary(invoices, '2026-02-02');
    expect([s.countedInvoices, s.paidOnTime, s.onTimeRatio]).toEqual([counted, onTime, ratio]);
  });

  it('collects only approved payments (the lifetime value rule)', () => {
    expect(
      paymentSummary(
        [invoice('2026-01-10', null, 100, 'overdue'), invoice('2026-01-10', '2026-01-09', 250)],
        '2026-02-02',
      ).totalCollectedCents,
    ).toBe(250);
  });
});
