import { Hono } from 'hono';
import { z } from 'zod';
import { newPasswordSchema } from '../../shared/accounts.ts';
import { notFound } from '../../shared/api-errors.ts';
import type { Config } from '../config.ts';
import { limitBody, readJson } from '../http/body.ts';
import type { AppEnv, Clock } from '../http/context.ts';
import { addressKey, clientAddress } from '../http/request-info.ts';
import type { Logger } from '../logger.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { AccountStore } from './account-store.ts';
import { checkRateLimits } from './account-rate-limits.ts';
import { passwordResetMail } from './password-reset-mail.ts';
import { hashPassword } from './passwords.ts';
import type { SessionEndedHandler } from './routes.ts';
import type { AuthStore } from './store.ts';
import { hashToken, isWellFormedToken, newToken, type RandomBytes } from './tokens.ts';

/**
 * `/api/auth/password-reset` (docs/api.md "Password reset"). Invariants:
 * - The request answers 202 with the same body whether or not the address has an account, and in the same
 *   time: the answer depends only on the rate limits (keyed by the address as typed and by the client's
 *   address), and everything that depends on the account — looking it up, storing the link, sending the mail —
 *   runs after the answer (`background`).
 * - The link's token is 256 random bits that exist only in the mail; storage holds its SHA-256. It works once
 *   and for RESET_LINK_MINUTES; a disabled user's link never works.
 * - Setting the new password ends every session of the user (all devices), in the same transaction.
 */
export const RESET_LINK_MINUTES = 60;

/** Reset mails: at most `perEmail` per address as typed and `perAddress` per client address per window. */
export const RESET_LIMITS = { windowMs: 60 * 60_000, perEmail: 3, perAddress: 20 } as const;

/** The page the mailed link opens (client/features/password-reset/paths.ts). */
export const RESET_PAGE_PATH = '/redefinir-senha';

const RESET_BODY_LIMIT = 8 * 1024;

const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .regex(/^[^\s@]+@[^\s@]+$/, 'Enter an email address.');
const requestSchema = z.object({ email: emailSchema });
const tokenSchema = z.string().refine((t) => isWellFormedToken(t), 'Not a reset token.');
const verifySchema = z.object({ token: tokenSchema });
const confirmSchema = z.object({ token: tokenSchema, password: newPasswordSchema });

export const INVALID_RESET_LINK = 'This reset link is invalid, expired or already used. Ask for a new one.';

export function passwordResetRoutes(deps: {
  readonly auth: AuthStore;
  readonly accounts: AccountStore;
  readonly clock: Clock;
  readonly random: RandomBytes;
  readonly mailer: Mailer;
  readonly logger: Logger;
  readonly config: Pick<Config, 'publicOrigin' | 'trustProxy' | 'port'>;
  readonly onSessionEnded?: SessionEndedHandler;
  /** Runs what follows the answer; default: in the background, failures logged. Tests collect the tasks. */
  readonly background?: (task: Promise<void>) => void;
}) {
  const { auth, accounts, clock, random, mailer, config } = deps;
  const background =
    deps.background ??
    ((task: Promise<void>) =>
      void task.catch((err: unknown) => deps.logger.error({ err }, 'password reset mail failed')));
  // Never the request's Host header: a forged Host would mail a link to someone else's server.
  const origin = config.publicOrigin ?? `http://localhost:${config.port}`;

  const sendLink = async (email: string, ip: string) => {
    const login = await auth.findLoginByEmail(email);
    if (!login || login.disabled) return;
    const token = newToken(random);
    const now = clock.now();
    await accounts.createPasswordReset({
      user: login.user,
      tokenHash: hashToken(token),
      createdAt: now,
      expiresAt: new Date(now.getTime() + RESET_LINK_MINUTES * 60_000),
      ip,
    });
    const link = `${origin}${RESET_PAGE_PATH}#token=${token}`;
    await mailer.send(passwordResetMail(login.user, link, RESET_LINK_MINUTES));
  };

  return new Hono<AppEnv>()
    .post('/', limitBody(RESET_BODY_LIMIT), async (c) => {
      const { email } = await readJson(c, requestSchema);
      const address = clientAddress(c, config);
      const now = clock.now();
      await checkRateLimits(accounts, now, RESET_LIMITS.windowMs, [
        { bucket: 'reset_email', key: email, limit: RESET_LIMITS.perEmail },
        { bucket: 'reset_ip', key: addressKey(address), limit: RESET_LIMITS.perAddress },
      ]);
      background(sendLink(email, address));
      return c.json({ accepted: true }, 202);
    })
    .post('/verify', limitBody(RESET_BODY_LIMIT), async (c) => {
      const { token } = await readJson(c, verifySchema);
      const found = await accounts.findPasswordReset(hashToken(token), clock.now());
      if (!found) throw notFound(INVALID_RESET_LINK);
      return c.json({ email: found.user.email, expiresAt: found.expiresAt.toISOString() }, 200);
    })
    .post('/confirm', limitBody(RESET_BODY_LIMIT), async (c) => {
      const { token, password } = await readJson(c, confirmSchema);
      const tokenHash = hashToken(token);
      // Hash only for a link that can work (argon2 is the expensive part); the store re-checks atomically.
      if (!(await accounts.findPasswordReset(tokenHash, clock.now()))) throw notFound(INVALID_RESET_LINK);
      const passwordHash = await hashPassword(password);
      const done = await accounts.completePasswordReset({
        tokenHash,
        passwordHash,
        at: clock.now(),
        ip: clientAddress(c, config),
      });
      if (!done) throw notFound(INVALID_RESET_LINK);
      for (const session of done.ended)
        await deps.onSessionEnded?.({ session, reason: 'sign_out', next: null, nextUser: null });
      c.get('log').info(
        { event: 'password_reset', userId: done.user.id, sessionsEnded: done.ended.length },
        'password reset',
      );
      return c.body(null, 204);
    });
}
