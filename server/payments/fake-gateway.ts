import { z } from 'zod';
import { badRequest, unauthorized, validationFailed } from '../../shared/api-errors.ts';
import { paymentEventSchema, type PaymentEvent, type PaymentGateway } from './gateway.ts';
import { SIGNATURE_HEADER, signWebhook, verifyWebhookSignature } from './signature.ts';

/**
 * The local payment gateway for development and tests: no network, no account. It opens a charge at once and,
 * when given a way to `deliver` webhooks, behaves like a payer who pays right away: after `settleAfterMs` it
 * sends a signed `charge.paid` event to our own webhook (`POST /api/payments/webhook/fake`), retrying on
 * anything but 2xx as real gateways do (same event id each time), so the whole path — signature, idempotency,
 * marking the invoice paid, sync to the device — runs exactly as it would with a real gateway.
 *
 * Its wire format is the normalised `PaymentEvent` as JSON, signed per signature.ts with the configured secret.
 * Everything it needs is injected (clock, ids, scheduling, delivery); it keeps no state of its own.
 */
export const FAKE_GATEWAY_ID = 'fake';

export interface FakeDelivery {
  readonly rawBody: string;
  readonly headers: Readonly<Record<string, string>>;
}

export interface FakeGatewayOptions {
  readonly secret: string;
  readonly clock: () => Date;
  readonly newId: () => string;
  /** Sends a delivery to our webhook and answers its HTTP status; omitted → charges stay pending. */
  readonly deliver?: (delivery: FakeDelivery) => Promise<number>;
  /** Default: an unref'd setTimeout (a pending settlement never keeps the process alive). */
  readonly schedule?: (task: () => void, ms: number) => void;
  readonly settleAfterMs?: number;
  readonly maxAttempts?: number;
  /** Failed deliveries after the last attempt (the server logs them). */
  readonly onGiveUp?: (event: PaymentEvent, lastStatus: number | 'error') => void;
}

export interface FakeGateway extends PaymentGateway {
  /** A delivery exactly as the gateway would send it (tests craft valid, replayed or tampered ones from it). */
  signedDelivery(event: PaymentEvent): FakeDelivery;
}

const defaultSchedule = (task: () => void, ms: number) => {
  setTimeout(task, ms).unref();
};

export function createFakeGateway(options: FakeGatewayOptions): FakeGateway {
  const schedule = options.schedule ?? defaultSchedule;
  const settleAfterMs = options.settleAfterMs ?? 1_500;
  const maxAttempts = options.maxAttempts ?? 6;

  const signedDelivery = (event: PaymentEvent): FakeDelivery => {
    const rawBody = JSON.stringify(event);
    return {
      rawBody,
      headers: {
        'content-type': 'application/json',
        [SIGNATURE_HEADER]: signWebhook(options.secret, rawBody, options.clock()),
      },
    };
  };

  const deliverWithRetries = (event: PaymentEvent, attempt: number) => {
    const deliver = options.deliver;
    if (!deliver) return;
    // Signed at each attempt (a fresh timestamp), same event id: the receiver applies it once.
    deliver(signedDelivery(event)).then(
      (status) => {
        if (status >= 200 && status < 300) return;
        if (attempt >= maxAttempts) options.onGiveUp?.(event, status);
        else schedule(() => deliverWithRetries(event, attempt + 1), settleAfterMs * attempt);
      },
      () => {
        if (attempt >= maxAttempts) options.onGiveUp?.(event, 'error');
        else schedule(() => deliverWithRetries(event, attempt + 1), settleAfterMs * attempt);
      },
    );
  };

  return {
    id: FAKE_GATEWAY_ID,
    signedDelivery,
    async createCharge(request) {
      const gatewayChargeId = `fake_ch_${options.newId()}`;
      if (options.deliver) {
        schedule(
          () =>
            deliverWithRetries(
              {
                eventId: `fake_evt_${options.newId()}`,
                type: 'charge.paid',
                reference: request.reference,
                gatewayChargeId,
                amountCents: request.amountCents,
                method: 'pix',
                occurredAt: options.clock().toISOString(),
              },
              1,
            ),
          settleAfterMs,
        );
      }
      return { gatewayChargeId, checkoutUrl: null };
    },
    verifyWebhook({ rawBody, header }) {
      const check = verifyWebhookSignature({
        secret: options.secret,
        rawBody,
        header: header(SIGNATURE_HEADER),
        now: options.clock(),
      });
      if (check !== 'ok') throw unauthorized(`Invalid webhook signature (${check}).`);
      let value: unknown;
      try {
        value = JSON.parse(rawBody);
      } catch {
        throw badRequest('The webhook body is not valid JSON.');
      }
      const kind = z.object({ type: z.string() }).safeParse(value);
      if (kind.success && !paymentEventSchema.shape.type.safeParse(kind.data.type).success) return 'ignored';
      const event = paymentEventSchema.safeParse(value);
      if (!event.success) throw validationFailed(event.error);
      return event.data;
    },
  };
}
