import { randomUUID } from 'node:crypto';
import {
  invitationState,
  type InvitationSummary,
  type Language,
  type UsersList,
  type UserSummary,
} from '../../shared/accounts.ts';
import type { AuditAction, AuditEntity, AuditEntry, AuditPage } from '../../shared/audit.ts';
import type { Role, SignedInUser, UserIdentity } from '../../shared/identity.ts';
import type { MemoryAuthStore } from '../auth/memory-store.ts';
import type { LoginRecord } from '../auth/store.ts';
import type { AccountsStore, InvitationWithContext, Meta, NewInvitation, NewOrganization } from './store.ts';

/**
 * In-memory AccountsStore for route tests. Same contract as the PostgreSQL store (store-contract.ts runs
 * against both). Users live here and are mirrored into the given MemoryAuthStore, so an accepted invitation
 * signs in and a disabled user's sessions stop working (the session service revokes them on first sight).
 */
export class MemoryAccountsStore implements AccountsStore {
  private readonly organizations = new Map<string, string>();
  private readonly customers = new Map<string, { organizationId: string; name: string }>();
  private readonly users = new Map<string, MemoryUser>();
  private readonly invitations = new Map<string, MemoryInvitation>();
  private readonly audit: (AuditEntry & { organizationId: string })[] = [];

  constructor(
    private readonly auth: MemoryAuthStore,
    seed: {
      readonly organizations?: readonly { id: string; name: string }[];
      readonly customers?: readonly { id: string; organizationId: string; name: string }[];
      readonly users?: readonly LoginRecord[];
    } = {},
  ) {
    for (const o of seed.organizations ?? []) this.organizations.set(o.id, o.name);
    for (const c of seed.customers ?? []) this.customers.set(c.id, c);
    for (const login of seed.users ?? [])
      this.putUser({ ...login, createdAt: new Date(0), disabledAt: login.disabled ? new Date(0) : null });
  }

  async hasOrganization(): Promise<boolean> {
    return this.organizations.size > 0;
  }

  async createOrganization(input: NewOrganization, meta: Meta): Promise<SignedInUser | null> {
    if (this.organizations.size > 0) return null;
    const organizationId = randomUUID();
    this.organizations.set(organizationId, input.organizationName);
    const user = this.newUser(organizationId, {
      email: input.admin.email,
      name: input.admin.name,
      role: 'admin',
      customerId: null,
      locale: input.locale,
      passwordHash: input.admin.passwordHash,
      at: meta.at,
    });
    this.record(organizationId, user.id, 'organization.created', 'organization', organizationId, meta, {
      name: input.organizationName,
      admin: user.email,
    });
    return user;
  }

  async listUsers(admin: UserIdentity, now: Date): Promise<UsersList> {
    const users = [...this.users.values()]
      .filter((u) => u.user.organizationId === admin.organizationId)
      .sort(
        (a, b) =>
          a.user.name.toLowerCase().localeCompare(b.user.name.toLowerCase()) || cmp(a.user.id, b.user.id),
      )
      .map((u) => this.summary(u));
    const invitations = [...this.invitations.values()]
      .filter((i) => i.organizationId === admin.organizationId && !i.acceptedAt && !i.revokedAt)
      .sort((a, b) => b.sentAt.getTime() - a.sentAt.getTime() || cmp(a.id, b.id))
      .map((i) => this.invitationSummary(i, now));
    return { users, invitations };
  }

  async createInvitation(admin: UserIdentity, inv: NewInvitation, meta: Meta) {
    if (this.userByEmail(inv.email)) return { ok: false as const, reason: 'user_exists' as const };
    const open = [...this.invitations.values()].some(
      (i) =>
        i.organizationId === admin.organizationId &&
        i.email.toLowerCase() === inv.email.toLowerCase() &&
        !i.acceptedAt &&
        !i.revokedAt,
    );
    if (open) return { ok: false as const, reason: 'already_invited' as const };
    if (
      inv.customerId !== null &&
      this.customers.get(inv.customerId)?.organizationId !== admin.organizationId
    )
      return { ok: false as const, reason: 'unknown_customer' as const };
    const invitation: MemoryInvitation = {
      id: randomUUID(),
      organizationId: admin.organizationId,
      email: inv.email,
      role: inv.role,
      customerId: inv.customerId,
      locale: inv.locale,
      tokenHash: inv.tokenHash,
      invitedBy: admin.userId,
      createdAt: meta.at,
      sentAt: meta.at,
      expiresAt: inv.expiresAt,
      acceptedAt: null,
      revokedAt: null,
    };
    this.invitations.set(invitation.id, invitation);
    const context = this.context(invitation, meta.at);
    this.record(admin.organizationId, admin.userId, 'invitation.created', 'invitation', invitation.id, meta, {
      email: inv.email,
      role: inv.role,
      customerName: context.invitation.customerName,
    });
    return { ok: true as const, ...context };
  }

  async renewInvitation(
    admin: UserIdentity,
    invitationId: string,
    link: { tokenHash: string; expiresAt: Date },
    meta: Meta,
  ): Promise<InvitationWithContext | null> {
    const i = this.invitations.get(invitationId);
    if (!i || i.organizationId !== admin.organizationId || i.acceptedAt || i.revokedAt) return null;
    const renewed = { ...i, tokenHash: link.tokenHash, expiresAt: link.expiresAt, sentAt: meta.at };
    this.invitations.set(i.id, renewed);
    const context = this.context(renewed, meta.at);
    this.record(admin.organizationId, admin.userId, 'invitation.resent', 'invitation', i.id, meta, {
      email: i.email,
      role: i.role,
      customerName: context.invitation.customerName,
    });
    return context;
  }

  async revokeInvitation(admin: UserIdentity, invitationId: string, meta: Meta): Promise<boolean> {
    const i = this.invitations.get(invitationId);
    if (!i || i.organizationId !== admin.organizationId || i.acceptedAt || i.revokedAt) return false;
    this.invitations.set(i.id, { ...i, revokedAt: meta.at });
    this.record(admin.organizationId, admin.userId, 'invitation.revoked', 'invitation', i.id, meta, {
      email: i.email,
      role: i.role,
    });
    return true;
  }

  async findInvitation(tokenHash: string, now: Date) {
    const i = this.byToken(tokenHash);
    if (!i) return null;
    return {
      organizationName: this.organizations.get(i.organizationId) ?? '',
      email: i.email,
      role: i.role,
      customerName: i.customerId ? (this.customers.get(i.customerId)?.name ?? null) : null,
      locale: i.locale,
      expiresAt: i.expiresAt.toISOString(),
      state: invitationState(i, now),
    };
  }

  async acceptInvitation(tokenHash: string, account: { name: string; passwordHash: string }, meta: Meta) {
    const i = this.byToken(tokenHash);
    if (!i) return { ok: false as const, reason: 'unknown' as const };
    const state = invitationState(i, meta.at);
    if (state !== 'pending')
      return { ok: false as const, reason: state === 'accepted' ? ('used' as const) : state };
    if (this.userByEmail(i.email)) return { ok: false as const, reason: 'email_taken' as const };
    this.invitations.set(i.id, { ...i, acceptedAt: meta.at });
    const user = this.newUser(i.organizationId, {
      email: i.email,
      name: account.name,
      role: i.role,
      customerId: i.customerId,
      locale: i.locale,
      passwordHash: account.passwordHash,
      at: meta.at,
    });
    this.record(i.organizationId, user.id, 'invitation.accepted', 'invitation', i.id, meta, {
      email: user.email,
      role: user.role,
      userId: user.id,
    });
    return { ok: true as const, user };
  }

  async updateUser(
    admin: UserIdentity,
    userId: string,
    change: { role?: 'admin' | 'csm'; disabled?: boolean },
    meta: Meta,
  ) {
    if (userId === admin.userId) return { ok: false as const, reason: 'self' as const };
    const current = this.users.get(userId);
    if (!current || current.user.organizationId !== admin.organizationId)
      return { ok: false as const, reason: 'not_found' as const };
    if (change.role !== undefined && current.user.role === 'client')
      return { ok: false as const, reason: 'client_role' as const };
    let next = current;
    const audit = (action: AuditAction, details: Record<string, unknown>) =>
      this.record(admin.organizationId, admin.userId, action, 'user', userId, meta, {
        email: current.user.email,
        ...details,
      });
    if (change.role !== undefined && change.role !== current.user.role) {
      next = { ...next, user: { ...next.user, role: change.role } };
      audit('user.role_changed', { from: current.user.role, to: change.role });
    }
    if (change.disabled === true && !current.disabledAt) {
      next = { ...next, disabledAt: meta.at };
      const sessionsEnded = this.auth.revokeUserSessions(userId, meta.at);
      audit('user.disabled', { sessionsEnded });
    }
    if (change.disabled === false && current.disabledAt) {
      next = { ...next, disabledAt: null };
      audit('user.enabled', {});
    }
    this.putUser(next);
    return { ok: true as const, user: this.summary(next) };
  }

  async readAudit(admin: UserIdentity, page: { before: number | null; limit: number }): Promise<AuditPage> {
    const rows = this.audit
      .filter(
        (a) => a.organizationId === admin.organizationId && (page.before === null || a.id < page.before),
      )
      .sort((a, b) => b.id - a.id);
    const entries = rows.slice(0, page.limit).map(({ organizationId: _, ...entry }) => ({
      ...entry,
      subject: entry.entity === 'user' && entry.entityId ? this.person(entry.entityId) : null,
      actor: entry.actor ? this.person(entry.actor.id) : null,
    }));
    const last = entries.at(-1);
    return { entries, next: rows.length > page.limit && last ? last.id : null };
  }

  private newUser(
    organizationId: string,
    u: {
      email: string;
      name: string;
      role: Role;
      customerId: string | null;
      locale: Language;
      passwordHash: string;
      at: Date;
    },
  ): SignedInUser {
    const user: SignedInUser = {
      id: randomUUID(),
      email: u.email,
      name: u.name,
      role: u.role,
      organizationId,
      customerId: u.customerId,
      locale: u.locale,
      timeZone: 'America/Sao_Paulo',
    };
    this.putUser({ user, passwordHash: u.passwordHash, disabled: false, createdAt: u.at, disabledAt: null });
    return user;
  }

  private putUser(u: MemoryUser): void {
    const stored = { ...u, disabled: u.disabledAt !== null };
    this.users.set(u.user.id, stored);
    this.auth.putLogin({ user: stored.user, passwordHash: stored.passwordHash, disabled: stored.disabled });
  }

  private userByEmail(email: string): MemoryUser | undefined {
    return [...this.users.values()].find((u) => u.user.email.toLowerCase() === email.toLowerCase());
  }

  private byToken(tokenHash: string): MemoryInvitation | undefined {
    return [...this.invitations.values()].find((i) => i.tokenHash === tokenHash);
  }

  private person(id: string) {
    const u = this.users.get(id);
    return u ? { id, name: u.user.name, email: u.user.email } : null;
  }

  private summary(u: MemoryUser): UserSummary {
    const lastActive = this.auth.lastActivity(u.user.id);
    return {
      id: u.user.id,
      name: u.user.name,
      email: u.user.email,
      role: u.user.role,
      customerId: u.user.customerId,
      customerName: u.user.customerId ? (this.customers.get(u.user.customerId)?.name ?? null) : null,
      disabled: u.disabledAt !== null,
      lastActiveAt: lastActive?.toISOString() ?? null,
      createdAt: u.createdAt.toISOString(),
    };
  }

  private invitationSummary(i: MemoryInvitation, now: Date): InvitationSummary {
    const inviter = i.invitedBy ? this.users.get(i.invitedBy) : undefined;
    return {
      id: i.id,
      email: i.email,
      role: i.role,
      customerId: i.customerId,
      customerName: i.customerId ? (this.customers.get(i.customerId)?.name ?? null) : null,
      locale: i.locale,
      invitedBy: inviter ? { id: inviter.user.id, name: inviter.user.name } : null,
      createdAt: i.createdAt.toISOString(),
      sentAt: i.sentAt.toISOString(),
      expiresAt: i.expiresAt.toISOString(),
      state: invitationState(i, now),
    };
  }

  private context(i: MemoryInvitation, now: Date): InvitationWithContext {
    return {
      invitation: this.invitationSummary(i, now),
      organizationName: this.organizations.get(i.organizationId) ?? '',
    };
  }

  private record(
    organizationId: string,
    actorId: string | null,
    action: AuditAction,
    entity: AuditEntity,
    entityId: string,
    meta: Meta,
    details: Record<string, unknown>,
  ): void {
    this.audit.push({
      id: this.audit.length + 1,
      organizationId,
      at: meta.at.toISOString(),
      action,
      entity,
      entityId,
      actor: actorId ? this.person(actorId) : null,
      subject: null,
      details,
      ip: meta.ip,
    });
  }
}

interface MemoryUser extends LoginRecord {
  readonly createdAt: Date;
  readonly disabledAt: Date | null;
}

interface MemoryInvitation {
  readonly id: string;
  readonly organizationId: string;
  readonly email: string;
  readonly role: Role;
  readonly customerId: string | null;
  readonly locale: Language;
  readonly tokenHash: string;
  readonly invitedBy: string | null;
  readonly createdAt: Date;
  readonly sentAt: Date;
  readonly expiresAt: Date;
  readonly acceptedAt: Date | null;
  readonly revokedAt: Date | null;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
