import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from './dates.ts';
import { portfolioKpis, type PortfolioDocs } from './portfolio-kpis.ts';
import { docFactory, DOCS_NOW } from './test-docs.ts';

const TZ = 'America/Sao_Paulo';

/**
 * Six customers on 2026-01-29 (São Paulo), each MRR worked out by hand:
 *            2025-01-29  2025-12-29  2026-01-29
 *   A        1 000       1 000       1 200     expanded in January (healthy)
 *   B        —           500         500       customer since June 2025 (at risk)
 *   C        800         800         0         churned on 2026-01-15 (stale "critical" health ignored)
 *   D        —           —           300       new in January, no health document (unscored)
 *   E        200         0           0         churned in March 2025
 *   F        600         400         400       contracted in April 2025 (critical)
 */
function portfolio(): PortfolioDocs {
  const f = docFactory();
  const A = f.customer({
    customerSince: '2024-01-01',
    renewalDate: '2026-12-31',
    lifetimeValueCents: 1_500_000,
    contracts: [
      f.contract({
        status: 'completed',
        startDate: '2025-01-01',
        endDate: '2025-12-31',
        monthlyValueCents: 100_000,
      }),
      f.contract({ startDate: '2026-01-01', endDate: '2026-12-31', monthlyValueCents: 120_000 }),
    ],
  });
  const B = f.customer({
    customerSince: '2025-06-01',
    renewalDate: '2026-03-01', // 31 days
    lifetimeValueCents: 400_000,
    contracts: [f.contract({ startDate: '2025-06-01', endDate: '2026-05-31', monthlyValueCents: 50_000 })],
  });
  const C = f.customer({
    customerSince: '2024-06-01',
    status: 'churned',
    churnedAt: '2026-01-15T20:00:00.000Z', // 17:00 in São Paulo
    lifetimeValueCents: 1_600_000,
    contracts: [
      f.contract({
        status: 'cancelled',
        startDate: '2024-06-01',
        endDate: '2026-01-15',
        monthlyValueCents: 80_000,
      }),
    ],
  });
  const D = f.customer({
    customerSince: '2026-01-10',
    renewalDate: '2027-01-10',
    contracts: [f.contract({ startDate: '2026-01-10', endDate: '2027-01-09', monthlyValueCents: 30_000 })],
  });
  const E = f.customer({
    customerSince: '2023-01-01',
    status: 'churned',
    churnedAt: '2025-03-10T15:00:00.000Z',
    lifetimeValueCents: 500_000,
    contracts: [
      f.contract({
        status: 'cancelled',
        startDate: '2023-01-01',
        endDate: '2025-03-10',
        monthlyValueCents: 20_000,
      }),
    ],
  });
  const F = f.customer({
    customerSince: '2024-04-30',
    renewalDate: '2026-04-29', // 90 days: the window's last day
    status: 'at_risk',
    lifetimeValueCents: 900_000,
    contracts: [
      f.contract({
        status: 'completed',
        startDate: '2024-04-30',
        endDate: '2025-04-29',
        monthlyValueCents: 60_000,
      }),
      f.contract({ startDate: '2025-04-30', endDate: '2026-04-29', monthlyValueCents: 40_000 }),
    ],
  });
  const window = Array.from({ length: 30 }, (_, k) => addDays('2025-12-30', k));
  return {
    customers: [A, B, C, D, E, F],
    health: [
      { customerId: A.id, status: 'healthy' },
      { customerId: B.id, status: 'at_risk' },
      { customerId: C.id, status: 'critical' },
      { customerId: F.id, status: 'critical' },
    ],
    engagement: [
      { userId: 'u1', visitDays: [...window, '2026-01-29'] }, // every day; today is not complete yet
      { userId: 'u2', visitDays: ['2026-01-01'] },
      { userId: 'u2', visitDays: ['2026-01-01', '2026-01-02'] }, // two documents of one user
      { userId: 'u3', visitDays: ['2025-12-29'] }, // before the window
      { userId: 'u4', visitDays: ['2025-12-30', '2026-01-28'] }, // the window's ends
    ],
  };
}

describe('portfolioKpis — a hand-computed portfolio on 2026-01-29', () => {
  const k = portfolioKpis(portfolio(), DOCS_NOW, TZ);

  it('MRR R$ 2.400 (A 1.200 + B 500 + D 300 + F 400) against R$ 2.700 a month before: −R$ 300, −11,1 %', () => {
    expect(k.today).toBe('2026-01-29');
    expect(k.mrr).toEqual({
      currentCents: 240_000,
      previousMonthCents: 270_000,
      changeCents: -30_000,
      changePercent: -11.1,
    });
  });

  it('churn over the last month: 1 of 4 customers (25 %), R$ 800 of R$ 2.700 (29,6 %)', () => {
    expect(k.churn).toEqual({
      from: '2025-12-29',
      to: '2026-01-29',
      customersAtStart: 4, // A, B, C, F (D came later, E had left)
      customersLost: 1,
      customerRatePercent: 25,
      mrrAtStartCents: 270_000,
      mrrLostCents: 80_000,
      mrrRatePercent: 29.6,
    });
  });

  it('net revenue retention over 12 months: A, C, E, F had R$ 2.600 and now R$ 1.600 → 61,5 %', () => {
    expect(k.netRevenueRetention).toEqual({
      from: '2025-01-29',
      to: '2026-01-29',
      startMrrCents: 260_000,
      endMrrCents: 160_000,
      percent: 61.5,
    });
  });

  it('average lifetime value over all six customers: R$ 49.000 ÷ 6', () => {
    expect(k.averageLifetimeValueCents).toBe(816_667);
  });

  it('health distribution of the four current customers', () => {
    expect(k.health).toEqual({
      healthy: { customers: 1, mrrCents: 120_000 },
      at_risk: { customers: 1, mrrCents: 50_000 },
      critical: { customers: 1, mrrCents: 40_000 },
      unscored: { customers: 1, mrrCents: 30_000 },
      total: { customers: 4, mrrCents: 240_000 },
    });
  });

  it('renewals in the next 90 days, the 90th included', () => {
    expect(k.renewals.upcoming.map((u) => [u.renewalDate, u.daysLeft, u.mrrCents])).toEqual([
      ['2026-03-01', 31, 50_000],
      ['2026-04-29', 90, 40_000],
    ]);
    expect([k.renewals.customers, k.renewals.mrrCents]).toEqual([2, 90_000]);
    expect(portfolioKpis(portfolio(), DOCS_NOW, TZ, { renewalWindowDays: 89 }).renewals.customers).toBe(1);
  });

  it('portal DAU/MAU: (30 + 2 + 2) user-days ÷ 30 days = 1,1 DAU; 3 MAU; 37,8 %', () => {
    expect(k.portal).toEqual({
      from: '2025-12-30',
      to: '2026-01-28',
      averageDailyActiveUsers: 1.1,
      monthlyActiveUsers: 3,
      dauMauPercent: 37.8,
    });
  });

  it('a churn late in the evening counts on its São Paulo day', () => {
    const docs = portfolio();
    // 2025-12-30 01:00 UTC is still 2025-12-29 in São Paulo — the period's first day, so C had already left.
    const C = docs.customers[2]!;
    const moved = {
      ...docs,
      customers: docs.customers.map((c) => (c === C ? { ...C, churnedAt: '2025-12-30T01:00:00.000Z' } : c)),
    };
    expect(portfolioKpis(moved, DOCS_NOW, TZ).churn.customersAtStart).toBe(3);
    expect(portfolioKpis(moved, DOCS_NOW, 'UTC').churn.customersAtStart).toBe(4);
  });
});

describe('portfolioKpis — no data', () => {
  it('an empty portfolio has no rates, not 0 %', () => {
    const k = portfolioKpis({ customers: [], health: [] }, DOCS_NOW, TZ);
    expect([
      k.mrr.changePercent,
      k.churn.customerRatePercent,
      k.churn.mrrRatePercent,
      k.netRevenueRetention.percent,
      k.averageLifetimeValueCents,
      k.portal.dauMauPercent,
    ]).toEqual([null, null, null, null, null, null]);
    expect(k.health.total).toEqual({ customers: 0, mrrCents: 0 });
  });
});

describe('portfolioKpis — properties', () => {
  const customerArb = fc.record({
    since: fc.integer({ min: 0, max: 900 }),
    churnedAfter: fc.option(fc.integer({ min: 0, max: 900 })),
    contracts: fc.array(
      fc.record({
        start: fc.integer({ min: 0, max: 1000 }),
        length: fc.integer({ min: 1, max: 400 }),
        mrr: fc.integer({ min: 0, max: 500_000 }),
      }),
      { maxLength: 3 },
    ),
    health: fc.constantFrom('healthy', 'at_risk', 'critical', null),
    renewalIn: fc.option(fc.integer({ min: -30, max: 400 })),
  });

  it('the distribution counts every current customer once and adds up to the MRR; rates stay in range', () => {
    fc.assert(
      fc.property(fc.array(customerArb, { maxLength: 25 }), (specs) => {
        const f = docFactory();
        const start = '2023-06-01';
        const docs: PortfolioDocs = { customers: [], health: [] };
        for (const s of specs) {
          const churnDay = s.churnedAfter === null ? null : addDays(start, s.since + s.churnedAfter);
          const c = f.customer({
            customerSince: addDays(start, s.since),
            status: churnDay !== null && churnDay <= '2026-01-29' ? 'churned' : 'active',
            churnedAt: churnDay !== null && churnDay <= '2026-01-29' ? `${churnDay}T15:00:00.000Z` : null,
            renewalDate: s.renewalIn === null ? null : addDays('2026-01-29', s.renewalIn),
            contracts: s.contracts.map((x) =>
              f.contract({
                startDate: addDays(start, x.start),
                endDate: addDays(start, x.start + x.length),
                monthlyValueCents: x.mrr,
              }),
            ),
          });
          docs.customers = [...docs.customers, c];
          if (s.health) docs.health = [...docs.health, { customerId: c.id, status: s.health }];
        }
        const k = portfolioKpis(docs, DOCS_NOW, TZ);
        const buckets = [k.health.healthy, k.health.at_risk, k.health.critical, k.health.unscored];
        expect(buckets.reduce((s, b) => s + b.customers, 0)).toBe(k.health.total.customers);
        expect(k.health.total.customers).toBe(docs.customers.filter((c) => c.status !== 'churned').length);
        expect(buckets.reduce((s, b) => s + b.mrrCents, 0)).toBe(k.mrr.currentCents);
        expect(k.churn.customersLost).toBeLessThanOrEqual(k.churn.customersAtStart);
        expect(k.churn.mrrLostCents).toBeLessThanOrEqual(k.churn.mrrAtStartCents);
        for (const p of [k.churn.customerRatePercent, k.churn.mrrRatePercent]) {
          if (p !== null) expect(p).toBeGreaterThanOrEqual(0);
          if (p !== null) expect(p).toBeLessThanOrEqual(100);
        }
        expect(k.renewals.upcoming.every((u) => u.daysLeft >= 0 && u.daysLeft <= 90)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('DAU never exceeds MAU; DAU/MAU is within 0–100 %', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            user: fc.integer({ min: 1, max: 6 }),
            days: fc.array(fc.integer({ min: -40, max: 2 }), { maxLength: 40 }),
          }),
          { maxLength: 12 },
        ),
        (rows) => {
          const engagement = rows.map((r) => ({
            userId: `u${r.user}`,
            visitDays: r.days.map((d) => addDays('2026-01-29', d)),
          }));
          const { portal } = portfolioKpis({ customers: [], health: [], engagement }, DOCS_NOW, TZ);
          expect(portal.averageDailyActiveUsers).toBeLessThanOrEqual(portal.monthlyActiveUsers);
          if (portal.dauMauPercent !== null) {
            expect(portal.dauMauPercent).toBeGreaterThan(0);
            expect(portal.dauMauPercent).toBeLessThanOrEqual(100);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
