import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import {
  effectiveInvoiceStatus,
  groupInvoices,
  monthRoi,
  previousMonth,
  revenueByMonth,
  type MetricsMonthInput,
} from './money.ts';

/** A month whose days sum to the given totals (split over `n` days so the sums are what is tested). */
function month(m: string, revenueCents: number, adSpendCents: number, n = 3): MetricsMonthInput {
  const share = (total: number, i: number) =>
    i === n - 1 ? total - Math.floor(total / n) * (n - 1) : Math.floor(total / n);
  return {
    month: m,
    days: Array.from({ length: n }, (_, i) => ({
      revenueCents: share(revenueCents, i),
      adSpendCents: share(adSpendCents, i),
    })),
  };
}

describe('revenueByMonth', () => {
  it('reproduces the seed: R$ 43.200 this month vs R$ 35.100 → ↑23 %', () => {
    const [jan, feb] = revenueByMonth([
      month('2026-02', 4_320_000, 850_000),
      month('2026-01', 3_510_000, 700_000),
    ]);
    expect(jan).toMatchObject({ month: '2026-01', revenueCents: 3_510_000, changeRatio: null });
    expect(feb).toMatchObject({ month: '2026-02', revenueCents: 4_320_000, investmentCents: 850_000 });
    expect(feb?.changeRatio).toBeCloseTo(43_200 / 35_100 - 1, 12); // 0.2307…
    expect(feb?.changePercentDisplay).toBe(23);
  });

  it.each([
    // previous, current, shown
    { previous: 100_000, current: 87_345, shown: -12 }, // -12.655 % truncates toward zero
    { previous: 100_000, current: 100_000, shown: 0 },
    { previous: 100_000, current: 0, shown: -100 },
    { previous: 300_000, current: 400_000, shown: 33 },
  ])('$previous → $current shows $shown %', ({ previous, current, shown }) => {
    const rows = revenueByMonth([month('2025-12', previous, 0), month('2026-01', current, 0)]);
    expect(rows[1]?.changePercentDisplay).toBe(shown);
  });

  it('has no change without an adjacent previous month, or when it earned nothing', () => {
    expect(revenueByMonth([month('2025-10', 100, 0), month('2025-12', 200, 0)])[1]?.changeRatio).toBeNull();
    expect(revenueByMonth([month('2025-11', 0, 0), month('2025-12', 200, 0)])[1]?.changeRatio).toBeNull();
    expect(revenueByMonth([])).toEqual([]);
  });

  it('refuses negative money and malformed months', () => {
    expect(() => revenueByMonth([month('2026-13', 1, 0)])).toThrow(ZodError);
    expect(() =>
      revenueByMonth([{ month: '2026-01', days: [{ revenueCents: -1, adSpendCents: 0 }] }]),
    ).toThrow(ZodError);
  });
});

describe('previousMonth', () => {
  it.each([
    ['2026-02', '2026-01'],
    ['2026-01', '2025-12'],
    ['2026-12', '2026-11'],
  ])('%s → %s', (m, p) => expect(previousMonth(m)).toBe(p));
});

describe('monthRoi', () => {
  it('gives the seed ROI 408 % and R$ 5,08 per R$ 1 on the month', () => {
    const [feb] = revenueByMonth([month('2026-02', 4_320_000, 850_000)]);
    const roi = monthRoi(feb!);
    expect(roi).toMatchObject({
      kind: 'computed',
      roiPercentDisplay: 408,
      returnPerRealDisplay: 5.08,
      netProfitCents: 3_470_000,
    });
  });

  it('what-if: the same revenue on another investment', () => {
    expect(monthRoi({ revenueCents: 4_320_000, investmentCents: 1_000_000 })).toMatchObject({
      roiPercentDisplay: 332,
      returnPerRealDisplay: 4.32,
    });
    expect(monthRoi({ revenueCents: 4_320_000, investmentCents: 0 })).toMatchObject({
      kind: 'not_computable',
    });
  });
});

describe('invoices', () => {
  const inv = (
    number: string,
    status: 'pending' | 'paid' | 'overdue' | 'cancelled',
    issueDate: string,
    dueDate: string,
  ) => ({
    number,
    status,
    issueDate,
    dueDate,
    amountCents: 450_000,
  });

  it.each([
    ['pending, due later', 'pending', '2026-02-15', 'pending'],
    ['pending, due today', 'pending', '2026-02-10', 'pending'],
    ['pending, past due (server not yet told)', 'pending', '2026-02-09', 'overdue'],
    ['overdue', 'overdue', '2026-01-15', 'overdue'],
    ['paid late stays paid', 'paid', '2026-01-15', 'paid'],
    ['cancelled', 'cancelled', '2026-01-15', 'cancelled'],
  ] as const)('%s → %s', (_, status, dueDate, expected) => {
    expect(effectiveInvoiceStatus({ status, dueDate }, '2026-02-10')).toBe(expected);
  });

  it('groups what to pay first: overdue oldest first, then pending; settled newest first; totals', () => {
    const g = groupInvoices(
      [
        inv('A', 'paid', '2025-12-05', '2025-12-15'),
        inv('B', 'pending', '2026-02-05', '2026-02-15'),
        inv('C', 'overdue', '2026-01-05', '2026-01-15'),
        inv('D', 'pending', '2025-12-20', '2026-01-01'),
        inv('E', 'paid', '2026-01-05', '2026-01-15'),
      ],
      '2026-02-10',
    );
    expect(g.open.map((o) => `${o.invoice.number}:${o.status}`)).toEqual([
      'D:overdue',
      'C:overdue',
      'B:pending',
    ]);
    expect(g.settled.map((o) => o.invoice.number)).toEqual(['E', 'A']);
    expect(g.openCents).toBe(1_350_000);
    expect(g.overdueCents).toBe(900_000);
  });
});

describe('whole stored documents', () => {
  it('accepts metrics as the device stores them (extra fields ignored)', () => {
    const day = {
      date: '2026-02-01',
      sessions: 10,
      pageviews: 20,
      bounceRate: null,
      avgSessionSeconds: null,
    };
    const stored = [
      {
        month: '2026-02',
        customerId: 'c1',
        days: [{ ...day, conversions: 1, revenueCents: 100, adSpendCents: 50, leads: 0, score: null }],
      },
    ];
    expect(revenueByMonth(stored)[0]).toMatchObject({ revenueCents: 100, investmentCents: 50 });
  });
});
