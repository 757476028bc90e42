import { invoiceSchema } from '../entities/billing.ts';
import { defineCollection, readOnly, write } from './define.ts';
import { chronological, firstTime } from './merge-rules.ts';

/** An invoice with its payments; the client reads their own. */
export const invoices = defineCollection({
  name: 'invoices',
  schema: invoiceSchema,
  scope: 'customer',
  access: { staff: write(), client: readOnly },
  embedded: { payments: { table: 'payments', parentColumn: 'invoice_id' } },
  merge: { fields: { paidDate: firstTime, payments: chronological } },
});
