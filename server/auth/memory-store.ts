import { randomUUID } from 'node:crypto';
import { KeyedLock } from './keyed-lock.ts';
import type {
  AttemptFilter,
  AttemptLog,
  AttemptOutcome,
  AuthStore,
  FailureQuery,
  LoginAttempt,
  LoginRecord,
  NewSession,
  RevokeReason,
  SessionRecord,
  SessionRef,
  SessionWithUser,
} from './store.ts';
import type { SignedInUser } from '../../shared/identity.ts';

/**
 * In-memory AuthStore for fast route tests. Same contract as the PostgreSQL store (see store.ts); the shared
 * contract tests in `store-contract.ts` run against both.
 */
export class MemoryAuthStore implements AuthStore {
  // Protected: the account store (account-memory-store.ts) extends this one over the same users and sessions.
  protected readonly logins = new Map<string, LoginRecord>();
  protected readonly sessions = new Map<string, SessionRecord & { tokenHash: string }>();
  private readonly attempts: (LoginAttempt & { readonly id: string })[] = [];
  private readonly attemptLocks = new KeyedLock();

  constructor(logins: readonly LoginRecord[] = []) {
    for (const login of logins) this.putLogin(login);
  }

  /** Test helper: add or replace a user (keyed by lower-cased email). */
  putLogin(login: LoginRecord): void {
    for (const [email, existing] of this.logins)
      if (existing.user.id === login.user.id) this.logins.delete(email);
    this.logins.set(login.user.email.toLowerCase(), login);
  }

  /** Test helper: flip a user's disabled flag. */
  setDisabled(userId: string, disabled: boolean): void {
    for (const [email, login] of this.logins)
      if (login.user.id === userId) this.logins.set(email, { ...login, disabled });
  }

  /** The latest request or sign-in on any of a user's sessions (the users screen's "last activity"). */
  lastActivity(userId: string): Date | null {
    const seen = [...this.sessions.values()].filter((s) => s.userId === userId).map((s) => s.lastSeenAt);
    return seen.length ? new Date(Math.max(...seen.map((d) => d.getTime()))) : null;
  }

  /** Revokes every session of a user (disabling them); returns how many were live. */
  revokeUserSessions(userId: string, at: Date): number {
    let n = 0;
    for (const [id, s] of this.sessions)
      if (s.userId === userId && !s.revokedAt) {
        this.sessions.set(id, { ...s, revokedAt: at });
        n += 1;
      }
    return n;
  }

  /** Test helper: every recorded attempt, oldest first. */
  loginAttempts(): readonly LoginAttempt[] {
    return this.attempts.map(({ id: _, ...attempt }) => attempt);
  }

  async findLoginByEmail(email: string): Promise<LoginRecord | null> {
    return this.logins.get(email.toLowerCase()) ?? null;
  }

  async updatePasswordHash(user: SignedInUser, passwordHash: string): Promise<void> {
    for (const [email, login] of this.logins) {
      if (login.user.id === user.id) this.logins.set(email, { ...login, passwordHash });
    }
  }

  async createSession(s: NewSession): Promise<SessionRecord> {
    const record = {
      id: randomUUID(),
      userId: s.user.id,
      tokenHash: s.tokenHash,
      createdAt: s.createdAt,
      lastSeenAt: s.createdAt,
      expiresAt: s.expiresAt,
      revokedAt: null,
    };
    this.sessions.set(record.id, record);
    return withoutHash(record);
  }

  async findSession(tokenHash: string): Promise<SessionWithUser | null> {
    const session = [...this.sessions.values()].find((s) => s.tokenHash === tokenHash);
    if (!session) return null;
    const login = [...this.logins.values()].find((l) => l.user.id === session.userId);
    if (!login) return null;
    return { session: withoutHash(session), user: login.user, userDisabled: login.disabled };
  }

  async touchSession({ id }: SessionRef, at: Date): Promise<void> {
    const s = this.sessions.get(id);
    if (s && at > s.lastSeenAt) this.sessions.set(id, { ...s, lastSeenAt: at });
  }

  async revokeSession({ id }: SessionRef, at: Date, _reason: RevokeReason): Promise<void> {
    const s = this.sessions.get(id);
    if (s && !s.revokedAt) this.sessions.set(id, { ...s, revokedAt: at });
  }

  async recordLoginAttempt(attempt: LoginAttempt): Promise<string> {
    const id = randomUUID();
    this.attempts.push({ ...attempt, id });
    return id;
  }

  withAttemptLock<T>(keys: readonly string[], fn: (log: AttemptLog) => Promise<T>): Promise<T> {
    return this.attemptLocks.run(keys, () => fn(this));
  }

  async settleLoginAttempt(id: string, outcome: AttemptOutcome): Promise<void> {
    const i = this.attempts.findIndex((a) => a.id === id);
    const attempt = this.attempts[i];
    if (attempt) this.attempts[i] = { ...attempt, ...outcome };
  }

  async nthRecentFailure({ filter, since, n, resetOnSuccess }: FailureQuery): Promise<Date | null> {
    const matching = this.attempts.filter((a) => matches(a, filter));
    const lastSuccess = resetOnSuccess
      ? matching
          .filter((a) => a.succeeded)
          .reduce<Date | null>((max, a) => (!max || a.at > max ? a.at : max), null)
      : null;
    const from = lastSuccess && lastSuccess > since ? lastSuccess : since;
    const failures = matching
      .filter((a) => !a.succeeded && a.at > from)
      .map((a) => a.at)
      .sort((a, b) => b.getTime() - a.getTime());
    return failures[n - 1] ?? null;
  }

  async hasSucceeded(filter: AttemptFilter, since: Date): Promise<boolean> {
    return this.attempts.some((a) => a.succeeded && a.at > since && matches(a, filter));
  }

  async pruneLoginAttempts(before: Date): Promise<number> {
    const keep = this.attempts.filter((a) => a.at >= before);
    const removed = this.attempts.length - keep.length;
    this.attempts.splice(0, this.attempts.length, ...keep);
    return removed;
  }

  async pruneSessions({ deadBefore, idleBefore }: { deadBefore: Date; idleBefore: Date }): Promise<number> {
    let removed = 0;
    for (const [id, s] of this.sessions) {
      const dead = s.expiresAt < deadBefore || (s.revokedAt !== null && s.revokedAt < deadBefore);
      if (dead || s.lastSeenAt < idleBefore) {
        this.sessions.delete(id);
        removed += 1;
      }
    }
    return removed;
  }
}

const matches = (a: LoginAttempt, f: AttemptFilter) =>
  (f.accountKey === undefined || a.accountKey === f.accountKey) &&
  (f.ip === undefined || a.ip === f.ip) &&
  (f.deviceKey === undefined || a.deviceKey === f.deviceKey);

const withoutHash = ({ tokenHash: _, ...rest }: SessionRecord & { tokenHash: string }): SessionRecord => rest;
