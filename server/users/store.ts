import type { AuditPage } from '../../shared/audit.ts';
import type {
  InvitationPreview,
  InvitationState,
  InvitationSummary,
  Language,
  StaffRole,
  UsersList,
  UserSummary,
} from '../../shared/accounts.ts';
import type { Role, SignedInUser, UserIdentity } from '../../shared/identity.ts';

/**
 * What accounts need from storage: the first run, invitations, user management and the audit log. Implemented
 * by `memory-store.ts` (route tests) and `pg-store.ts` (PostgreSQL); `store-contract.ts` runs against both.
 *
 * Invariants every implementation keeps:
 * - Invitation tokens are never stored, only their SHA-256 (`tokenHash`).
 * - Every change records its audit row (shared/audit.ts actions) atomically with the change.
 * - Admin operations act only inside the admin's organization: an id from another one is "not found".
 * - `acceptInvitation` is single-use under concurrency: of two acceptances of one token, one wins.
 * - Nothing here decides policy beyond what keeps the data consistent (who may call what is the routes' job;
 *   expiry times are computed by the caller), so both implementations behave identically.
 */
export interface AccountsStore {
  /** Whether any organization exists (first run is over). */
  hasOrganization(): Promise<boolean>;
  /** The first organization and its admin, atomically; null when an organization already exists. */
  createOrganization(input: NewOrganization, meta: Meta): Promise<SignedInUser | null>;

  listUsers(admin: UserIdentity, now: Date): Promise<UsersList>;
  createInvitation(admin: UserIdentity, invitation: NewInvitation, meta: Meta): Promise<InvitationOutcome>;
  /** New token and expiry for an invitation not yet accepted or revoked (the old link dies); null otherwise. */
  renewInvitation(
    admin: UserIdentity,
    invitationId: string,
    link: { tokenHash: string; expiresAt: Date },
    meta: Meta,
  ): Promise<InvitationWithContext | null>;
  /** False when there is no such invitation still open. */
  revokeInvitation(admin: UserIdentity, invitationId: string, meta: Meta): Promise<boolean>;
  /** The invitation behind a token, whatever its state (the caller decides what to show). */
  findInvitation(
    tokenHash: string,
    now: Date,
  ): Promise<(InvitationPreview & { state: InvitationState }) | null>;
  /** Creates the invited user and marks the invitation used, once; the reason otherwise. */
  acceptInvitation(
    tokenHash: string,
    account: { name: string; passwordHash: string },
    meta: Meta,
  ): Promise<{ ok: true; user: SignedInUser } | { ok: false; reason: AcceptProblem }>;
  /** Role and/or disabled state; disabling ends every session of the user. */
  updateUser(
    admin: UserIdentity,
    userId: string,
    change: { role?: StaffRole; disabled?: boolean },
    meta: Meta,
  ): Promise<{ ok: true; user: UserSummary } | { ok: false; reason: UpdateProblem }>;

  readAudit(admin: UserIdentity, page: { before: number | null; limit: number }): Promise<AuditPage>;
}

/** When and from where a change was made (the audit row's `at` and `ip`). */
export interface Meta {
  readonly at: Date;
  readonly ip: string | null;
}

export interface NewOrganization {
  readonly organizationName: string;
  readonly locale: Language;
  readonly admin: { readonly email: string; readonly name: string; readonly passwordHash: string };
}

export interface NewInvitation {
  readonly email: string;
  readonly role: Role;
  readonly customerId: string | null;
  readonly locale: Language;
  readonly tokenHash: string;
  readonly expiresAt: Date;
}

/** An invitation and what its mail needs. */
export interface InvitationWithContext {
  readonly invitation: InvitationSummary;
  readonly organizationName: string;
}

export type InvitationOutcome =
  | ({ readonly ok: true } & InvitationWithContext)
  | { readonly ok: false; readonly reason: 'user_exists' | 'already_invited' | 'unknown_customer' };

export type AcceptProblem = 'unknown' | 'expired' | 'used' | 'revoked' | 'email_taken';
export type UpdateProblem = 'not_found' | 'self' | 'client_role';
