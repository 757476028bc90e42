import { z } from 'zod';
import { paymentMethodSchema } from '../../shared/entities/billing.ts';
import { idSchema, isoDateTime, nonNegativeCents } from '../../shared/entities/common.ts';

/**
 * A payment gateway as the server sees it (docs/api.md "Payments"): it opens a charge for an invoice and later
 * tells us, through a signed webhook, that the charge was paid or failed. Each real gateway (Pagar.me, Mercado
 * Pago, Stripe…) is one implementation of this interface translating its own API and event format; the local
 * fake (fake-gateway.ts) is the one used in development and tests. The routes (routes.ts) depend only on this.
 *
 * Invariants every implementation keeps:
 * - `createCharge` passes our charge id as the gateway's reference (metadata / external reference), and every
 *   event it reports carries it back: that is how a webhook finds its charge, even before `createCharge`
 *   has returned.
 * - `verifyWebhook` checks the signature over the **raw** body, before parsing anything, with a constant-time
 *   comparison; it throws `ApiError('unauthorized')` for a missing, malformed, wrong or stale signature and
 *   `ApiError('validation_failed')` for a correctly signed body it cannot read. Every event has a unique,
 *   stable `eventId` (a retried delivery repeats it): the routes apply each event id at most once.
 */
export const gatewayIdSchema = z.string().regex(/^[a-z0-9-]{1,50}$/);

export interface ChargeRequest {
  /** Our charge id (payment_charges.id), echoed back in every event of the charge. */
  readonly reference: string;
  readonly invoiceNumber: string;
  readonly description: string;
  readonly amountCents: number;
}

export interface GatewayCharge {
  readonly gatewayChargeId: string;
  /** A hosted checkout page to send the payer to, if the gateway has one. */
  readonly checkoutUrl: string | null;
}

/** A gateway event, normalised. */
export const paymentEventSchema = z.strictObject({
  eventId: z.string().min(1).max(255),
  type: z.enum(['charge.paid', 'charge.failed']),
  reference: idSchema,
  gatewayChargeId: z.string().min(1).max(255),
  amountCents: nonNegativeCents,
  method: paymentMethodSchema,
  occurredAt: isoDateTime,
});
export type PaymentEvent = z.infer<typeof paymentEventSchema>;

export interface WebhookDelivery {
  /** The body exactly as received: the signature covers these bytes, not a re-serialisation. */
  readonly rawBody: string;
  readonly header: (name: string) => string | undefined;
}

export interface PaymentGateway {
  /** The webhook path segment: `POST /api/payments/webhook/<id>`. */
  readonly id: string;
  createCharge(request: ChargeRequest): Promise<GatewayCharge>;
  /** The verified event, or `'ignored'` for a correctly signed event type we do not act on. */
  verifyWebhook(delivery: WebhookDelivery): PaymentEvent | 'ignored';
}
