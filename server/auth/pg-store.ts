import { createHash } from 'node:crypto';
import { KeyedLock } from './keyed-lock.ts';
import type { Database, DbClient } from '../db/database.ts';
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
import { sessionIdentity } from './types.ts';
import { ROLES, type Role } from '../../shared/collections/index.ts';
import type { AuditAction } from '../../shared/audit.ts';
import { recordAudit } from '../audit/audit-log.ts';

/**
 * AuthStore on PostgreSQL (tables users, sessions, login_attempts; server/db/migrations).
 *
 * How it gets past row-level security, and no further:
 * - Before anyone is identified (sign-in, cookie lookup) it calls the SECURITY DEFINER functions
 *   `arco_find_sign_in(email)` and `arco_find_session(token_hash)`, the only narrow ways to read a user or
 *   session without an identity. Only the sign-in role (`Database.signIn`, migration 0160) may call the first,
 *   the one that returns a password hash; the app role can read no hash at all.
 * - Session and user writes run `withIdentity(<the session's own user>)`, so RLS checks them like any write of
 *   that user (a user may create, touch and revoke only their own sessions).
 * - login_attempts is not a tenant table; it is the throttle's alone: every method touching it runs as the
 *   sign-in role (`Database.signIn`), and row-level security hides it from any other role.
 * - The throttle's critical section (`withAttemptLock`) is one transaction holding an advisory lock per key,
 *   so server instances sharing the database count each other's attempts before verifying their own.
 */
export class PgAuthStore implements AuthStore {
  /**
   * Callers sharing a throttle key queue here first, holding no connection: a burst on one key would otherwise
   * fill the pool with transactions waiting for the same advisory lock (and starve every other request).
   */
  private readonly attemptLocks = new KeyedLock();

  constructor(private readonly db: Database) {}

  async findLoginByEmail(email: string): Promise<LoginRecord | null> {
    const { rows } = await this.db.signIn((tx) =>
      tx.query<LoginRow>('SELECT * FROM arco_find_sign_in($1)', [email]),
    );
    const row = rows[0];
    if (!row) return null;
    return {
      user: toUser({ ...row, id: row.user_id }),
      passwordHash: row.password_hash,
      disabled: row.disabled_at !== null,
    };
  }

  async updatePasswordHash(user: SignedInUser, passwordHash: string): Promise<void> {
    await this.db.withIdentity(sessionIdentity(user), (tx) =>
      tx.query('UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1', [
        user.id,
        passwordHash,
      ]),
    );
  }

  async createSession(s: NewSession): Promise<SessionRecord> {
    return this.db.withIdentity(sessionIdentity(s.user), async (tx) => {
      const { rows } = await tx.query<SessionRow>(
        `INSERT INTO sessions (organization_id, user_id, token_hash, created_at, last_seen_at, expires_at, user_agent, ip)
         VALUES ($1, $2, $3, $4, $4, $5, $6, $7)
         RETURNING id AS session_id, user_id, created_at, last_seen_at, expires_at, revoked_at`,
        [
          s.user.organizationId,
          s.user.id,
          s.tokenHash,
          iso(s.createdAt),
          iso(s.expiresAt),
          s.userAgent,
          s.ip,
        ],
      );
      const session = toSession(one(rows));
      await tx.query('UPDATE users SET last_login_at = $2 WHERE id = $1', [s.user.id, iso(s.createdAt)]);
      await audit(tx, s.user, 'auth.sign_in', session.id, s.createdAt, { userAgent: s.userAgent }, s.ip);
      return session;
    });
  }

  async findSession(tokenHash: string): Promise<SessionWithUser | null> {
    const { rows } = await this.db.query<FoundSessionRow>('SELECT * FROM arco_find_session($1)', [tokenHash]);
    const row = rows[0];
    if (!row) return null;
    return {
      session: toSession(row),
      user: toUser({ ...row, id: row.user_id }),
      userDisabled: row.user_disabled_at !== null,
    };
  }

  async touchSession({ id, user }: SessionRef, at: Date): Promise<void> {
    await this.db.withIdentity(sessionIdentity(user), (tx) =>
      tx.query('UPDATE sessions SET last_seen_at = $2 WHERE id = $1 AND last_seen_at < $2', [id, iso(at)]),
    );
  }

  async revokeSession({ id, user }: SessionRef, at: Date, reason: RevokeReason): Promise<void> {
    await this.db.withIdentity(sessionIdentity(user), async (tx) => {
      const { rowCount } = await tx.query(
        'UPDATE sessions SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL',
        [id, iso(at)],
      );
      if (rowCount) await audit(tx, user, REVOKE_ACTIONS[reason], id, at, { reason }, null);
    });
  }

  recordLoginAttempt(a: LoginAttempt): Promise<string> {
    return this.db.signIn((tx) => recordAttempt(tx, a));
  }

  nthRecentFailure(query: FailureQuery): Promise<Date | null> {
    return this.db.signIn((tx) => nthRecentFailure(tx, query));
  }

  hasSucceeded(filter: AttemptFilter, since: Date): Promise<boolean> {
    return this.db.signIn((tx) => hasSucceeded(tx, filter, since));
  }

  withAttemptLock<T>(keys: readonly string[], fn: (log: AttemptLog) => Promise<T>): Promise<T> {
    // Locks are taken in ascending order of their 64-bit key in every transaction, so two sign-ins that share
    // two keys can never wait for each other in a cycle.
    const lockKeys = [...new Set(keys.map(advisoryKey))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return this.attemptLocks.run(keys, () =>
      this.db.signIn(async (tx) => {
        for (const key of lockKeys)
          await tx.query('SELECT pg_advisory_xact_lock($1::bigint)', [key.toString()]);
        return fn({
          recordLoginAttempt: (a) => recordAttempt(tx, a),
          nthRecentFailure: (query) => nthRecentFailure(tx, query),
          hasSucceeded: (filter, since) => hasSucceeded(tx, filter, since),
        });
      }),
    );
  }

  async settleLoginAttempt(id: string, o: AttemptOutcome): Promise<void> {
    await this.db.signIn((tx) =>
      tx.query('UPDATE login_attempts SET succeeded = $2, user_id = $3, device_key = $4 WHERE id = $1', [
        id,
        o.succeeded,
        o.userId,
        o.deviceKey,
      ]),
    );
  }

  async pruneLoginAttempts(before: Date): Promise<number> {
    const { rowCount } = await this.db.signIn((tx) =>
      tx.query('DELETE FROM login_attempts WHERE attempted_at < $1', [iso(before)]),
    );
    return rowCount ?? 0;
  }

  async pruneSessions({ deadBefore, idleBefore }: { deadBefore: Date; idleBefore: Date }): Promise<number> {
    const { rows } = await this.db.query<{ removed: number }>(
      'SELECT arco_prune_sessions($1, $2) AS removed',
      [iso(deadBefore), iso(idleBefore)],
    );
    return rows[0]?.removed ?? 0;
  }
}

async function recordAttempt(db: DbClient, a: LoginAttempt): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO login_attempts (account_key, ip, device_key, user_id, succeeded, attempted_at)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id::text`,
    [a.accountKey, a.ip, a.deviceKey, a.userId, a.succeeded, iso(a.at)],
  );
  return one(rows).id;
}

async function nthRecentFailure(
  db: DbClient,
  { filter, since, n, resetOnSuccess }: FailureQuery,
): Promise<Date | null> {
  const where = filterSql(filter, 3);
  const reset = resetOnSuccess
    ? `AND attempted_at > coalesce((SELECT max(attempted_at) FROM login_attempts WHERE succeeded AND ${where.sql}), '-infinity')`
    : '';
  const { rows } = await db.query<{ attempted_at: string }>(
    `SELECT attempted_at FROM login_attempts
      WHERE NOT succeeded AND attempted_at > $1 AND ${where.sql} ${reset}
      ORDER BY attempted_at DESC OFFSET $2 LIMIT 1`,
    [iso(since), n - 1, ...where.params],
  );
  return rows[0] ? new Date(rows[0].attempted_at) : null;
}

async function hasSucceeded(db: DbClient, filter: AttemptFilter, since: Date): Promise<boolean> {
  const where = filterSql(filter, 2);
  const { rows } = await db.query<{ found: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM login_attempts WHERE succeeded AND attempted_at > $1 AND ${where.sql}) AS found`,
    [iso(since), ...where.params],
  );
  return rows[0]?.found === true;
}

/** A throttle key's advisory lock: 64 bits of its SHA-256, in a namespace of its own ('arco.login:'). */
function advisoryKey(key: string): bigint {
  return createHash('sha256').update(`arco.login:${key}`).digest().readBigInt64BE(0);
}

/** `col = $k AND …` for the given filter (fixed column names), numbering parameters from `first`. */
function filterSql(filter: AttemptFilter, first: number): { sql: string; params: string[] } {
  const terms: [column: string, value: string][] = [];
  if (filter.accountKey !== undefined) terms.push(['account_key', filter.accountKey]);
  if (filter.ip !== undefined) terms.push(['ip', filter.ip]);
  if (filter.deviceKey !== undefined) terms.push(['device_key', filter.deviceKey]);
  if (terms.length === 0) throw new Error('an attempt filter needs at least one key');
  return {
    sql: terms.map(([column], i) => `${column} = $${first + i}`).join(' AND '),
    params: terms.map(([, value]) => value),
  };
}

export interface UserColumns {
  id: string;
  organization_id: string;
  role: string;
  customer_id: string | null;
  email: string;
  name: string;
  locale: string;
  time_zone: string;
}

interface LoginRow extends Omit<UserColumns, 'id'> {
  user_id: string;
  password_hash: string | null;
  disabled_at: string | null;
}

interface SessionRow {
  session_id: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  revoked_at: string | null;
}

interface FoundSessionRow extends SessionRow, Omit<UserColumns, 'id'> {
  user_disabled_at: string | null;
}

const iso = (d: Date) => d.toISOString();

const REVOKE_ACTIONS: Record<RevokeReason, AuditAction> = {
  sign_out: 'auth.sign_out',
  replaced: 'auth.session_replaced',
  user_disabled: 'auth.session_revoked',
};

/** One audit_log row about a session, written as the acting user in the same transaction as what it records. */
async function audit(
  tx: DbClient,
  actor: SignedInUser,
  action: AuditAction,
  sessionId: string,
  at: Date,
  details: Record<string, unknown>,
  ip: string | null,
): Promise<void> {
  await recordAudit(tx, {
    organizationId: actor.organizationId,
    actorId: actor.id,
    action,
    entity: 'session',
    entityId: sessionId,
    at,
    details,
    ip,
  });
}

function one<T>(rows: T[]): T {
  const row = rows[0];
  if (!row) throw new Error('expected one row');
  return row;
}

function toRole(value: string): Role {
  if (!(ROLES as readonly string[]).includes(value)) throw new Error(`unexpected role ${value}`);
  return value as Role;
}

export function toUser(row: UserColumns): SignedInUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: toRole(row.role),
    organizationId: row.organization_id,
    customerId: row.customer_id,
    locale: row.locale,
    timeZone: row.time_zone,
  };
}

function toSession(row: SessionRow): SessionRecord {
  return {
    id: row.session_id,
    userId: row.user_id,
    createdAt: new Date(row.created_at),
    lastSeenAt: new Date(row.last_seen_at),
    expiresAt: new Date(row.expires_at),
    revokedAt: row.revoked_at === null ? null : new Date(row.revoked_at),
  };
}
