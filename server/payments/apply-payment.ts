import { localDateOf } from '../../shared/domain/portal/time.ts';
import type { Invoice } from '../../shared/entities/billing.ts';
import type { PaymentEvent } from './gateway.ts';

/**
 * What a verified gateway event does to its invoice (pure; the routes wrap it with the database):
 * - `charge.paid` on an open invoice → `paid`, `paidDate` = the payment's local day in the organization's time
 *   zone, an approved payment appended (method, amount, the gateway's charge id as the transaction id), and the
 *   Pix code dropped (nothing is left to pay — as the demo data does for paid invoices);
 * - `charge.failed` → a failed payment appended, the invoice otherwise unchanged;
 * - nothing (`null`) when the invoice already records this gateway charge with the same outcome, or when a
 *   payment arrives for an invoice that is already paid or cancelled (the routes log it for a human).
 * So applying the same event twice, or two charges of one invoice, never pays it twice.
 */
export function invoiceAfterEvent(input: {
  invoice: Invoice;
  event: PaymentEvent;
  gateway: string;
  paymentId: string;
  timeZone: string;
}): Invoice | null {
  const { invoice, event, gateway, paymentId, timeZone } = input;
  const status = event.type === 'charge.paid' ? 'approved' : 'failed';
  const known = invoice.payments.some(
    (p) => p.gateway === gateway && p.transactionId === event.gatewayChargeId && p.status === status,
  );
  if (known) return null;
  const payment = {
    id: paymentId,
    amountCents: event.amountCents,
    method: event.method,
    transactionId: event.gatewayChargeId,
    gateway,
    status,
    paidAt: status === 'approved' ? event.occurredAt : null,
    createdAt: event.occurredAt,
  } as const;
  if (status === 'failed') return { ...invoice, payments: [...invoice.payments, payment] };
  if (invoice.status === 'paid' || invoice.status === 'cancelled') return null;
  return {
    ...invoice,
    status: 'paid',
    paidDate: localDateOf(event.occurredAt, timeZone),
    pixCode: null,
    payments: [...invoice.payments, payment],
  };
}
