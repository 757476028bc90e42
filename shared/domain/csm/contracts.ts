import type { Invoice, Payment } from '../../entities/billing.ts';
import type { Contract, ContractItem } from '../../entities/customer.ts';
import { addMonths } from '../portal/time.ts';
import { deriveCustomerRevenue, isContractActiveOn } from '../revenue.ts';
import { addDays, fullMonthsBetween } from './dates.ts';

/**
 * Contracts and their payments (customers spec §2.3, Contracts tab), derived — never typed in.
 *
 * Invariants:
 * - Money is integer cents. A contract's monthly value is the sum of its recurring items (quantity × unit
 *   price); its total is the monthly value over the whole term plus its one-time items.
 * - Periods are calendar dates with an inclusive end: 2024-02-01…2024-04-30 is a 3-month term. The next
 *   period starts the day after the current one ends and lasts as long, so the two never overlap (the revenue
 *   rule counts a contract on both its start and end days: an overlap would double the MRR for a day).
 */

/** Whole months of a term whose last day is `endDate` (inclusive); at least 1. */
export function termMonths(startDate: string, endDate: string): number {
  return Math.max(1, fullMonthsBetween(startDate, addDays(endDate, 1)));
}

export interface ContractValues {
  readonly monthlyValueCents: number;
  readonly totalValueCents: number;
}

type PricedItem = Pick<ContractItem, 'quantity' | 'unitPriceCents' | 'billingType'>;

const itemsTotal = (items: readonly PricedItem[], type: ContractItem['billingType']) =>
  items.filter((i) => i.billingType === type).reduce((s, i) => s + i.quantity * i.unitPriceCents, 0);

/** The monthly value of a contract's items: its recurring items, quantity × unit price. */
export const monthlyValueOf = (items: readonly PricedItem[]): number => itemsTotal(items, 'recurring');

/** The values a contract's items and period give (see the invariants). */
export function contractValues(
  items: readonly PricedItem[],
  startDate: string,
  endDate: string,
): ContractValues {
  const monthlyValueCents = monthlyValueOf(items);
  return {
    monthlyValueCents,
    totalValueCents: monthlyValueCents * termMonths(startDate, endDate) + itemsTotal(items, 'one_time'),
  };
}

/** The period after `contract`'s: from the day after it ends, as many months long. */
export function nextPeriod(contract: Pick<Contract, 'startDate' | 'endDate'>): {
  startDate: string;
  endDate: string;
} {
  const startDate = addDays(contract.endDate, 1);
  const months = termMonths(contract.startDate, contract.endDate);
  return { startDate, endDate: addDays(addMonths(startDate, months), -1) };
}

/**
 * The number proposed for a renewal: `CTR-<year the new period starts>-<same sequence>` for numbers shaped like
 * the seed's (`CTR-2024-0045` → `CTR-2027-0045`), else the number with `-R`; a suffix `-2`, `-3`, … when the
 * customer already has that number.
 */
export function renewalNumber(number: string, startDate: string, taken: readonly string[]): string {
  const seed = /^([A-Z]+)-(\d{4})-(\d+)$/.exec(number);
  const base = seed ? `${seed[1]}-${startDate.slice(0, 4)}-${seed[3]}` : `${number}-R`;
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

/**
 * The contract that renews `current` for the next period, as a draft for the form: same name, terms and items
 * (new ids), active, linked to it (`previousContractId`), not signed yet. `ids` are fresh ids (one per item,
 * in order, plus the contract's).
 */
export function renewalOf(
  current: Contract,
  ids: { readonly contract: string; readonly items: readonly string[] },
  takenNumbers: readonly string[],
): Contract {
  const period = nextPeriod(current);
  const items = current.items.map((item, i) => ({ ...item, id: ids.items[i] ?? item.id }));
  return {
    ...current,
    id: ids.contract,
    contractNumber: renewalNumber(current.contractNumber, period.startDate, takenNumbers),
    status: 'active',
    ...period,
    ...contractValues(items, period.startDate, period.endDate),
    items,
    documentUrl: null,
    signedAt: null,
    signedBy: null,
    previousContractId: current.id,
  };
}

/** Whether a contract belongs under "active" (in force, upcoming or being drafted) or "completed". */
export const isOpenContract = (c: Pick<Contract, 'status'>): boolean =>
  c.status === 'active' || c.status === 'draft';

/**
 * The Contracts tab's two lists: open contracts (latest start first) and completed or cancelled ones (latest
 * end first).
 */
export function groupContracts<C extends Pick<Contract, 'status' | 'startDate' | 'endDate'>>(
  contracts: readonly C[],
): { open: C[]; closed: C[] } {
  return {
    open: contracts.filter(isOpenContract).sort((a, b) => b.startDate.localeCompare(a.startDate)),
    closed: contracts.filter((c) => !isOpenContract(c)).sort((a, b) => b.endDate.localeCompare(a.endDate)),
  };
}

/** A contract's phase on `today`: in force, not started yet, or past its end while still marked active. */
export function contractPhase(
  contract: Pick<Contract, 'status' | 'startDate' | 'endDate'>,
  today: string,
): Contract['status'] | 'upcoming' | 'ended' {
  if (contract.status !== 'active') return contract.status;
  if (isContractActiveOn(contract, today)) return 'active';
  return contract.startDate > today ? 'upcoming' : 'ended';
}

export interface PaymentSummary {
  /** Everything collected (approved payments) — the lifetime value of the revenue rule. */
  readonly totalCollectedCents: number;
  /** Invoices that count for punctuality: not cancelled, and either paid or past due. */
  readonly countedInvoices: number;
  readonly paidOnTime: number;
  /** paidOnTime / countedInvoices; null without any counted invoice. */
  readonly onTimeRatio: number | null;
}

/**
 * The payment history's footer (customers spec §2.3 "Total Collected … On-time"). An invoice is on time when it
 * was paid on or before its due date; one not yet due and unpaid does not count either way.
 */
export function paymentSummary(
  invoices: readonly (Pick<Invoice, 'status' | 'dueDate' | 'paidDate'> & {
    readonly payments: readonly Pick<Payment, 'status' | 'amountCents'>[];
  })[],
  today: string,
): PaymentSummary {
  const totalCollectedCents = deriveCustomerRevenue(
    [],
    invoices.flatMap((i) => i.payments),
    today,
  ).lifetimeValueCents;
  const counted = invoices.filter(
    (i) => i.status !== 'cancelled' && (i.paidDate !== null || i.dueDate < today),
  );
  const paidOnTime = counted.filter((i) => i.paidDate !== null && i.paidDate <= i.dueDate).length;
  return {
    totalCollectedCents,
    countedInvoices: counted.length,
    paidOnTime,
    onTimeRatio: counted.length > 0 ? paidOnTime / counted.length : null,
  };
}
