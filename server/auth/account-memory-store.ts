import { randomUUID } from 'node:crypto';
import type { SignedInUser } from '../../shared/identity.ts';
import {
  DuplicateCredentialError,
  type AccountStore,
  type ChallengePurpose,
  type CompleteReset,
  type NewChallenge,
  type NewPasskey,
  type NewPasswordReset,
  type PasskeyInfo,
  type PasskeyLogin,
  type RateBucket,
  type RateEvent,
  type SessionInfo,
} from './account-store.ts';
import { MemoryAuthStore } from './memory-store.ts';
import type { NewSession, SessionRecord, SessionRef } from './store.ts';

interface StoredReset {
  readonly userId: string;
  readonly tokenHash: string;
  readonly expiresAt: Date;
  usedAt: Date | null;
}

interface StoredPasskey extends PasskeyInfo {
  readonly userId: string;
  readonly credentialId: string;
  readonly publicKey: Uint8Array;
  readonly transports: readonly string[];
  counter: number;
}

/**
 * In-memory `AuthStore` + `AccountStore` over the same users and sessions, for route tests. Same contracts as
 * the PostgreSQL stores (store-contract.ts, account-store-contract.ts run against both).
 */
export class MemoryAccountStore extends MemoryAuthStore implements AccountStore {
  private readonly rateEvents: RateEvent[] = [];
  private readonly resets = new Map<string, StoredReset>();
  private readonly challenges = new Map<string, NewChallenge>();
  private readonly passkeys = new Map<string, StoredPasskey>();
  private readonly agents = new Map<string, string | null>();

  override async createSession(s: NewSession): Promise<SessionRecord> {
    const record = await super.createSession(s);
    this.agents.set(record.id, s.userAgent);
    return record;
  }

  async recordRateEvent(event: RateEvent): Promise<void> {
    this.rateEvents.push(event);
  }

  async rateEventsSince(bucket: RateBucket, key: string, since: Date): Promise<Date[]> {
    return this.rateEvents
      .filter((e) => e.bucket === bucket && e.key === key && e.at > since)
      .map((e) => e.at)
      .sort((a, b) => a.getTime() - b.getTime());
  }

  async pruneAccountRecords(before: Date): Promise<number> {
    let removed = 0;
    const keep = this.rateEvents.filter((e) => e.at >= before);
    removed += this.rateEvents.length - keep.length;
    this.rateEvents.splice(0, this.rateEvents.length, ...keep);
    for (const [hash, c] of this.challenges)
      if (c.expiresAt < before) removed += Number(this.challenges.delete(hash));
    return removed;
  }

  async createPasswordReset(reset: NewPasswordReset): Promise<void> {
    this.resets.set(reset.tokenHash, {
      userId: reset.user.id,
      tokenHash: reset.tokenHash,
      expiresAt: reset.expiresAt,
      usedAt: null,
    });
  }

  async findPasswordReset(tokenHash: string, at: Date) {
    const reset = this.resets.get(tokenHash);
    if (!reset || reset.usedAt || reset.expiresAt <= at) return null;
    const login = this.loginOf(reset.userId);
    if (!login || login.disabled) return null;
    return { user: login.user, expiresAt: reset.expiresAt };
  }

  async completePasswordReset({ tokenHash, passwordHash, at }: CompleteReset) {
    const found = await this.findPasswordReset(tokenHash, at);
    if (!found) return null;
    for (const r of this.resets.values()) if (r.userId === found.user.id && !r.usedAt) r.usedAt = at;
    await this.updatePasswordHash(found.user, passwordHash);
    const ended: SessionRef[] = [];
    for (const [id, s] of this.sessions) {
      if (s.userId !== found.user.id || s.revokedAt) continue;
      this.sessions.set(id, { ...s, revokedAt: at });
      ended.push({ id, user: found.user });
    }
    return { user: found.user, ended };
  }

  async saveChallenge(challenge: NewChallenge): Promise<void> {
    this.challenges.set(challenge.challengeHash, challenge);
  }

  async consumeChallenge(challengeHash: string, purpose: ChallengePurpose, at: Date) {
    const challenge = this.challenges.get(challengeHash);
    if (!challenge || challenge.purpose !== purpose) return null;
    // Spent by any attempt that names it, in time or not (like the PostgreSQL store's DELETE … RETURNING).
    this.challenges.delete(challengeHash);
    return challenge.expiresAt > at ? { userId: challenge.userId } : null;
  }

  async listPasskeys(user: SignedInUser): Promise<PasskeyInfo[]> {
    return [...this.passkeys.values()]
      .filter((p) => p.userId === user.id)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
      .map(info);
  }

  async addPasskey(user: SignedInUser, p: NewPasskey, at: Date): Promise<PasskeyInfo> {
    if ([...this.passkeys.values()].some((k) => k.credentialId === p.credentialId))
      throw new DuplicateCredentialError();
    const stored: StoredPasskey = {
      id: randomUUID(),
      userId: user.id,
      credentialId: p.credentialId,
      publicKey: p.publicKey,
      transports: [...p.transports],
      counter: p.counter,
      name: p.name,
      createdAt: at,
      lastUsedAt: null,
      backedUp: p.backedUp,
    };
    this.passkeys.set(stored.id, stored);
    return info(stored);
  }

  async removePasskey(user: SignedInUser, passkeyId: string): Promise<boolean> {
    const p = this.passkeys.get(passkeyId);
    if (!p || p.userId !== user.id) return false;
    return this.passkeys.delete(passkeyId);
  }

  async findPasskeyLogin(credentialId: string): Promise<PasskeyLogin | null> {
    const p = [...this.passkeys.values()].find((k) => k.credentialId === credentialId);
    const login = p ? this.loginOf(p.userId) : undefined;
    if (!p || !login) return null;
    return {
      id: p.id,
      credentialId: p.credentialId,
      publicKey: p.publicKey,
      counter: p.counter,
      transports: p.transports,
      user: login.user,
      userDisabled: login.disabled,
    };
  }

  async usePasskey({ id }: { id: string; user: SignedInUser }, counter: number, at: Date): Promise<boolean> {
    const p = this.passkeys.get(id);
    if (!p || !counterMovesOn(p.counter, counter)) return false;
    this.passkeys.set(id, { ...p, counter, lastUsedAt: at });
    return true;
  }

  async listSessions(user: SignedInUser, at: Date): Promise<SessionInfo[]> {
    return [...this.sessions.values()]
      .filter((s) => s.userId === user.id && !s.revokedAt && s.expiresAt > at)
      .sort((a, b) => b.lastSeenAt.getTime() - a.lastSeenAt.getTime())
      .map((s) => ({
        id: s.id,
        createdAt: s.createdAt,
        lastSeenAt: s.lastSeenAt,
        userAgent: this.agents.get(s.id) ?? null,
      }));
  }

  async revokeOwnSession(user: SignedInUser, sessionId: string, at: Date): Promise<boolean> {
    const s = this.sessions.get(sessionId);
    if (!s || s.userId !== user.id || s.revokedAt) return false;
    this.sessions.set(sessionId, { ...s, revokedAt: at });
    return true;
  }

  async revokeOtherSessions(user: SignedInUser, keep: string, at: Date): Promise<SessionRef[]> {
    const ended: SessionRef[] = [];
    for (const [id, s] of this.sessions) {
      if (s.userId !== user.id || s.revokedAt || id === keep) continue;
      this.sessions.set(id, { ...s, revokedAt: at });
      ended.push({ id, user });
    }
    return ended;
  }

  private loginOf(userId: string) {
    return [...this.logins.values()].find((l) => l.user.id === userId);
  }
}

/** The WebAuthn counter rule (account-store.ts): strictly forward, or 0 → 0 for counterless authenticators. */
export const counterMovesOn = (stored: number, next: number): boolean =>
  next > stored || (next === 0 && stored === 0);

const info = (p: StoredPasskey): PasskeyInfo => ({
  id: p.id,
  name: p.name,
  createdAt: p.createdAt,
  lastUsedAt: p.lastUsedAt,
  backedUp: p.backedUp,
});
