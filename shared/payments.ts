import { z } from 'zod';
import { idSchema } from './entities/common.ts';

/**
 * The client ↔ server contract of "Pagar" (docs/api.md, Payments): the device asks the server to open a charge
 * for one invoice with the configured payment gateway; the gateway later confirms it through its signed
 * webhook, and the invoice reaches the device as paid through sync. Pure (zod only): both sides parse with it.
 */
export const checkoutRequestSchema = z.strictObject({ invoiceId: idSchema });
export type CheckoutRequest = z.infer<typeof checkoutRequestSchema>;

export const chargeStatusSchema = z.enum(['pending', 'paid', 'failed']);

export const checkoutResponseSchema = z.strictObject({
  charge: z.strictObject({
    id: z.string().min(1).max(255),
    gateway: z.string().min(1).max(50),
    invoiceId: idSchema,
    amountCents: z.number().int().min(0),
    status: chargeStatusSchema,
    /** Where the gateway wants the payer to go (a hosted checkout), if anywhere; the fake gateway has none. */
    checkoutUrl: z.url().nullable(),
  }),
});
export type CheckoutResponse = z.infer<typeof checkoutResponseSchema>;
