import type { SignedInUser } from '../../shared/identity.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { Database } from '../db/database.ts';
import { PG_ERROR } from '../db/errors.ts';
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
import { toUser, type UserColumns } from './pg-store.ts';
import type { SessionRef } from './store.ts';
import { sessionIdentity } from './types.ts';

/**
 * AccountStore on PostgreSQL (migration 0150). Like PgAuthStore, it passes row-level security no further than
 * it must:
 * - before anyone is identified, `arco_find_password_reset(token_hash)` and `arco_find_passkey_login(credential)`
 *   name the user; everything written afterwards runs `withIdentity(<that user>)`, so RLS checks it like any
 *   write of that user (own links, own passkeys, own sessions, own audit rows);
 * - webauthn_challenges and auth_rate_events are not tenant tables: like login_attempts they belong to the sign-in
 *   role (`db.signIn`, migration 0150), which no request or job identity can use.
 * Every change that matters to an admin writes its audit_log row in the same transaction.
 */
export class PgAccountStore implements AccountStore {
  constructor(private readonly db: Database) {}

  async recordRateEvent(e: RateEvent): Promise<void> {
    await this.db.signIn((tx) =>
      tx.query('INSERT INTO auth_rate_events (bucket, key, at) VALUES ($1, $2, $3)', [
        e.bucket,
        e.key,
        iso(e.at),
      ]),
    );
  }

  async rateEventsSince(bucket: RateBucket, key: string, since: Date): Promise<Date[]> {
    const { rows } = await this.db.signIn((tx) =>
      tx.query<{ at: string }>(
        'SELECT at FROM auth_rate_events WHERE bucket = $1 AND key = $2 AND at > $3 ORDER BY at',
        [bucket, key, iso(since)],
      ),
    );
    return rows.map((r) => new Date(r.at));
  }

  async pruneAccountRecords(before: Date): Promise<number> {
    return this.db.signIn(async (tx) => {
      const events = await tx.query('DELETE FROM auth_rate_events WHERE at < $1', [iso(before)]);
      const challenges = await tx.query('DELETE FROM webauthn_challenges WHERE expires_at < $1', [
        iso(before),
      ]);
      // Used and expired reset links stay (RLS lets only the system delete them; they go with their user):
      // a handful of rows per user, never accepted again.
      return (events.rowCount ?? 0) + (challenges.rowCount ?? 0);
    });
  }

  async createPasswordReset(r: NewPasswordReset): Promise<void> {
    await this.db.withIdentity(sessionIdentity(r.user), async (tx) => {
      const { rows } = await tx.query<{ id: string }>(
        `INSERT INTO password_resets (organization_id, user_id, token_hash, created_at, expires_at, requested_ip)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [r.user.organizationId, r.user.id, r.tokenHash, iso(r.createdAt), iso(r.expiresAt), r.ip],
      );
      await recordAudit(tx, {
        organizationId: r.user.organizationId,
        actorId: r.user.id,
        action: 'auth.password_reset_requested',
        entity: 'password_reset',
        entityId: rows[0]?.id ?? null,
        at: r.createdAt,
        ip: r.ip,
      });
    });
  }

  async findPasswordReset(tokenHash: string, at: Date) {
    const row = await this.findReset(tokenHash);
    if (!row || !usable(row, at)) return null;
    return { user: userOf(row), expiresAt: new Date(row.expires_at) };
  }

  async completePasswordReset({ tokenHash, passwordHash, at, ip }: CompleteReset) {
    const row = await this.findReset(tokenHash);
    if (!row || !usable(row, at)) return null;
    const user = userOf(row);
    return this.db.withIdentity(sessionIdentity(user), async (tx) => {
      // The one statement that decides a race between two uses of the same link.
      const used = await tx.query(
        `UPDATE password_resets SET used_at = $2
          WHERE id = $1 AND used_at IS NULL AND expires_at > $2`,
        [row.reset_id, iso(at)],
      );
      if (!used.rowCount) return null;
      await tx.query(
        'UPDATE password_resets SET used_at = $2 WHERE user_id = $1 AND used_at IS NULL AND expires_at > $2',
        [user.id, iso(at)],
      );
      await tx.query('UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1', [
        user.id,
        passwordHash,
      ]);
      const { rows: ended } = await tx.query<{ id: string }>(
        'UPDATE sessions SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL RETURNING id',
        [user.id, iso(at)],
      );
      await recordAudit(tx, {
        organizationId: user.organizationId,
        actorId: user.id,
        action: 'auth.password_reset',
        entity: 'password_reset',
        entityId: row.reset_id,
        at,
        details: { sessionsEnded: ended.length },
        ip,
      });
      return { user, ended: ended.map((s): SessionRef => ({ id: s.id, user })) };
    });
  }

  async saveChallenge(c: NewChallenge): Promise<void> {
    await this.db.signIn((tx) =>
      tx.query(
        `INSERT INTO webauthn_challenges (challenge_hash, purpose, user_id, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5)`,
        [c.challengeHash, c.purpose, c.userId, iso(c.createdAt), iso(c.expiresAt)],
      ),
    );
  }

  async consumeChallenge(challengeHash: string, purpose: ChallengePurpose, at: Date) {
    // DELETE … RETURNING: of two requests with the same challenge, exactly one gets the row.
    const { rows } = await this.db.signIn((tx) =>
      tx.query<{ user_id: string | null; expires_at: string }>(
        `DELETE FROM webauthn_challenges WHERE challenge_hash = $1 AND purpose = $2
         RETURNING user_id, expires_at`,
        [challengeHash, purpose],
      ),
    );
    const row = rows[0];
    if (!row || new Date(row.expires_at) <= at) return null;
    return { userId: row.user_id };
  }

  async listPasskeys(user: SignedInUser): Promise<PasskeyInfo[]> {
    const { rows } = await this.db.withIdentity(sessionIdentity(user), (tx) =>
      tx.query<PasskeyRow>(
        `SELECT id, name, created_at, last_used_at, backed_up FROM passkeys
          WHERE user_id = $1 ORDER BY created_at, id`,
        [user.id],
      ),
    );
    return rows.map(toPasskeyInfo);
  }

  async addPasskey(user: SignedInUser, p: NewPasskey, at: Date): Promise<PasskeyInfo> {
    try {
      return await this.db.withIdentity(sessionIdentity(user), async (tx) => {
        const { rows } = await tx.query<PasskeyRow>(
          `INSERT INTO passkeys (organization_id, user_id, credential_id, public_key, counter, transports,
             device_type, backed_up, name, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
           RETURNING id, name, created_at, last_used_at, backed_up`,
          [
            user.organizationId,
            user.id,
            p.credentialId,
            Buffer.from(p.publicKey),
            p.counter,
            [...p.transports],
            p.deviceType,
            p.backedUp,
            p.name,
            iso(at),
          ],
        );
        const passkey = toPasskeyInfo(one(rows));
        await recordAudit(tx, {
          organizationId: user.organizationId,
          actorId: user.id,
          action: 'passkey.registered',
          entity: 'passkey',
          entityId: passkey.id,
          at,
          details: { name: p.name },
        });
        return passkey;
      });
    } catch (error) {
      if ((error as { code?: string }).code === PG_ERROR.uniqueViolation)
        throw new DuplicateCredentialError();
      throw error;
    }
  }

  async removePasskey(user: SignedInUser, passkeyId: string, at: Date): Promise<boolean> {
    if (!UUID.test(passkeyId)) return false;
    return this.db.withIdentity(sessionIdentity(user), async (tx) => {
      const { rows } = await tx.query<{ name: string | null }>(
        'DELETE FROM passkeys WHERE id = $1 AND user_id = $2 RETURNING name',
        [passkeyId, user.id],
      );
      if (!rows[0]) return false;
      await recordAudit(tx, {
        organizationId: user.organizationId,
        actorId: user.id,
        action: 'passkey.removed',
        entity: 'passkey',
        entityId: passkeyId,
        at,
        details: { name: rows[0].name },
      });
      return true;
    });
  }

  async findPasskeyLogin(credentialId: string): Promise<PasskeyLogin | null> {
    const { rows } = await this.db.query<PasskeyLoginRow>('SELECT * FROM arco_find_passkey_login($1)', [
      credentialId,
    ]);
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.passkey_id,
      credentialId: row.credential_id,
      publicKey: new Uint8Array(row.public_key),
      counter: Number(row.counter),
      transports: row.transports,
      user: toUser({ ...row, id: row.user_id }),
      userDisabled: row.user_disabled_at !== null,
    };
  }

  async usePasskey(p: { id: string; user: SignedInUser }, counter: number, at: Date): Promise<boolean> {
    const { rowCount } = await this.db.withIdentity(sessionIdentity(p.user), (tx) =>
      tx.query(
        `UPDATE passkeys SET counter = $2, last_used_at = $3
          WHERE id = $1 AND (counter < $2 OR (counter = 0 AND $2 = 0))`,
        [p.id, counter, iso(at)],
      ),
    );
    return (rowCount ?? 0) > 0;
  }

  async listSessions(user: SignedInUser, at: Date): Promise<SessionInfo[]> {
    const { rows } = await this.db.withIdentity(sessionIdentity(user), (tx) =>
      tx.query<{ id: string; created_at: string; last_seen_at: string; user_agent: string | null }>(
        `SELECT id, created_at, last_seen_at, user_agent FROM sessions
          WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > $2
          ORDER BY last_seen_at DESC, id`,
        [user.id, iso(at)],
      ),
    );
    return rows.map((r) => ({
      id: r.id,
      createdAt: new Date(r.created_at),
      lastSeenAt: new Date(r.last_seen_at),
      userAgent: r.user_agent,
    }));
  }

  async revokeOwnSession(user: SignedInUser, sessionId: string, at: Date): Promise<boolean> {
    if (!UUID.test(sessionId)) return false;
    return this.db.withIdentity(sessionIdentity(user), async (tx) => {
      const { rowCount } = await tx.query(
        'UPDATE sessions SET revoked_at = $3 WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL',
        [sessionId, user.id, iso(at)],
      );
      if (!rowCount) return false;
      await recordAudit(tx, {
        organizationId: user.organizationId,
        actorId: user.id,
        action: 'auth.session_revoked',
        entity: 'session',
        entityId: sessionId,
        at,
        details: { reason: 'revoked_by_user' },
      });
      return true;
    });
  }

  async revokeOtherSessions(user: SignedInUser, keep: string, at: Date): Promise<SessionRef[]> {
    return this.db.withIdentity(sessionIdentity(user), async (tx) => {
      const { rows } = await tx.query<{ id: string }>(
        `UPDATE sessions SET revoked_at = $3
          WHERE user_id = $1 AND id <> $2 AND revoked_at IS NULL RETURNING id`,
        [user.id, keep, iso(at)],
      );
      await recordAudit(tx, {
        organizationId: user.organizationId,
        actorId: user.id,
        action: 'auth.other_sessions_ended',
        entity: 'session',
        entityId: keep,
        at,
        details: { sessionsEnded: rows.length },
      });
      return rows.map((r) => ({ id: r.id, user }));
    });
  }

  private async findReset(tokenHash: string): Promise<ResetRow | null> {
    const { rows } = await this.db.query<ResetRow>('SELECT * FROM arco_find_password_reset($1)', [tokenHash]);
    return rows[0] ?? null;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface ResetRow extends Omit<UserColumns, 'id'> {
  reset_id: string;
  user_id: string;
  user_disabled_at: string | null;
  expires_at: string;
  used_at: string | null;
}

interface PasskeyRow {
  id: string;
  name: string | null;
  created_at: string;
  last_used_at: string | null;
  backed_up: boolean;
}

interface PasskeyLoginRow extends Omit<UserColumns, 'id'> {
  passkey_id: string;
  user_id: string;
  user_disabled_at: string | null;
  credential_id: string;
  public_key: Buffer;
  counter: number | string;
  transports: string[];
}

const iso = (d: Date) => d.toISOString();

const usable = (row: ResetRow, at: Date) =>
  row.used_at === null && new Date(row.expires_at) > at && row.user_disabled_at === null;

const userOf = (row: ResetRow) => toUser({ ...row, id: row.user_id });

const toPasskeyInfo = (r: PasskeyRow): PasskeyInfo => ({
  id: r.id,
  name: r.name ?? '',
  createdAt: new Date(r.created_at),
  lastUsedAt: r.last_used_at === null ? null : new Date(r.last_used_at),
  backedUp: r.backed_up,
});

function one<T>(rows: T[]): T {
  const row = rows[0];
  if (!row) throw new Error('expected one row');
  return row;
}
