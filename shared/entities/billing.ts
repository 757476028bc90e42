import { z } from 'zod';
import { idSchema, isoDate, isoDateTime, nonNegativeCents, shortText, syncedFields } from './common.ts';

export const invoiceStatusSchema = z.enum(['pending', 'paid', 'overdue', 'cancelled']);
export const paymentMethodSchema = z.enum(['credit_card', 'boleto', 'pix', 'bank_transfer']);
export const paymentStatusSchema = z.enum(['pending', 'approved', 'failed', 'refunded']);

export const paymentSchema = z.strictObject({
  id: idSchema,
  amountCents: nonNegativeCents,
  method: paymentMethodSchema,
  transactionId: z.string().max(255).nullable(),
  gateway: z.string().max(50).nullable(),
  status: paymentStatusSchema,
  paidAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
});
export type Payment = z.infer<typeof paymentSchema>;

/** An invoice of one customer with its payments embedded (client dashboard §5C, customers spec §2.3). */
export const invoiceSchema = z.strictObject({
  ...syncedFields,
  customerId: idSchema,
  contractId: idSchema.nullable(),
  number: z.string().trim().min(1).max(50),
  description: shortText,
  amountCents: nonNegativeCents,
  issueDate: isoDate,
  dueDate: isoDate,
  paidDate: isoDate.nullable(),
  status: invoiceStatusSchema,
  nfeUrl: z.url().max(2000).nullable(),
  /** Pix "copia e cola" code (EMV payload). */
  pixCode: z.string().max(512).nullable(),
  /** The issued NFS-e's number (server/nfse/), beside its link `nfeUrl`; null until issued. */
  nfeNumber: z.string().trim().min(1).max(50).nullable().default(null),
  payments: z.array(paymentSchema).max(100),
});
export type Invoice = z.infer<typeof invoiceSchema>;
