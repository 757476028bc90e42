import type { Clock } from '../http/context.ts';
import type { AuthStore, SessionRecord, SessionRef } from './store.ts';
import { hashToken, isWellFormedToken, newToken, type RandomBytes } from './tokens.ts';
import type { ActiveSession } from './types.ts';
import type { SignedInUser } from '../../shared/identity.ts';

export interface SessionPolicy {
  /** A session unused for this long is dead (the idle expiry moves with every request). */
  readonly idleMs: number;
  /** A session is dead this long after sign-in, however active. */
  readonly absoluteMs: number;
}

/**
 * Session lifecycle (docs/api.md, "Sessions"). Invariants:
 * - The token exists only in the cookie; storage holds its SHA-256.
 * - A session is accepted only if not revoked, before its absolute expiry, within the idle window, and its
 *   user is not disabled. A disabled user's session is revoked on first sight, so re-enabling the user does not
 *   resurrect it.
 * - Activity is written at most once per `touchEveryMs` (not on every request) — the idle expiry is therefore
 *   precise to that interval, which is far below any sensible idle timeout.
 */
export class SessionService {
  private readonly touchEveryMs: number;

  constructor(
    private readonly deps: {
      readonly store: AuthStore;
      readonly clock: Clock;
      readonly random: RandomBytes;
      readonly policy: SessionPolicy;
    },
  ) {
    this.touchEveryMs = Math.min(60_000, Math.floor(deps.policy.idleMs / 10));
  }

  /** A brand-new session for `user` (called on every sign-in: sessions are never reused across sign-ins). */
  async start(
    user: SignedInUser,
    meta: { userAgent: string | null; ip: string | null },
  ): Promise<StartedSession> {
    const now = this.deps.clock.now();
    const token = newToken(this.deps.random);
    const record = await this.deps.store.createSession({
      tokenHash: hashToken(token),
      user,
      createdAt: now,
      expiresAt: new Date(now.getTime() + this.deps.policy.absoluteMs),
      userAgent: meta.userAgent?.slice(0, 512) ?? null,
      ip: meta.ip,
    });
    return { token, session: active(record), maxAgeSeconds: this.maxAgeSeconds(record, now) };
  }

  /** The user and session behind a cookie value, or null when the session is unknown or no longer valid. */
  async resolve(token: string | undefined): Promise<ResolvedSession | null> {
    if (!isWellFormedToken(token)) return null;
    const found = await this.deps.store.findSession(hashToken(token));
    if (!found) return null;
    const { session, user, userDisabled } = found;
    const now = this.deps.clock.now();
    if (!this.isAlive(session, now)) return null;
    if (userDisabled) {
      await this.deps.store.revokeSession({ id: session.id, user }, now, 'user_disabled');
      return null;
    }
    let lastSeenAt = session.lastSeenAt;
    if (now.getTime() - lastSeenAt.getTime() >= this.touchEveryMs) {
      await this.deps.store.touchSession({ id: session.id, user }, now);
      lastSeenAt = now;
    }
    return { user, session: active({ ...session, lastSeenAt }) };
  }

  /**
   * Whether a cookie that no longer opens a session belongs to a user an admin disabled — then the device must
   * wipe what it holds of them, not merely ask for a new sign-in (require-user.ts tells it).
   */
  async belongsToDisabledUser(token: string | undefined): Promise<boolean> {
    if (!isWellFormedToken(token)) return false;
    const found = await this.deps.store.findSession(hashToken(token));
    return found?.userDisabled === true;
  }

  /** Revokes the session behind a cookie value (no-op when there is none). Returns the revoked session. */
  async end(token: string | undefined, reason: 'sign_out' | 'replaced'): Promise<SessionRef | null> {
    if (!isWellFormedToken(token)) return null;
    const found = await this.deps.store.findSession(hashToken(token));
    if (!found || found.session.revokedAt) return null;
    const ended = { id: found.session.id, user: found.user };
    await this.deps.store.revokeSession(ended, this.deps.clock.now(), reason);
    return ended;
  }

  private isAlive(s: SessionRecord, now: Date): boolean {
    return (
      s.revokedAt === null &&
      now.getTime() < s.expiresAt.getTime() &&
      now.getTime() < s.lastSeenAt.getTime() + this.deps.policy.idleMs
    );
  }

  /** The cookie lives until the absolute expiry; the server enforces the idle one. */
  private maxAgeSeconds(s: SessionRecord, now: Date): number {
    return Math.max(0, Math.floor((s.expiresAt.getTime() - now.getTime()) / 1000));
  }
}

export interface StartedSession {
  readonly token: string;
  readonly session: ActiveSession;
  readonly maxAgeSeconds: number;
}

export interface ResolvedSession {
  readonly user: SignedInUser;
  readonly session: ActiveSession;
}

const active = (s: SessionRecord): ActiveSession => ({
  id: s.id,
  createdAt: s.createdAt,
  lastSeenAt: s.lastSeenAt,
  expiresAt: s.expiresAt,
});
