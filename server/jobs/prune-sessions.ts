import { z } from 'zod';
import { LOGIN_THROTTLE } from '../auth/login-throttle.ts';
import { PASSKEY_LIMITS } from '../auth/passkeys-routes.ts';
import { RESET_LIMITS } from '../auth/password-reset-routes.ts';
import { defineJob } from './define.ts';

/**
 * Hourly clean-up of authentication state no rule looks at any more: sessions that are expired, revoked or
 * idle past `SESSION_IDLE_MINUTES`, and sign-in attempts older than the known-device window (the throttle's
 * longest look-back), and the account requests' rate events and WebAuthn challenges past their windows. All
 * deletes are idempotent, so a retry or a second instance running it is harmless.
 */
export const pruneSessionsJob = defineJob({
  name: 'prune-sessions',
  payload: z.strictObject({}),
  schedule: { cron: '0 * * * *', payload: {} },
  retry: { limit: 2, delaySeconds: 60, backoff: true },
  timeoutSeconds: 5 * 60,
  async handler(_payload, { auth, accounts, clock, config, logger, jobId }) {
    const now = clock().getTime();
    const attempts = await auth.pruneLoginAttempts(new Date(now - LOGIN_THROTTLE.knownDeviceMs));
    const sessions = await auth.pruneSessions({
      deadBefore: new Date(now),
      idleBefore: new Date(now - config.session.idleMs),
    });
    const rateWindowMs = Math.max(RESET_LIMITS.windowMs, PASSKEY_LIMITS.windowMs);
    const accountRecords = await accounts.pruneAccountRecords(new Date(now - rateWindowMs));
    if (attempts > 0 || sessions > 0 || accountRecords > 0)
      logger.info(
        { jobId, sessions, attempts, accountRecords },
        'pruned dead sessions, old sign-in attempts and account request records',
      );
  },
});
