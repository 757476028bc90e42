import { z } from 'zod';
import { idSchema, isoDateTime } from './entities/common.ts';

/**
 * The audit log as admins read it (`GET /api/users/audit`, the users screen's "Registro" tab; docs/api.md).
 *
 * Invariants:
 * - The server writes rows only with an action from `AUDIT_ACTIONS` (server/audit/audit-log.ts); older rows
 *   and rows of a newer server may carry others, so readers accept any string and show unknown ones raw.
 * - Rows are append-only (no UPDATE/DELETE grant for the app role) and readable by admins of the
 *   organization only (RLS, migration 0004).
 * - `details` never holds a secret: no token, no password, no hash — only what a person needs to read the row.
 */
export const AUDIT_ACTIONS = [
  // Sessions (server/auth).
  'auth.sign_in',
  'auth.sign_out',
  'auth.session_replaced',
  'auth.session_revoked',
  'auth.other_sessions_ended',
  // Password reset and passkeys.
  'auth.password_reset_requested',
  'auth.password_reset',
  'auth.password_changed',
  'passkey.registered',
  'passkey.removed',
  // Accounts (server/users).
  'organization.created',
  'invitation.created',
  'invitation.resent',
  'invitation.revoked',
  'invitation.accepted',
  'user.role_changed',
  'user.disabled',
  'user.enabled',
  // Settings.
  'update',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What a row is about (`entity`); `entityId` is that thing's id. */
export const AUDIT_ENTITIES = [
  'session',
  'user',
  'invitation',
  'organization',
  'passkey',
  'password_reset',
  'health_config',
  'playbooks',
  'lead_scoring',
] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

const personSchema = z.object({ id: idSchema, name: z.string(), email: z.string() });

export const auditEntrySchema = z.object({
  /** Increasing: the newest rows have the highest ids (the page cursor). */
  id: z.number().int().positive(),
  at: isoDateTime,
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  /** Who acted; null for the server itself (a job) or a deleted user. */
  actor: personSchema.nullable(),
  /** The user the row is about, when `entity` is `user` (or the session's owner), if they still exist. */
  subject: personSchema.nullable(),
  details: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditPageSchema = z.object({
  entries: z.array(auditEntrySchema),
  /** Pass as `before` for the next (older) page; null at the oldest row. */
  next: z.number().int().positive().nullable(),
});
export type AuditPage = z.infer<typeof auditPageSchema>;

export const AUDIT_PAGE_SIZE = 50;
