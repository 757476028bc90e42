import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Webhook signatures (HMAC-SHA256 with a shared secret), in the `t=<unix seconds>,v1=<hex>` form Stripe
 * popularised: the MAC covers `<t>.<raw body>`, so neither the body nor the time can be changed, and a delivery
 * older (or newer) than the tolerance is refused — a captured request cannot be replayed later. Replays inside
 * the window are stopped by the event id (payment_webhook_events).
 *
 * Invariants: the body is MACed exactly as received (never re-serialised JSON); the comparison is constant-time
 * (`timingSafeEqual` over equal-length digests; a length difference reveals nothing secret); secrets never
 * reach a log or an error message.
 */
export const SIGNATURE_HEADER = 'x-arco-signature';
export const DEFAULT_TOLERANCE_SECONDS = 300;

const mac = (secret: string, timestamp: string, rawBody: string) =>
  createHmac('sha256', secret).update(`${timestamp}.${rawBody}`, 'utf8').digest();

export function signWebhook(secret: string, rawBody: string, now: Date): string {
  const t = String(Math.floor(now.getTime() / 1000));
  return `t=${t},v1=${mac(secret, t, rawBody).toString('hex')}`;
}

export type SignatureCheck = 'ok' | 'missing' | 'malformed' | 'mismatch' | 'stale';

export function verifyWebhookSignature(input: {
  secret: string;
  rawBody: string;
  header: string | undefined;
  now: Date;
  toleranceSeconds?: number;
}): SignatureCheck {
  if (input.header === undefined || input.header.trim() === '') return 'missing';
  const parts = new Map(
    input.header.split(',').map((part) => {
      const i = part.indexOf('=');
      return [part.slice(0, i).trim(), part.slice(i + 1).trim()] as const;
    }),
  );
  const t = parts.get('t');
  const v1 = parts.get('v1');
  if (!t || !/^\d{1,12}$/.test(t) || !v1 || !/^[0-9a-f]{64}$/i.test(v1)) return 'malformed';
  const expected = mac(input.secret, t, input.rawBody);
  const given = Buffer.from(v1, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'mismatch';
  const age = Math.abs(input.now.getTime() / 1000 - Number(t));
  if (age > (input.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS)) return 'stale';
  return 'ok';
}
