import { randomUUID } from 'node:crypto';
import {
  invitationState,
  type InvitationSummary,
  type Language,
  type UsersList,
  type UserSummary,
} from '../../shared/accounts.ts';
import type { AuditPage } from '../../shared/audit.ts';
import { systemIdentity, type Role, type SignedInUser, type UserIdentity } from '../../shared/identity.ts';
import { readAuditLog, recordAudit } from '../audit/audit-log.ts';
import type { Database, DbClient } from '../db/database.ts';
import type { AcceptProblem, AccountsStore, InvitationWithContext, Meta, NewInvitation } from './store.ts';

/**
 * AccountsStore on PostgreSQL (tables organizations, users, invitations, sessions, audit_log).
 *
 * How it passes row-level security:
 * - Admin operations run `withIdentity(admin)`: RLS lets an admin manage their organization's users and
 *   invitations and revoke its sessions, nothing else.
 * - Before anyone is identified (invitation page, accepting, first run) it uses the SECURITY DEFINER functions
 *   `arco_invitation_preview(token_hash)`, `arco_find_login(email)` and `arco_has_organization()`, then acts as
 *   `system` of the one organization the token (or the new organization) belongs to.
 * - The first run takes a transaction-scoped advisory lock, so two concurrent set-ups cannot both find the
 *   database empty.
 */
export class PgAccountsStore implements AccountsStore {
  constructor(private readonly db: Database) {}

  async hasOrganization(): Promise<boolean> {
    const { rows } = await this.db.query<{ has: boolean }>('SELECT arco_has_organization() AS has');
    return rows[0]?.has === true;
  }

  async createOrganization(
    input: Parameters<AccountsStore['createOrganization']>[0],
    meta: Meta,
  ): Promise<SignedInUser | null> {
    const organizationId = randomUUID();
    return this.db.withIdentity(systemIdentity(organizationId), async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('arco_first_run'))`);
      const { rows: has } = await tx.query<{ has: boolean }>('SELECT arco_has_organization() AS has');
      if (has[0]?.has) return null;
      await tx.query('INSERT INTO organizations (id, name, locale) VALUES ($1, $2, $3)', [
        organizationId,
        input.organizationName,
        input.locale,
      ]);
      const { rows } = await tx.query<UserRow>(
        `INSERT INTO users (organization_id, email, name, role, customer_id, password_hash, locale, created_at, updated_at)
         VALUES ($1, $2, $3, 'admin', NULL, $4, $5, $6, $6) RETURNING ${USER_COLUMNS}`,
        [
          organizationId,
          input.admin.email,
          input.admin.name,
          input.admin.passwordHash,
          input.locale,
          iso(meta.at),
        ],
      );
      const user = toSignedIn(one(rows));
      await recordAudit(tx, {
        organizationId,
        actorId: user.id,
        action: 'organization.created',
        entity: 'organization',
        entityId: organizationId,
        at: meta.at,
        details: { name: input.organizationName, admin: user.email },
        ip: meta.ip,
      });
      return user;
    });
  }

  async listUsers(admin: UserIdentity, now: Date): Promise<UsersList> {
    return this.db.withIdentity(admin, async (tx) => {
      const { rows: users } = await tx.query<SummaryRow>(
        `${SUMMARY_SELECT} WHERE u.organization_id = $1 ORDER BY lower(u.name), u.id`,
        [admin.organizationId],
      );
      const { rows: invitations } = await tx.query<InvitationRow>(
        `${INVITATION_SELECT} WHERE i.organization_id = $1 AND i.accepted_at IS NULL AND i.revoked_at IS NULL
          ORDER BY i.sent_at DESC, i.id`,
        [admin.organizationId],
      );
      return {
        users: users.map(toSummary),
        invitations: invitations.map((row) => toInvitation(row, now)),
      };
    });
  }

  async createInvitation(admin: UserIdentity, inv: NewInvitation, meta: Meta) {
    return this.db.withIdentity(admin, async (tx) => {
      const { rows: existing } = await tx.query('SELECT 1 FROM arco_find_login($1)', [inv.email]);
      if (existing.length > 0) return { ok: false as const, reason: 'user_exists' as const };
      const { rows: open } = await tx.query(
        `SELECT 1 FROM invitations WHERE organization_id = $1 AND lower(email) = lower($2)
            AND accepted_at IS NULL AND revoked_at IS NULL`,
        [admin.organizationId, inv.email],
      );
      if (open.length > 0) return { ok: false as const, reason: 'already_invited' as const };
      if (inv.customerId !== null) {
        const { rows } = await tx.query(
          'SELECT 1 FROM customers WHERE organization_id = $1 AND id = $2 AND NOT deleted',
          [admin.organizationId, inv.customerId],
        );
        if (rows.length === 0) return { ok: false as const, reason: 'unknown_customer' as const };
      }
      const { rows } = await tx.query<{ id: string }>(
        `INSERT INTO invitations (organization_id, email, role, customer_id, token_hash, invited_by, created_at,
                                  sent_at, expires_at, locale)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8, $9) RETURNING id`,
        [
          admin.organizationId,
          inv.email,
          inv.role,
          inv.customerId,
          inv.tokenHash,
          admin.userId,
          iso(meta.at),
          iso(inv.expiresAt),
          inv.locale,
        ],
      );
      const id = one(rows).id;
      const context = await this.invitationContext(tx, admin.organizationId, id, meta.at);
      await recordAudit(tx, {
        organizationId: admin.organizationId,
        actorId: admin.userId,
        action: 'invitation.created',
        entity: 'invitation',
        entityId: id,
        at: meta.at,
        details: invitationDetails(context.invitation),
        ip: meta.ip,
      });
      return { ok: true as const, ...context };
    });
  }

  async renewInvitation(
    admin: UserIdentity,
    invitationId: string,
    link: { tokenHash: string; expiresAt: Date },
    meta: Meta,
  ): Promise<InvitationWithContext | null> {
    return this.db.withIdentity(admin, async (tx) => {
      const { rowCount } = await tx.query(
        `UPDATE invitations SET token_hash = $3, expires_at = $4, sent_at = $5
          WHERE organization_id = $1 AND id = $2 AND accepted_at IS NULL AND revoked_at IS NULL`,
        [admin.organizationId, invitationId, link.tokenHash, iso(link.expiresAt), iso(meta.at)],
      );
      if (!rowCount) return null;
      const context = await this.invitationContext(tx, admin.organizationId, invitationId, meta.at);
      await recordAudit(tx, {
        organizationId: admin.organizationId,
        actorId: admin.userId,
        action: 'invitation.resent',
        entity: 'invitation',
        entityId: invitationId,
        at: meta.at,
        details: invitationDetails(context.invitation),
        ip: meta.ip,
      });
      return context;
    });
  }

  async revokeInvitation(admin: UserIdentity, invitationId: string, meta: Meta): Promise<boolean> {
    return this.db.withIdentity(admin, async (tx) => {
      const { rows } = await tx.query<{ email: string; role: string }>(
        `UPDATE invitations SET revoked_at = $3
          WHERE organization_id = $1 AND id = $2 AND accepted_at IS NULL AND revoked_at IS NULL
          RETURNING email, role`,
        [admin.organizationId, invitationId, iso(meta.at)],
      );
      const row = rows[0];
      if (!row) return false;
      await recordAudit(tx, {
        organizationId: admin.organizationId,
        actorId: admin.userId,
        action: 'invitation.revoked',
        entity: 'invitation',
        entityId: invitationId,
        at: meta.at,
        details: { email: row.email, role: row.role },
        ip: meta.ip,
      });
      return true;
    });
  }

  async findInvitation(tokenHash: string, now: Date) {
    const { rows } = await this.db.query<PreviewRow>('SELECT * FROM arco_invitation_preview($1)', [
      tokenHash,
    ]);
    const row = rows[0];
    if (!row) return null;
    return {
      organizationName: row.organization_name,
      email: row.email,
      role: row.role as Role,
      customerName: row.customer_name,
      locale: row.locale as Language,
      expiresAt: iso(new Date(row.expires_at)),
      state: invitationState(dates(row), now),
    };
  }

  async acceptInvitation(tokenHash: string, account: { name: string; passwordHash: string }, meta: Meta) {
    const { rows: found } = await this.db.query<PreviewRow>('SELECT * FROM arco_invitation_preview($1)', [
      tokenHash,
    ]);
    const preview = found[0];
    if (!preview) return { ok: false as const, reason: 'unknown' as const };
    try {
      return await this.db.withIdentity(systemIdentity(preview.organization_id), async (tx) => {
        const { rows: taken } = await tx.query('SELECT 1 FROM arco_find_login($1)', [preview.email]);
        // Conditional update: of two concurrent acceptances, the second finds accepted_at set and stops here.
        const { rows } = await tx.query<{
          email: string;
          role: string;
          customer_id: string | null;
          locale: string;
        }>(
          `UPDATE invitations SET accepted_at = $2
            WHERE id = $1 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > $2
              AND $3::boolean
            RETURNING email, role, customer_id, locale`,
          [preview.invitation_id, iso(meta.at), taken.length === 0],
        );
        const inv = rows[0];
        if (!inv) {
          if (taken.length > 0 && invitationState(dates(preview), meta.at) === 'pending')
            return { ok: false as const, reason: 'email_taken' as const };
          return { ok: false as const, reason: problemOf(invitationState(dates(preview), meta.at)) };
        }
        const { rows: users } = await tx.query<UserRow>(
          `INSERT INTO users (organization_id, email, name, role, customer_id, password_hash, locale, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING ${USER_COLUMNS}`,
          [
            preview.organization_id,
            inv.email,
            account.name,
            inv.role,
            inv.customer_id,
            account.passwordHash,
            inv.locale,
            iso(meta.at),
          ],
        );
        const user = toSignedIn(one(users));
        await recordAudit(tx, {
          organizationId: preview.organization_id,
          actorId: user.id,
          action: 'invitation.accepted',
          entity: 'invitation',
          entityId: preview.invitation_id,
          at: meta.at,
          details: { email: user.email, role: user.role, userId: user.id },
          ip: meta.ip,
        });
        return { ok: true as const, user };
      });
    } catch (error) {
      // Someone took the address between the check and the insert (users_email_key): nothing was written.
      if ((error as { code?: string }).code === '23505')
        return { ok: false as const, reason: 'email_taken' as const };
      throw error;
    }
  }

  async updateUser(
    admin: UserIdentity,
    userId: string,
    change: { role?: 'admin' | 'csm'; disabled?: boolean },
    meta: Meta,
  ) {
    if (userId === admin.userId) return { ok: false as const, reason: 'self' as const };
    return this.db.withIdentity(admin, async (tx) => {
      const { rows } = await tx.query<{ role: Role; disabled: boolean; email: string }>(
        `SELECT role, disabled_at IS NOT NULL AS disabled, email FROM users
          WHERE organization_id = $1 AND id = $2 FOR UPDATE`,
        [admin.organizationId, userId],
      );
      const current = rows[0];
      if (!current) return { ok: false as const, reason: 'not_found' as const };
      if (change.role !== undefined && current.role === 'client')
        return { ok: false as const, reason: 'client_role' as const };
      const audit = (action: 'user.role_changed' | 'user.disabled' | 'user.enabled', details: object) =>
        recordAudit(tx, {
          organizationId: admin.organizationId,
          actorId: admin.userId,
          action,
          entity: 'user',
          entityId: userId,
          at: meta.at,
          details: { email: current.email, ...details },
          ip: meta.ip,
        });
      if (change.role !== undefined && change.role !== current.role) {
        await tx.query('UPDATE users SET role = $3, updated_at = $4 WHERE organization_id = $1 AND id = $2', [
          admin.organizationId,
          userId,
          change.role,
          iso(meta.at),
        ]);
        await audit('user.role_changed', { from: current.role, to: change.role });
      }
      if (change.disabled === true && !current.disabled) {
        await tx.query(
          'UPDATE users SET disabled_at = $3, updated_at = $3 WHERE organization_id = $1 AND id = $2',
          [admin.organizationId, userId, iso(meta.at)],
        );
        const { rowCount } = await tx.query(
          `UPDATE sessions SET revoked_at = $3
            WHERE organization_id = $1 AND user_id = $2 AND revoked_at IS NULL`,
          [admin.organizationId, userId, iso(meta.at)],
        );
        await audit('user.disabled', { sessionsEnded: rowCount ?? 0 });
      }
      if (change.disabled === false && current.disabled) {
        await tx.query(
          'UPDATE users SET disabled_at = NULL, updated_at = $3 WHERE organization_id = $1 AND id = $2',
          [admin.organizationId, userId, iso(meta.at)],
        );
        await audit('user.enabled', {});
      }
      const { rows: summary } = await tx.query<SummaryRow>(
        `${SUMMARY_SELECT} WHERE u.organization_id = $1 AND u.id = $2`,
        [admin.organizationId, userId],
      );
      return { ok: true as const, user: toSummary(one(summary)) };
    });
  }

  async readAudit(admin: UserIdentity, page: { before: number | null; limit: number }): Promise<AuditPage> {
    return this.db.withIdentity(admin, (tx) => readAuditLog(tx, admin.organizationId, page));
  }

  private async invitationContext(
    tx: DbClient,
    organizationId: string,
    id: string,
    now: Date,
  ): Promise<InvitationWithContext> {
    const { rows } = await tx.query<InvitationRow & { organization_name: string }>(
      `SELECT i.*, c.name AS customer_name, inviter.name AS inviter_name, o.name AS organization_name
         FROM invitations i
         JOIN organizations o ON o.id = i.organization_id
         LEFT JOIN customers c ON c.organization_id = i.organization_id AND c.id = i.customer_id
         LEFT JOIN users inviter ON inviter.organization_id = i.organization_id AND inviter.id = i.invited_by
        WHERE i.organization_id = $1 AND i.id = $2`,
      [organizationId, id],
    );
    const row = one(rows);
    return { invitation: toInvitation(row, now), organizationName: row.organization_name };
  }
}

const USER_COLUMNS = 'id, organization_id, role, customer_id, email, name, locale, time_zone';

const SUMMARY_SELECT = `
  SELECT u.id, u.name, u.email, u.role, u.customer_id, c.name AS customer_name,
         u.disabled_at IS NOT NULL AS disabled, u.created_at,
         GREATEST(u.last_login_at, (SELECT max(s.last_seen_at) FROM sessions s
                                     WHERE s.organization_id = u.organization_id AND s.user_id = u.id)) AS last_active_at
    FROM users u
    LEFT JOIN customers c ON c.organization_id = u.organization_id AND c.id = u.customer_id`;

const INVITATION_SELECT = `
  SELECT i.*, c.name AS customer_name, inviter.name AS inviter_name
    FROM invitations i
    LEFT JOIN customers c ON c.organization_id = i.organization_id AND c.id = i.customer_id
    LEFT JOIN users inviter ON inviter.organization_id = i.organization_id AND inviter.id = i.invited_by`;

interface UserRow {
  id: string;
  organization_id: string;
  role: Role;
  customer_id: string | null;
  email: string;
  name: string;
  locale: string;
  time_zone: string;
}

interface SummaryRow {
  id: string;
  name: string;
  email: string;
  role: Role;
  customer_id: string | null;
  customer_name: string | null;
  disabled: boolean;
  created_at: string;
  last_active_at: string | null;
}

interface InvitationRow {
  id: string;
  email: string;
  role: Role;
  customer_id: string | null;
  customer_name: string | null;
  locale: string;
  invited_by: string | null;
  inviter_name: string | null;
  created_at: string;
  sent_at: string;
  expires_at: string;
  accepted_at: string | null;
  revoked_at: string | null;
}

interface PreviewRow {
  invitation_id: string;
  organization_id: string;
  organization_name: string;
  email: string;
  role: string;
  customer_id: string | null;
  customer_name: string | null;
  locale: string;
  expires_at: string;
  accepted_at: string | null;
  revoked_at: string | null;
}

const iso = (d: Date) => d.toISOString();
const isoOrNull = (v: string | null) => (v === null ? null : iso(new Date(v)));

function dates(row: { expires_at: string; accepted_at: string | null; revoked_at: string | null }) {
  return {
    expiresAt: new Date(row.expires_at),
    acceptedAt: row.accepted_at === null ? null : new Date(row.accepted_at),
    revokedAt: row.revoked_at === null ? null : new Date(row.revoked_at),
  };
}

function problemOf(state: ReturnType<typeof invitationState>): AcceptProblem {
  return state === 'accepted' ? 'used' : state === 'pending' ? 'unknown' : state;
}

function invitationDetails(i: InvitationSummary): Record<string, unknown> {
  return { email: i.email, role: i.role, customerName: i.customerName };
}

function toSignedIn(row: UserRow): SignedInUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    organizationId: row.organization_id,
    customerId: row.customer_id,
    locale: row.locale,
    timeZone: row.time_zone,
  };
}

function toSummary(row: SummaryRow): UserSummary {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    customerId: row.customer_id,
    customerName: row.customer_name,
    disabled: row.disabled,
    lastActiveAt: isoOrNull(row.last_active_at),
    createdAt: iso(new Date(row.created_at)),
  };
}

function toInvitation(row: InvitationRow, now: Date): InvitationSummary {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    customerId: row.customer_id,
    customerName: row.customer_name,
    locale: row.locale as Language,
    invitedBy: row.invited_by && row.inviter_name ? { id: row.invited_by, name: row.inviter_name } : null,
    createdAt: iso(new Date(row.created_at)),
    sentAt: iso(new Date(row.sent_at)),
    expiresAt: iso(new Date(row.expires_at)),
    state: invitationState(dates(row), now),
  };
}

function one<T>(rows: T[]): T {
  const row = rows[0];
  if (!row) throw new Error('expected one row');
  return row;
}
