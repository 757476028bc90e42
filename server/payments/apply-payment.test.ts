import { describe, expect, it } from 'vitest';
import type { Invoice } from '../../shared/entities/billing.ts';
import { invoiceAfterEvent } from './apply-payment.ts';
import type { PaymentEvent } from './gateway.ts';

const INVOICE: Invoice = {
  id: '0190a8e4-0000-7000-8000-0000000000f1',
  updatedAt: '2026-02-05T11:00:00.000Z',
  serverSeq: 7,
  clientUpdatedAt: '2026-02-05T11:00:00.000Z',
  customerId: '0190a8e4-0000-7000-8000-0000000000cc',
  contractId: null,
  number: 'INV-1235',
  description: 'Mensalidade fevereiro de 2026',
  amountCents: 450_000,
  issueDate: '2026-02-05',
  dueDate: '2026-02-15',
  paidDate: null,
  status: 'pending',
  nfeUrl: null,
  nfeNumber: null,
  pixCode: '000201…',
  payments: [],
};

const EVENT: PaymentEvent = {
  eventId: 'fake_evt_1',
  type: 'charge.paid',
  reference: '0190a8e4-0000-7000-8000-0000000000e1',
  gatewayChargeId: 'fake_ch_1',
  amountCents: 450_000,
  method: 'pix',
  // 01:30 in UTC is still the 14th in São Paulo (UTC−3): the paid date is the organization's local day.
  occurredAt: '2026-02-15T01:30:00.000Z',
};

const apply = (invoice: Invoice, event: PaymentEvent = EVENT) =>
  invoiceAfterEvent({
    invoice,
    event,
    gateway: 'fake',
    paymentId: '0190a8e4-0000-7000-8000-0000000000a1',
    timeZone: 'America/Sao_Paulo',
  });

describe('invoiceAfterEvent', () => {
  it('pays an open invoice: status, local paid date, approved payment, no Pix code left', () => {
    const paid = apply(INVOICE);
    expect(paid).toMatchObject({ status: 'paid', paidDate: '2026-02-14', pixCode: null });
    expect(paid?.payments).toEqual([
      expect.objectContaining({
        method: 'pix',
        status: 'approved',
        transactionId: 'fake_ch_1',
        gateway: 'fake',
        amountCents: 450_000,
        paidAt: EVENT.occurredAt,
      }),
    ]);
  });

  it('pays an overdue invoice too', () => {
    expect(apply({ ...INVOICE, status: 'overdue' })?.status).toBe('paid');
  });

  it('changes nothing the second time, nor for an invoice already paid or cancelled', () => {
    const paid = apply(INVOICE)!;
    expect(apply(paid)).toBeNull();
    expect(apply({ ...paid, payments: [] })).toBeNull();
    expect(apply({ ...INVOICE, status: 'cancelled' })).toBeNull();
  });

  it('records a failed charge without changing the status, once', () => {
    const failed = apply(INVOICE, { ...EVENT, type: 'charge.failed' })!;
    expect(failed).toMatchObject({ status: 'pending', paidDate: null, pixCode: INVOICE.pixCode });
    expect(failed.payments).toEqual([expect.objectContaining({ status: 'failed', paidAt: null })]);
    expect(apply(failed, { ...EVENT, type: 'charge.failed' })).toBeNull();
    // …and the same charge may still succeed afterwards.
    expect(apply(failed)?.status).toBe('paid');
  });
});
