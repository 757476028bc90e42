import { rateLimited } from '../../shared/api-errors.ts';
import type { AccountStore, RateBucket } from './account-store.ts';

export interface RateRule {
  readonly bucket: RateBucket;
  readonly key: string;
  /** Requests allowed per window. */
  readonly limit: number;
}

/**
 * Sliding-window limits for unauthenticated account requests (password reset mails, passkey sign-in options),
 * counted in the database so every server instance sees the same numbers. A refused request is not recorded:
 * a blocked client cannot extend its block, which therefore ends when enough of its counted requests have
 * left the window — that instant is the `Retry-After`. An allowed request counts once under every rule.
 */
export async function checkRateLimits(
  store: AccountStore,
  now: Date,
  windowMs: number,
  rules: readonly RateRule[],
): Promise<void> {
  const since = new Date(now.getTime() - windowMs);
  for (const rule of rules) {
    const events = await store.rateEventsSince(rule.bucket, rule.key, since);
    if (events.length < rule.limit) continue;
    // The request fits again once all but limit − 1 of the counted events are out of the window.
    const freedAt = events[events.length - rule.limit]!.getTime() + windowMs;
    throw rateLimited(
      Math.max(1, Math.ceil((freedAt - now.getTime()) / 1000)),
      'Too many requests. Try again later.',
    );
  }
  for (const rule of rules) await store.recordRateEvent({ bucket: rule.bucket, key: rule.key, at: now });
}
