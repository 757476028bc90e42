import { describe, expect, it } from 'vitest';
import { deriveCustomerRevenue, type isContractActiveOn } from './revenue.ts';

const contract = (
  over: Partial<Parameters<typeof isContractActiveOn>[0]> & { monthlyValueCents: number },
) => ({
  status: 'active' as const,
  startDate: '2025-01-15',
  endDate: '2027-01-15',
  ...over,
});
const paid = (amountCents: number) => ({ status: 'approved' as const, amountCents });

describe('customer revenue (customers spec §2.2)', () => {
  it("TechCorp: R$ 4.500 MRR → R$ 54.000 ARR; the completed one-time training doesn't count", () => {
    const r = deriveCustomerRevenue(
      [
        contract({ monthlyValueCents: 450_000 }),
        contract({
          status: 'completed',
          startDate: '2024-02-01',
          endDate: '2024-04-30',
          monthlyValueCents: 0,
        }),
      ],
      [],
      '2026-11-21',
    );
    expect(r).toMatchObject({ mrrCents: 450_000, arrCents: 5_400_000 });
  });

  it.each([
    ['before start', '2025-01-14', 0],
    ['first day', '2025-01-15', 450_000],
    ['last day', '2027-01-15', 450_000],
    ['after end', '2027-01-16', 0],
  ])('counts a contract only while active (%s)', (_label, today, mrr) => {
    expect(deriveCustomerRevenue([contract({ monthlyValueCents: 450_000 })], [], today).mrrCents).toBe(mrr);
  });

  it('lifetime value is what was actually collected: approved payments only', () => {
    const r = deriveCustomerRevenue(
      [],
      [
        paid(450_000),
        paid(450_000),
        { status: 'failed', amountCents: 450_000 },
        { status: 'pending', amountCents: 1 },
      ],
      '2026-11-21',
    );
    expect(r.lifetimeValueCents).toBe(900_000);
  });

  it('no contracts and no payments → zeros, never NaN', () => {
    expect(deriveCustomerRevenue([], [], '2026-11-21')).toEqual({
      mrrCents: 0,
      arrCents: 0,
      lifetimeValueCents: 0,
    });
  });
});
