import type { AttemptFilter, AttemptLog, AuthStore } from './store.ts';

/**
 * Failed sign-in throttling (docs/architecture.md §6), counted in the database so every server instance sees the same
 * numbers. The goal is two-sided: slow guessing down hard, and never let an attacker lock a real user out.
 *
 * A browser is a **known device** for an account when its device cookie (see cookies.ts) was used for a
 * successful sign-in to that account in the last KNOWN_DEVICE_DAYS. Limits, each over a sliding
 * `windowMs` of failed attempts:
 *
 * | key                          | applies to        | limit | reset by a success of the same key |
 * |------------------------------|-------------------|-------|------------------------------------|
 * | account + device             | known devices     | 5     | yes                                |
 * | account + address            | unknown devices   | 5     | yes                                |
 * | address (any account)        | unknown devices   | 50    | no (spraying many accounts)        |
 * | account (any address)        | unknown devices   | 20    | no (distributed guessing)          |
 *
 * So an attacker — who cannot have the victim's device cookie — can at worst make the account wait for new
 * browsers; the user's own phone or laptop keeps signing in, subject only to its own typos. Unknown emails
 * are throttled exactly like real ones (keys are the email as typed), so throttling reveals nothing.
 * Attempts refused by the throttle are not verified and not recorded: a blocked attacker cannot extend the
 * block, which therefore always ends when the oldest counted failure leaves the window (that is Retry-After).
 *
 * Counting is check-and-act in one critical section (`admitLoginAttempt`): an admitted attempt is recorded as a
 * failure *before* its password is verified, under a lock on its account and its address, and only turned
 * into a success afterwards. So a burst of parallel guesses gets at most the limit's number of password
 * checks, also when the burst is spread over several server instances on one database.
 * Addresses are keyed per IPv4 address or per IPv6 /64 (request-info.ts `addressKey`).
 */
export const LOGIN_THROTTLE = {
  windowMs: 15 * 60_000,
  perAccountAndSource: 5,
  perAddress: 50,
  perAccount: 20,
  knownDeviceMs: 90 * 24 * 60 * 60_000,
} as const;

export type ThrottleLimits = typeof LOGIN_THROTTLE;

export interface ThrottleSubject {
  /** Normalised email as typed. */
  readonly accountKey: string;
  readonly ip: string;
  /** SHA-256 of the device cookie, if any. */
  readonly deviceKey: string | null;
}

export type ThrottleVerdict =
  | { readonly allowed: true; readonly knownDevice: boolean }
  | { readonly allowed: false; readonly knownDevice: boolean; readonly retryAfterSeconds: number };

/** The verdict on an attempt; an allowed one was recorded as a failure, to be settled by its id. */
export type Admission =
  | { readonly allowed: true; readonly knownDevice: boolean; readonly attemptId: string }
  | Extract<ThrottleVerdict, { allowed: false }>;

/**
 * Checks the throttle and, when the attempt is allowed, records it as a failed attempt at `now` — atomically
 * with respect to every other attempt on the same account or address. The caller verifies the password and
 * then settles the attempt (`store.settleLoginAttempt(attemptId, …)`); an attempt never settled (a crash
 * mid-verification) stays a failure, which errs on the safe side.
 */
export async function admitLoginAttempt(
  store: AuthStore,
  now: Date,
  subject: ThrottleSubject,
  limits: ThrottleLimits = LOGIN_THROTTLE,
): Promise<Admission> {
  // Every rule's filter includes the account or the address, so these two locks cover all of them.
  const keys = [`account:${subject.accountKey}`, `address:${subject.ip}`];
  return store.withAttemptLock(keys, async (log) => {
    const verdict = await checkLoginThrottle(log, now, subject, limits);
    if (!verdict.allowed) return verdict;
    const attemptId = await log.recordLoginAttempt({
      ...subject,
      userId: null,
      succeeded: false,
      at: now,
    });
    return { ...verdict, attemptId };
  });
}

/** The throttle's verdict from the attempts recorded so far (read-only; see `admitLoginAttempt`). */
export async function checkLoginThrottle(
  store: AttemptLog,
  now: Date,
  subject: ThrottleSubject,
  limits: ThrottleLimits = LOGIN_THROTTLE,
): Promise<ThrottleVerdict> {
  const { accountKey, ip, deviceKey } = subject;
  const knownDevice =
    deviceKey !== null &&
    (await store.hasSucceeded({ accountKey, deviceKey }, new Date(now.getTime() - limits.knownDeviceMs)));

  const rules: { filter: AttemptFilter; n: number; resetOnSuccess: boolean }[] = knownDevice
    ? [
        {
          filter: { accountKey, deviceKey: deviceKey ?? undefined },
          n: limits.perAccountAndSource,
          resetOnSuccess: true,
        },
      ]
    : [
        { filter: { accountKey, ip }, n: limits.perAccountAndSource, resetOnSuccess: true },
        { filter: { ip }, n: limits.perAddress, resetOnSuccess: false },
        { filter: { accountKey }, n: limits.perAccount, resetOnSuccess: false },
      ];

  const since = new Date(now.getTime() - limits.windowMs);
  let blockedUntil = 0;
  for (const rule of rules) {
    const nth = await store.nthRecentFailure({ ...rule, since });
    if (nth) blockedUntil = Math.max(blockedUntil, nth.getTime() + limits.windowMs);
  }
  if (blockedUntil > now.getTime()) {
    return {
      allowed: false,
      knownDevice,
      retryAfterSeconds: Math.ceil((blockedUntil - now.getTime()) / 1000),
    };
  }
  return { allowed: true, knownDevice };
}
