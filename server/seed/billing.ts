import type { Invoice, Payment } from '../../shared/entities/billing.ts';
import { buildPixBrCode } from '../../shared/domain/portal/br-code.ts';
import { HOUR_MS } from './clock.ts';
import type { BuiltCustomer } from './context.ts';
import { TECHCORP_DUE_DAY, techCorpFrame, type BillingPeriod, type OneTimeCharge } from './customer-doc.ts';

export const MONTH_NAMES_PT = [
  'janeiro',
  'fevereiro',
  'março',
  'abril',
  'maio',
  'junho',
  'julho',
  'agosto',
  'setembro',
  'outubro',
  'novembro',
  'dezembro',
] as const;

/** Monthly invoices go back at most this many months (keeps 10 000 customers light). */
const MAX_INVOICE_MONTHS = 26;
const ISSUE_DAY = 5;
const DUE_DAY = TECHCORP_DUE_DAY;

type Method = Payment['method'];

/** Where the demo agencies receive Pix (BR Code field 60); the builder strips the accent. */
const PIX_CITY = 'São Paulo';

/**
 * Invoices with their payments, following the contract history; also returns the lifetime value (total
 * collected), which the server derives the same way.
 */
export function buildInvoices(
  b: BuiltCustomer,
  billing: readonly BillingPeriod[],
  oneTime: readonly OneTimeCharge[],
): { invoices: Invoice[]; collectedCents: number } {
  const { rng, plan, org } = b;
  const { cal } = org;
  const techcorp = b.facts?.key === 'techcorp';
  const method: Method = techcorp
    ? 'boleto'
    : rng.weighted<Method>([
        ['pix', 45],
        ['boleto', 35],
        ['credit_card', 15],
        ['bank_transfer', 5],
      ]);
  const onTimeRate = techcorp
    ? 1
    : plan.profile === 'healthy'
      ? 0.93
      : plan.profile === 'flagged'
        ? 0.7
        : 0.85;
  const overdueChance =
    plan.profile === 'churned'
      ? 1
      : plan.profile === 'flagged'
        ? 0.45
        : plan.profile === 'moderate'
          ? 0.2
          : techcorp
            ? 0
            : 0.03;
  const pad5 = String(plan.index).padStart(5, '0');
  // TechCorp's last paid invoice is INV-1234 (customers spec §2.3), due in the month before its billing frame.
  const frame = techcorp ? techCorpFrame(cal) : 0;
  const invoices: Invoice[] = [];
  let collectedCents = 0;

  const emit = (o: {
    number: string;
    description: string;
    contractId: string;
    amountCents: number;
    issueDay: number;
    dueDay: number;
    unpaid: boolean;
  }) => {
    const createdMs = cal.at(o.issueDay, 8);
    const late = !techcorp && !rng.chance(onTimeRate);
    const payDay = techcorp ? o.dueDay : o.dueDay + (late ? rng.int(1, 10) : -rng.int(0, 6));
    const paidMs = cal.at(Math.max(o.issueDay, payDay), rng.int(8, 19), rng.int(0, 59));
    // TechCorp pays on the due day; an invoice due today is still open (its 13 paid invoices: customer-doc.ts).
    const paid = !o.unpaid && (techcorp ? o.dueDay < cal.today : paidMs < cal.nowMs);
    const status: Invoice['status'] = paid ? 'paid' : o.dueDay < cal.today ? 'overdue' : 'pending';
    const payments: Payment[] = [];
    if (method === 'credit_card' && (status === 'overdue' || rng.chance(0.08))) {
      payments.push({
        id: rng.uuid(paidMs - 2 * HOUR_MS),
        amountCents: o.amountCents,
        method,
        transactionId: `tr_${rng.int(1e9, 9e9)}`,
        gateway: 'pagarme',
        status: 'failed',
        paidAt: null,
        createdAt: cal.iso(Math.min(paidMs, cal.nowMs) - 2 * HOUR_MS),
      });
    }
    if (paid) {
      payments.push({
        id: rng.uuid(paidMs),
        amountCents: o.amountCents,
        method,
        transactionId: method === 'bank_transfer' ? null : `tr_${rng.int(1e9, 9e9)}`,
        gateway: method === 'bank_transfer' ? null : 'pagarme',
        status: 'approved',
        paidAt: cal.iso(paidMs),
        createdAt: cal.iso(paidMs),
      });
      collectedCents += o.amountCents;
    }
    invoices.push({
      id: rng.uuid(createdMs),
      updatedAt: cal.iso(createdMs),
      serverSeq: 0,
      clientUpdatedAt: cal.iso(createdMs),
      customerId: b.id,
      contractId: o.contractId,
      number: o.number,
      description: o.description,
      amountCents: o.amountCents,
      issueDate: cal.date(o.issueDay),
      dueDate: cal.date(o.dueDay),
      paidDate: paid ? cal.date(cal.dayOfInstant(paidMs)) : null,
      status,
      nfeUrl: paid ? `https://nfse.arco.example/notas/${o.number}.pdf` : null,
      nfeNumber: paid ? o.number.replace(/\D/g, '') || o.number : null,
      // A Pix code is only useful while there is something to pay.
      pixCode: paid
        ? null
        : buildPixBrCode({
            // The organization's id stands in for its random Pix key; its name ("Outra Agência") is the
            // merchant, accents and all — the shared builder normalises it (shared/domain/portal/br-code.ts).
            pixKey: org.organization.id,
            amountCents: o.amountCents,
            merchantName: org.organization.name.toUpperCase(),
            merchantCity: PIX_CITY.toUpperCase(),
            txid: o.number,
          }),
      payments,
    });
  };

  // The customer's most recent due invoice stays unpaid when its profile says so (churned: the last two).
  const unpaidFrom = rng.chance(overdueChance) ? (plan.profile === 'churned' ? 2 : 1) : 0;
  const monthly: Parameters<typeof emit>[0][] = [];
  // TechCorp always has its next invoice, INV-1235, open (the dashboard's payment history shows one
  // "Pendente" beside the paid ones, and its "Fatura disponível" notification links to it): issued early,
  // today, when the calendar has not reached its usual issue day.
  for (let m = -MAX_INVOICE_MONTHS; m <= (techcorp ? frame : 0); m++) {
    const nextTechCorp = techcorp && m === frame;
    const dueDay = cal.dayInMonth(cal.thisMonth, m, DUE_DAY);
    const period =
      billing.find((p) => p.fromDay <= dueDay && dueDay < p.toDay) ??
      (nextTechCorp ? billing.at(-1) : undefined);
    if (!period) continue;
    let issueDay = Math.max(cal.dayInMonth(cal.thisMonth, m, ISSUE_DAY), period.fromDay);
    if (issueDay > cal.today) {
      if (!nextTechCorp) continue;
      issueDay = cal.today;
    }
    const { year, month } = cal.monthOf(dueDay);
    const number = techcorp
      ? `INV-${1235 + m - frame}`
      : `${org.invoicePrefix}-${year}${String(month).padStart(2, '0')}-${pad5}`;
    monthly.push({
      number,
      description: `Mensalidade ${MONTH_NAMES_PT[month - 1]} de ${year}`,
      contractId: period.contractId,
      amountCents: period.monthlyCents,
      issueDay,
      dueDay,
      unpaid: false,
    });
  }
  const due = monthly.filter((i) => i.dueDay < cal.today);
  for (const inv of due.slice(due.length - unpaidFrom)) inv.unpaid = unpaidFrom > 0;
  for (const charge of oneTime) {
    const { year, month } = cal.monthOf(charge.day);
    emit({
      number: charge.number ?? `${org.invoicePrefix}-${year}${String(month).padStart(2, '0')}-${pad5}-S`,
      description: charge.description,
      contractId: charge.contractId,
      amountCents: charge.amountCents,
      issueDay: charge.day,
      dueDay: charge.day + 10,
      unpaid: false,
    });
  }
  for (const inv of monthly) emit(inv);
  return { invoices, collectedCents };
}
