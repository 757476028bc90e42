import { describe, expect, it } from 'vitest';
import { docFactory, DOCS_NOW, techCorpDocs } from '../../../shared/domain/csm/test-docs.ts';
import { customerSummary, initialsOf, mrrSeries } from './customer-summary.ts';

const TZ = 'America/Sao_Paulo';

describe('customerSummary (TechCorp, 2026-01-29)', () => {
  const { customer } = techCorpDocs();
  const summary = customerSummary({ ...customer, lifetimeValueCents: 5_850_000 }, DOCS_NOW, TZ);

  it('reads MRR, its change in the month, ARR and lifetime value by the shared rules', () => {
    expect(summary).toMatchObject({
      today: '2026-01-29',
      mrrCents: 450_000,
      previousMonthMrrCents: 400_000,
      mrrChangePercent: 12.5,
      arrCents: 5_400_000,
      lifetimeValueCents: 5_850_000,
    });
  });

  it('counts tenure in completed months, seats, and the days to the renewal', () => {
    expect(summary.tenureMonths).toBe(24);
    expect(summary.seats).toEqual({ active: 85, total: 100 });
    expect(summary.renewal).toEqual({ date: '2027-01-15', daysLeft: 351 });
  });

  it('has no renewal without a date, and a negative count once it passed', () => {
    expect(customerSummary({ ...customer, renewalDate: null }, DOCS_NOW, TZ).renewal).toBeNull();
    expect(customerSummary({ ...customer, renewalDate: '2026-01-19' }, DOCS_NOW, TZ).renewal?.daysLeft).toBe(
      -10,
    );
  });

  it('has no month-over-month change when last month had no MRR', () => {
    const f = docFactory();
    const fresh = f.customer({
      customerSince: '2026-01-10',
      contracts: [f.contract({ startDate: '2026-01-10', endDate: '2027-01-09', monthlyValueCents: 100_000 })],
    });
    expect(customerSummary(fresh, DOCS_NOW, TZ)).toMatchObject({ mrrCents: 100_000, mrrChangePercent: null });
  });
});

describe('mrrSeries', () => {
  const { customer } = techCorpDocs();

  it('reads the contracts in force on the same day of each month, oldest first', () => {
    expect(mrrSeries(customer, '2026-01-29', TZ, 3)).toEqual([
      { date: '2025-11-29', mrrCents: 400_000 },
      { date: '2025-12-29', mrrCents: 400_000 },
      { date: '2026-01-29', mrrCents: 450_000 },
    ]);
  });

  it('is 0 before the customer existed and from the day it churned', () => {
    const churned = { ...customer, status: 'churned' as const, churnedAt: '2025-12-15T15:00:00.000Z' };
    expect(mrrSeries(churned, '2026-01-29', TZ, 3).map((p) => p.mrrCents)).toEqual([400_000, 0, 0]);
    const young = { ...customer, customerSince: '2025-12-01' };
    expect(mrrSeries(young, '2026-01-29', TZ, 3).map((p) => p.mrrCents)).toEqual([0, 400_000, 450_000]);
  });

  it('clamps to the month’s last day', () => {
    expect(mrrSeries(customer, '2026-03-31', TZ, 2).map((p) => p.date)).toEqual(['2026-02-28', '2026-03-31']);
  });
});

describe('initialsOf', () => {
  it.each([
    ['TechCorp LTDA', 'TL'],
    ['StartupXYZ', 'S'],
    ['agência digital', 'AD'],
    ['  E-commerce   Shop ', 'ES'],
    ['(Grupo) Ômega', 'GÔ'],
  ])('%s → %s', (name, initials) => {
    expect(initialsOf(name)).toBe(initials);
  });
});
