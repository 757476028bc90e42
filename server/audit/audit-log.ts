import type { AuditAction, AuditEntity, AuditEntry, AuditPage } from '../../shared/audit.ts';
import type { DbClient } from '../db/database.ts';

/**
 * Writing and reading the audit log (table audit_log, migration 0002; RLS in 0004). Everything that changes an
 * account records one row here **in the same transaction** as the change, so a change and its row commit or
 * roll back together.
 *
 * Invariants:
 * - `recordAudit` runs on the caller's transaction: as the acting user (`withIdentity(actor)`: RLS requires
 *   `actor_id` = that user) or as `system` (jobs, the first-run setup, flows before anyone is identified such
 *   as a password reset link; `actorId` may then name the person the flow acts for).
 * - `details` is for people reading the log: never a token, a password or a hash.
 * - Reads are admin-only by RLS; `readAuditLog` must run under the admin's identity.
 */
export interface AuditRecord {
  readonly organizationId: string;
  /** Who acted; null = the server itself. */
  readonly actorId: string | null;
  readonly action: AuditAction;
  readonly entity: AuditEntity;
  readonly entityId: string | null;
  readonly at: Date;
  readonly details?: Readonly<Record<string, unknown>>;
  readonly ip?: string | null;
}

export async function recordAudit(tx: DbClient, row: AuditRecord): Promise<void> {
  await tx.query(
    `INSERT INTO audit_log (organization_id, actor_id, action, entity, entity_id, at, details, ip)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      row.organizationId,
      row.actorId,
      row.action,
      row.entity,
      row.entityId,
      row.at.toISOString(),
      JSON.stringify(row.details ?? {}),
      row.ip ?? null,
    ],
  );
}

interface AuditRow {
  id: string;
  at: Date | string;
  action: string;
  entity: string;
  entity_id: string | null;
  details: Record<string, unknown> | null;
  ip: string | null;
  actor_id: string | null;
  actor_name: string | null;
  actor_email: string | null;
  subject_id: string | null;
  subject_name: string | null;
  subject_email: string | null;
}

/**
 * One page of the organization's audit log, newest first, older than `before` (a row id) when given. The
 * subject is the user a `user` row is about (null for other entities, and for a user no longer there).
 */
export async function readAuditLog(
  tx: DbClient,
  organizationId: string,
  page: { readonly before: number | null; readonly limit: number },
): Promise<AuditPage> {
  const { rows } = await tx.query<AuditRow>(
    `SELECT a.id::text AS id, a.at, a.action, a.entity, a.entity_id, a.details, a.ip,
            actor.id AS actor_id, actor.name AS actor_name, actor.email AS actor_email,
            subject.id AS subject_id, subject.name AS subject_name, subject.email AS subject_email
       FROM audit_log a
       LEFT JOIN users actor ON actor.organization_id = a.organization_id AND actor.id = a.actor_id
       LEFT JOIN users subject ON subject.organization_id = a.organization_id
             AND a.entity = 'user' AND subject.id::text = a.entity_id
      WHERE a.organization_id = $1 AND ($2::bigint IS NULL OR a.id < $2::bigint)
      ORDER BY a.id DESC
      LIMIT $3`,
    [organizationId, page.before, page.limit + 1],
  );
  const entries = rows.slice(0, page.limit).map(toEntry);
  const last = entries.at(-1);
  return { entries, next: rows.length > page.limit && last ? last.id : null };
}

function toEntry(row: AuditRow): AuditEntry {
  const person = (id: string | null, name: string | null, email: string | null) =>
    id && name !== null && email !== null ? { id, name, email } : null;
  return {
    id: Number(row.id),
    at: new Date(row.at).toISOString(),
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    actor: person(row.actor_id, row.actor_name, row.actor_email),
    subject: person(row.subject_id, row.subject_name, row.subject_email),
    details: row.details ?? {},
    ip: row.ip,
  };
}
