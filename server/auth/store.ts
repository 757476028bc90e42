import type { SignedInUser } from '../../shared/identity.ts';

/**
 * What authentication needs from storage. Implemented by `memory-store.ts` (fast route tests) and
 * `pg-store.ts` (PostgreSQL: tables users, sessions, login_attempts).
 *
 * Invariants every implementation keeps:
 * - Session tokens are never stored: only their SHA-256 (`tokenHash`, hex). Same for device keys.
 * - Emails are compared case-insensitively (callers pass them normalised: trimmed, lower-case).
 * - Nothing here decides policy (expiry, rate limits): that lives in sessions.ts and login-throttle.ts,
 *   so both implementations behave identically by construction.
 */
export interface AuthStore extends AttemptLog {
  /** The user with this (normalised) email, with what sign-in needs; null when there is none. */
  findLoginByEmail(email: string): Promise<LoginRecord | null>;

  /** Replaces a user's password hash (re-hash under a stronger policy after a successful sign-in). */
  updatePasswordHash(user: SignedInUser, passwordHash: string): Promise<void>;

  createSession(session: NewSession): Promise<SessionRecord>;
  /** The session with this token hash and its user (whatever their state: the caller checks expiry/disabled). */
  findSession(tokenHash: string): Promise<SessionWithUser | null>;
  /** Records activity (moves the idle expiry). */
  touchSession(session: SessionRef, at: Date): Promise<void>;
  /** Idempotent; a revoked session is never accepted again. `reason` goes to the audit trail. */
  revokeSession(session: SessionRef, at: Date, reason: RevokeReason): Promise<void>;

  /**
   * Runs `fn` holding an exclusive lock on each of `keys` (a caller sharing any key waits until `fn` settles; on
   * PostgreSQL these are transaction-scoped advisory locks, so they hold across server instances) and hands it
   * the attempt log inside that critical section. The sign-in throttle counts and records an attempt in one
   * such call, so parallel attempts cannot all pass a check made before any of them was counted.
   */
  withAttemptLock<T>(keys: readonly string[], fn: (log: AttemptLog) => Promise<T>): Promise<T>;
  /** Sets the outcome of an attempt recorded (as a failure) before its password was verified. */
  settleLoginAttempt(id: string, outcome: AttemptOutcome): Promise<void>;
  /** Deletes attempts older than `before` (they no longer count for anything). Returns how many. */
  pruneLoginAttempts(before: Date): Promise<number>;
  /**
   * Deletes sessions no request can use any more: expired or revoked before `deadBefore`, or last seen before
   * `idleBefore` (idle timeout). Across organizations. Returns how many.
   */
  pruneSessions(cutoffs: { deadBefore: Date; idleBefore: Date }): Promise<number>;
}

/** Reading and recording sign-in attempts (the store itself, or its view inside `withAttemptLock`). */
export interface AttemptLog {
  /** Records an attempt; returns its id (for `settleLoginAttempt`). */
  recordLoginAttempt(attempt: LoginAttempt): Promise<string>;
  /**
   * The time of the n-th most recent *failed* attempt matching `filter` that happened after `since` and after
   * the most recent *successful* attempt matching the same filter (a success resets that counter when
   * `resetOnSuccess`), or null when there are fewer than n such failures.
   */
  nthRecentFailure(query: FailureQuery): Promise<Date | null>;
  /** Whether some attempt matching `filter` succeeded after `since` (e.g. "this device signed in as this account"). */
  hasSucceeded(filter: AttemptFilter, since: Date): Promise<boolean>;
}

export interface AttemptOutcome {
  readonly succeeded: boolean;
  readonly userId: string | null;
  /** The device key to keep on the attempt (a browser's first successful sign-in gets a new one). */
  readonly deviceKey: string | null;
}

/** Why a session ended early: signed out, replaced by a new sign-in on the same browser, user disabled. */
export type RevokeReason = 'sign_out' | 'replaced' | 'user_disabled';

/** A session and its owner (the owner's identity is what row-level security checks on session writes). */
export interface SessionRef {
  readonly id: string;
  readonly user: SignedInUser;
}

export interface LoginRecord {
  readonly user: SignedInUser;
  /** argon2id PHC string; null for accounts without a password (e.g. passkey-only or invited). */
  readonly passwordHash: string | null;
  readonly disabled: boolean;
}

export interface NewSession {
  readonly tokenHash: string;
  readonly user: SignedInUser;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  readonly userAgent: string | null;
  readonly ip: string | null;
}

export interface SessionRecord {
  readonly id: string;
  readonly userId: string;
  readonly createdAt: Date;
  readonly lastSeenAt: Date;
  readonly expiresAt: Date;
  readonly revokedAt: Date | null;
}

export interface SessionWithUser {
  readonly session: SessionRecord;
  readonly user: SignedInUser;
  readonly userDisabled: boolean;
}

export interface LoginAttempt {
  /** Normalised email as typed — also for emails that match no account, so throttling reveals nothing. */
  readonly accountKey: string;
  /** Client address key (IPv4, or the /64 prefix of an IPv6 address). */
  readonly ip: string;
  /** SHA-256 of the device cookie, when the browser sent one. */
  readonly deviceKey: string | null;
  readonly userId: string | null;
  readonly succeeded: boolean;
  readonly at: Date;
}

/** Attempts match when every given field is equal. */
export interface AttemptFilter {
  readonly accountKey?: string;
  readonly ip?: string;
  readonly deviceKey?: string;
}

export interface FailureQuery {
  readonly filter: AttemptFilter;
  readonly since: Date;
  readonly n: number;
  readonly resetOnSuccess: boolean;
}
