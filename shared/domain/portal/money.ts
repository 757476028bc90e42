import { z } from 'zod';
import { invoiceSchema } from '../../entities/billing.ts';
import { dailyMetricSchema } from '../../entities/portal.ts';
import { isoDate, monthSchema } from '../../entities/common.ts';
import { truncateTowardZero } from './numbers.ts';
import { computeRoi, type RoiResult } from './roi.ts';

/**
 * The client's money (dashboard §5A–C): revenue by month with its change, the month's ROI, and the invoices
 * grouped by what the client must do.
 *
 * Invariants:
 * - Revenue of a month = Σ `revenueCents` of its daily metrics; **investment** of a month = Σ `adSpendCents`
 *   (the media the agency runs for the client, what the seed calls "Investimento Total": R$ 8.500 against
 *   R$ 43.200 → ROI 408 %). The agency's own fee is an invoice, not part of this figure: adding it would not
 *   reproduce the seed's 408 %.
 * - Change vs the previous month is exact (`changeRatio`) and shown truncated toward zero
 *   (`changePercentDisplay`): R$ 43.200 vs R$ 35.100 = +23.07… % → "↑23%". No previous month or a previous
 *   month of zero → `null` (no made-up "+∞ %").
 * - An invoice's **effective status** is what the client must do today: `paid` and `cancelled` stand; a
 *   `pending` invoice past its due date is `overdue` even before the server flips it (the device is offline, or
 *   the nightly job has not run), so the screen never calls a late bill "pendente".
 */

const metricsMonthSchema = z.object({
  month: monthSchema,
  // Non-strict so whole stored metrics documents are accepted.
  days: z.array(
    z.object({
      revenueCents: dailyMetricSchema.shape.revenueCents,
      adSpendCents: dailyMetricSchema.shape.adSpendCents,
    }),
  ),
});
export type MetricsMonthInput = z.input<typeof metricsMonthSchema>;

export interface MonthRevenue {
  month: string;
  revenueCents: number;
  investmentCents: number;
  /** Revenue ÷ previous month's revenue − 1, exact; null without a previous month with revenue. */
  changeRatio: number | null;
  /** The change in percent truncated toward zero: 23 for +23.07 %. */
  changePercentDisplay: number | null;
}

/** One entry per month present in `metrics`, oldest first (months are unique per customer). */
export function revenueByMonth(metrics: readonly MetricsMonthInput[]): MonthRevenue[] {
  const months = z
    .array(metricsMonthSchema)
    .parse(metrics)
    .sort((a, b) => a.month.localeCompare(b.month));
  const out: MonthRevenue[] = [];
  for (const m of months) {
    const revenueCents = m.days.reduce((s, d) => s + d.revenueCents, 0);
    const investmentCents = m.days.reduce((s, d) => s + d.adSpendCents, 0);
    const previous = out.at(-1);
    const adjacent = previous !== undefined && previous.month === previousMonth(m.month);
    const changeRatio =
      adjacent && previous.revenueCents > 0 ? revenueCents / previous.revenueCents - 1 : null;
    out.push({
      month: m.month,
      revenueCents,
      investmentCents,
      changeRatio,
      changePercentDisplay: changeRatio === null ? null : truncateTowardZero(changeRatio * 100, 0),
    });
  }
  return out;
}

/** "2026-01" for "2026-02", "2025-12" for "2026-01". */
export function previousMonth(month: string): string {
  const [y, m] = monthSchema.parse(month).split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The ROI of one month's revenue on that month's investment (§5B); see roi.ts for the display rules. */
export function monthRoi(month: Pick<MonthRevenue, 'revenueCents' | 'investmentCents'>): RoiResult {
  return computeRoi({ revenueCents: month.revenueCents, investmentCents: month.investmentCents });
}

// ---------------------------------------------------------------------------------------------- invoices

/** Non-strict: whole stored invoices are accepted and their other fields ignored. */
const invoiceStatusInput = z.object({
  status: invoiceSchema.shape.status,
  dueDate: invoiceSchema.shape.dueDate,
});
export type EffectiveInvoiceStatus = 'paid' | 'pending' | 'overdue' | 'cancelled';

/** What the client must do about an invoice on the local day `today` (YYYY-MM-DD). */
export function effectiveInvoiceStatus(
  invoice: z.input<typeof invoiceStatusInput>,
  today: string,
): EffectiveInvoiceStatus {
  const { status, dueDate } = invoiceStatusInput.parse(invoice);
  const day = isoDate.parse(today);
  if (status === 'pending' && dueDate < day) return 'overdue';
  return status;
}

/** The invoice fields the grouping reads; whole stored documents are accepted. */
type InvoiceLike = z.input<typeof invoiceStatusInput> & { amountCents: number; issueDate: string };

export interface InvoiceGroups<T> {
  /** Overdue first (oldest due first), then pending (closest due first): the order to pay them in. */
  open: { invoice: T; status: 'overdue' | 'pending' }[];
  /** Paid and cancelled, newest issue first. */
  settled: { invoice: T; status: 'paid' | 'cancelled' }[];
  /** Σ amount of the open invoices, and of the overdue ones. */
  openCents: number;
  overdueCents: number;
}

export function groupInvoices<T extends InvoiceLike>(
  invoices: readonly T[],
  today: string,
): InvoiceGroups<T> {
  const open: InvoiceGroups<T>['open'] = [];
  const settled: InvoiceGroups<T>['settled'] = [];
  for (const invoice of invoices) {
    const status = effectiveInvoiceStatus(invoice, today);
    if (status === 'overdue' || status === 'pending') open.push({ invoice, status });
    else settled.push({ invoice, status });
  }
  const rank = (s: 'overdue' | 'pending') => (s === 'overdue' ? 0 : 1);
  open.sort((a, b) => rank(a.status) - rank(b.status) || a.invoice.dueDate.localeCompare(b.invoice.dueDate));
  settled.sort((a, b) => b.invoice.issueDate.localeCompare(a.invoice.issueDate));
  return {
    open,
    settled,
    openCents: open.reduce((s, o) => s + o.invoice.amountCents, 0),
    overdueCents: open.filter((o) => o.status === 'overdue').reduce((s, o) => s + o.invoice.amountCents, 0),
  };
}
