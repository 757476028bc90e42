import { z } from 'zod';

/**
 * What the device sends to `POST /api/push/subscriptions`: the browser's `PushSubscription.toJSON()` as it is
 * (docs/api.md). Unknown members are ignored (browsers may add some); `expirationTime` is accepted and unused.
 *
 * Invariants:
 * - `keys.p256dh` is the browser's P-256 public key, uncompressed (65 bytes, base64url: 87 characters, padding
 *   tolerated); `keys.auth` the 16-byte authentication secret (22 characters) — RFC 8291 §3.
 * - The endpoint is only checked for shape here; which hosts the server will POST to is the server's
 *   allow-list (server/push/allow-list.ts), answered as `validation_failed` on `endpoint`.
 */
export const pushSubscriptionBodySchema = z.object({
  endpoint: z.url({ protocol: /^https$/, error: 'expected an https push endpoint' }).max(2048),
  expirationTime: z.number().nullable().optional(),
  keys: z.object({
    p256dh: z.string().regex(/^[A-Za-z0-9_-]{87}=?$/, 'expected a base64url P-256 public key (65 bytes)'),
    auth: z.string().regex(/^[A-Za-z0-9_-]{22}(==)?$/, 'expected a base64url 16-byte secret'),
  }),
});
export type PushSubscriptionBody = z.infer<typeof pushSubscriptionBodySchema>;

export const pushUnsubscribeBodySchema = z.strictObject({ endpoint: z.string().min(1).max(2048) });

export const vapidPublicKeyResponseSchema = z.strictObject({
  publicKey: z.string().regex(/^[A-Za-z0-9_-]{87}$/),
});
