import { describe, expect, it } from 'vitest';
import type { Health } from '../../../shared/entities/csm.ts';
import type { Customer } from '../../../shared/entities/customer.ts';
import {
  customerDoc,
  healthDoc,
  JOAO,
  MARIA,
  WIREFRAME_CUSTOMERS,
  WIREFRAME_HEALTH,
} from '../customers/test-fixtures.ts';
import { csmHome, RENEWAL_WINDOW_DAYS } from './csm-home.ts';

// 2026-11-21 09:00 in São Paulo.
const NOW = new Date('2026-11-21T12:00:00.000Z');
const TZ = 'America/Sao_Paulo';
const names = (list: readonly { customer: Customer }[]) => list.map((i) => i.customer.name);

/** Maria's portfolio of the wireframe (TechCorp, AgênciaDigital) plus customers built for each rule. */
function portfolio(extra: { customer: Customer; health?: Health }[]) {
  return {
    customers: [...WIREFRAME_CUSTOMERS, ...extra.map((e) => e.customer)],
    health: [...WIREFRAME_HEALTH, ...extra.flatMap((e) => (e.health ? [e.health] : []))],
  };
}

describe('csmHome: customers needing attention', () => {
  it("lists only the CSM's own at-risk and critical customers", () => {
    const { customers, health } = portfolio([]);
    // StartupXYZ is critical but has no CSM; Fintech ABC is João's and healthy.
    expect(names(csmHome(MARIA.id, customers, health, NOW, TZ).attention)).toEqual(['AgênciaDigital']);
    expect(csmHome(JOAO.id, customers, health, NOW, TZ).attention).toEqual([]);
    expect(csmHome(MARIA.id, customers, health, NOW, TZ)).toMatchObject({
      customers: 2,
      mrrCents: 660_000,
      critical: 0,
    });
  });

  it('orders critical first, then the lower risk score, the lower health score and the name', () => {
    const mk = (
      n: number,
      name: string,
      status: 'at_risk' | 'critical',
      riskScore: number,
      score: number,
    ) => ({
      customer: customerDoc(n, { name, csmId: MARIA.id }),
      health: healthDoc(n, { score, status, trend: null, riskScore, riskLevel: 'warning' }),
    });
    const { customers, health } = portfolio([
      mk(10, 'Warning 70', 'at_risk', 70, 60),
      mk(11, 'Critical 40', 'critical', 40, 45),
      mk(12, 'Critical 20', 'critical', 20, 42),
      mk(13, 'Warning 55 score 50', 'at_risk', 55, 50),
      mk(14, 'B warning 70 same', 'at_risk', 70, 60),
    ]);
    const home = csmHome(MARIA.id, customers, health, NOW, TZ);
    expect(names(home.attention)).toEqual([
      'Critical 20',
      'Critical 40',
      'Warning 55 score 50',
      // AgênciaDigital: risk score 55 too (its detected factors), health 68.
      'AgênciaDigital',
      'B warning 70 same',
      'Warning 70',
    ]);
    expect(home.critical).toBe(2);
  });

  it('leaves out customers without a health document and churned customers', () => {
    const { customers, health } = portfolio([
      { customer: customerDoc(20, { name: 'Sem saúde', csmId: MARIA.id }) },
      {
        customer: customerDoc(21, { name: 'Cancelado', csmId: MARIA.id, status: 'churned' }),
        health: healthDoc(21, { score: 10, status: 'critical', trend: null }),
      },
    ]);
    const home = csmHome(MARIA.id, customers, health, NOW, TZ);
    expect(names(home.attention)).toEqual(['AgênciaDigital']);
    expect(home.customers).toBe(3); // TechCorp, AgênciaDigital, Sem saúde
  });
});

describe(`csmHome: renewals in the next ${RENEWAL_WINDOW_DAYS} days`, () => {
  it.each<[string, string | null, number | null]>([
    ['today', '2026-11-21', 0],
    ['tomorrow', '2026-11-22', 1],
    ['on the 90th day', '2027-02-19', 90],
    ['on the 91st day', '2027-02-20', null],
    ['yesterday', '2026-11-20', null],
    ['no renewal date', null, null],
  ])('a renewal %s', (_, renewalDate, daysLeft) => {
    const customer = customerDoc(30, { name: 'Renova', csmId: MARIA.id, renewalDate, mrrCents: 99_000 });
    const home = csmHome(MARIA.id, [customer], [], NOW, TZ);
    expect(home.renewals.map((r) => r.daysLeft)).toEqual(daysLeft === null ? [] : [daysLeft]);
    expect(home.renewalMrrCents).toBe(daysLeft === null ? 0 : 99_000);
  });

  it("lists the CSM's renewals soonest first, never a colleague's or a churned customer's", () => {
    const customers = [
      customerDoc(31, { name: 'Março', csmId: MARIA.id, renewalDate: '2027-01-30', mrrCents: 100_000 }),
      customerDoc(32, { name: 'Dezembro', csmId: MARIA.id, renewalDate: '2026-12-05', mrrCents: 50_000 }),
      customerDoc(33, { name: 'Do João', csmId: JOAO.id, renewalDate: '2026-12-01' }),
      customerDoc(34, {
        name: 'Cancelado',
        csmId: MARIA.id,
        status: 'churned',
        churnedAt: '2026-10-01T12:00:00.000Z',
        renewalDate: '2026-12-02',
      }),
    ];
    const home = csmHome(MARIA.id, customers, [], NOW, TZ);
    expect(names(home.renewals)).toEqual(['Dezembro', 'Março']);
    expect(home.renewals.map((r) => r.daysLeft)).toEqual([14, 70]);
    expect(home.renewalMrrCents).toBe(150_000);
  });
});
