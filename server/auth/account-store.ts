import type { SignedInUser } from '../../shared/identity.ts';
import type { SessionRef } from './store.ts';

/**
 * What password reset, passkeys and the signed-in devices list need from storage, beyond `AuthStore`.
 * Implemented by `account-memory-store.ts` (route tests) and `account-pg-store.ts` (PostgreSQL: password_resets,
 * webauthn_challenges, auth_rate_events, passkeys, sessions; migration 0150). `account-store-contract.ts` runs
 * against both.
 *
 * Invariants every implementation keeps:
 * - Reset tokens and WebAuthn challenges are stored as their SHA-256 only (callers pass the hash).
 * - A reset link and a challenge are single use: `completePasswordReset` and `consumeChallenge` succeed at
 *   most once per hash, also when two requests race (one atomic statement decides).
 * - Completing a reset sets the password, marks every open link of the user used and ends every session of
 *   the user, in one transaction; the audit trail gets a row for it (PostgreSQL).
 * - A passkey's signature counter only moves forward (`usePasskey` refuses a counter that is not above the
 *   stored one, unless both are 0: authenticators without a counter).
 * - Policy (expiry lengths, limits, idle timeout) is decided by the callers, not here.
 */
export interface AccountStore {
  /** Records one rate-limited request under `bucket`/`key`. */
  recordRateEvent(event: RateEvent): Promise<void>;
  /** Times of the events of `bucket`/`key` after `since`, oldest first. */
  rateEventsSince(bucket: RateBucket, key: string, since: Date): Promise<Date[]>;
  /** Deletes rate events before `before` and challenges expired before it. Returns how many. */
  pruneAccountRecords(before: Date): Promise<number>;

  /** Stores a reset link for `user` (audit: reset requested). */
  createPasswordReset(reset: NewPasswordReset): Promise<void>;
  /** The link's user when it is unused, unexpired at `at` and its user not disabled; else null. */
  findPasswordReset(tokenHash: string, at: Date): Promise<{ user: SignedInUser; expiresAt: Date } | null>;
  /**
   * Uses the link: null when it is unknown, used, expired at `at` or its user disabled. Otherwise sets the
   * password, marks the user's open links used, revokes every session of the user and returns the user and
   * the ended sessions.
   */
  completePasswordReset(input: CompleteReset): Promise<{ user: SignedInUser; ended: SessionRef[] } | null>;

  saveChallenge(challenge: NewChallenge): Promise<void>;
  /** Deletes and returns the challenge when it exists, has `purpose` and is unexpired at `at`; else null. */
  consumeChallenge(
    challengeHash: string,
    purpose: ChallengePurpose,
    at: Date,
  ): Promise<{ userId: string | null } | null>;

  listPasskeys(user: SignedInUser): Promise<PasskeyInfo[]>;
  /** Stores a verified credential (audit: passkey registered). Throws `DuplicateCredentialError` when known. */
  addPasskey(user: SignedInUser, passkey: NewPasskey, at: Date): Promise<PasskeyInfo>;
  /** Removes one of the user's own passkeys (audit: passkey removed); false when it is not theirs or gone. */
  removePasskey(user: SignedInUser, passkeyId: string, at: Date): Promise<boolean>;
  /** The credential and its user, for a sign-in; null when unknown. */
  findPasskeyLogin(credentialId: string): Promise<PasskeyLogin | null>;
  /** Records a sign-in's new counter; false when the stored counter is already at or above it (a clone). */
  usePasskey(passkey: { id: string; user: SignedInUser }, counter: number, at: Date): Promise<boolean>;

  /** The user's sessions that are neither revoked nor past their absolute expiry at `at`, newest first. */
  listSessions(user: SignedInUser, at: Date): Promise<SessionInfo[]>;
  /** Revokes one of the user's own sessions; false when it is not theirs or already ended. */
  revokeOwnSession(user: SignedInUser, sessionId: string, at: Date): Promise<boolean>;
  /** Revokes every session of the user except `keep`; returns the ended ones (audit: other sessions ended). */
  revokeOtherSessions(user: SignedInUser, keep: string, at: Date): Promise<SessionRef[]>;
}

/**
 * `reset_email` / `reset_ip`: reset mails asked for an e-mail (as typed) / from an address;
 * `passkey_ip`: passkey sign-in options handed to an address.
 */
export type RateBucket = 'reset_email' | 'reset_ip' | 'passkey_ip';

export interface RateEvent {
  readonly bucket: RateBucket;
  readonly key: string;
  readonly at: Date;
}

export interface NewPasswordReset {
  readonly user: SignedInUser;
  readonly tokenHash: string;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  readonly ip: string | null;
}

export interface CompleteReset {
  readonly tokenHash: string;
  readonly passwordHash: string;
  readonly at: Date;
  readonly ip: string | null;
}

export type ChallengePurpose = 'registration' | 'authentication';

export interface NewChallenge {
  readonly challengeHash: string;
  readonly purpose: ChallengePurpose;
  /** Set exactly for registration. */
  readonly userId: string | null;
  readonly createdAt: Date;
  readonly expiresAt: Date;
}

/** A passkey as its owner sees it in settings. */
export interface PasskeyInfo {
  readonly id: string;
  readonly name: string;
  readonly createdAt: Date;
  readonly lastUsedAt: Date | null;
  /** Synced by the platform (e.g. a password manager), so it survives losing this device. */
  readonly backedUp: boolean;
}

export interface NewPasskey {
  /** base64url, as the authenticator reports it. */
  readonly credentialId: string;
  readonly publicKey: Uint8Array;
  readonly counter: number;
  readonly transports: readonly string[];
  readonly deviceType: string;
  readonly backedUp: boolean;
  readonly name: string;
}

export interface PasskeyLogin {
  readonly id: string;
  readonly credentialId: string;
  readonly publicKey: Uint8Array;
  readonly counter: number;
  readonly transports: readonly string[];
  readonly user: SignedInUser;
  readonly userDisabled: boolean;
}

export interface SessionInfo {
  readonly id: string;
  readonly createdAt: Date;
  readonly lastSeenAt: Date;
  readonly userAgent: string | null;
}

export class DuplicateCredentialError extends Error {
  constructor() {
    super('this credential is already registered');
    this.name = 'DuplicateCredentialError';
  }
}
