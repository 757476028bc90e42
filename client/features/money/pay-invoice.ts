import { errorBodySchema } from '../../../shared/api-errors.ts';
import { checkoutResponseSchema, type CheckoutResponse } from '../../../shared/payments.ts';

export type PayResult =
  | { readonly kind: 'started'; readonly charge: CheckoutResponse['charge'] }
  | { readonly kind: 'offline' }
  /** The server's own message (the error family's `message`), or null when the answer was not ours. */
  | { readonly kind: 'refused'; readonly code: string | null; readonly message: string | null };

/**
 * "Pagar": asks the server to open a charge for the invoice with its payment gateway
 * (`POST /api/payments/checkout`). Online only — a payment is never queued: the device cannot know whether a
 * charge opened while it was offline would still be wanted. The invoice turns paid on the device when the
 * gateway's webhook has marked it and sync brings it (not from this answer).
 */
export async function payInvoice(deps: { fetch: typeof fetch }, invoiceId: string): Promise<PayResult> {
  let res: Response;
  try {
    res = await deps.fetch('/api/payments/checkout', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ invoiceId }),
    });
  } catch {
    return { kind: 'offline' };
  }
  const body: unknown = await res.json().catch(() => null);
  if (res.ok) {
    const parsed = checkoutResponseSchema.safeParse(body);
    if (parsed.success) return { kind: 'started', charge: parsed.data.charge };
    return { kind: 'refused', code: null, message: null };
  }
  const error = errorBodySchema.safeParse(body);
  return error.success
    ? { kind: 'refused', code: error.data.error.code, message: error.data.error.message }
    : { kind: 'refused', code: null, message: null };
}
