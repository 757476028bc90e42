import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { UserIdentity } from '../../shared/identity.ts';
import type { AuthStore } from '../auth/store.ts';
import type { AccountsStore } from './store.ts';

/**
 * The AccountsStore contract, run against every implementation (memory-store.test.ts, pg-store.pg.test.ts), so
 * the route tests over the in-memory store prove behaviour the PostgreSQL store really has.
 */
export interface AccountsFixture {
  readonly store: AccountsStore;
  /** The same users' sign-in side (logins, sessions). */
  readonly auth: AuthStore;
  /** An organization with an admin, a CSM and a client user of `customer`; another organization's admin. */
  readonly admin: UserIdentity;
  readonly csm: UserIdentity;
  readonly client: UserIdentity;
  readonly customer: { readonly id: string; readonly name: string };
  readonly otherAdmin: UserIdentity;
  readonly otherCustomerId: string;
}

const T0 = new Date('2026-03-02T12:00:00.000Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const meta = (seconds: number) => ({ at: at(seconds), ip: '203.0.113.7' });
const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const HASH = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g';
const WEEK = 7 * 86_400;

export function accountsStoreContract(
  name: string,
  fixtures: {
    populated: () => Promise<AccountsFixture>;
    empty: () => Promise<{ store: AccountsStore; auth: AuthStore }>;
  },
): void {
  describe(`AccountsStore contract: ${name}`, () => {
    it('first run: creates the one organization and its admin, once', async () => {
      const { store, auth } = await fixtures.empty();
      expect(await store.hasOrganization()).toBe(false);
      const admin = await store.createOrganization(
        {
          organizationName: 'Agência Nova',
          locale: 'en',
          admin: { email: 'dona@nova.example', name: 'Dona', passwordHash: HASH },
        },
        meta(0),
      );
      expect(admin).toMatchObject({
        email: 'dona@nova.example',
        name: 'Dona',
        role: 'admin',
        customerId: null,
        locale: 'en',
      });
      expect(await store.hasOrganization()).toBe(true);
      expect(await auth.findLoginByEmail('dona@nova.example')).toEqual({
        user: admin,
        passwordHash: HASH,
        disabled: false,
      });
      const again = await store.createOrganization(
        {
          organizationName: 'Outra',
          locale: 'pt-BR',
          admin: { email: 'x@y.example', name: 'X', passwordHash: HASH },
        },
        meta(1),
      );
      expect(again).toBeNull();
      expect(await auth.findLoginByEmail('x@y.example')).toBeNull();
      const identity = {
        role: 'admin',
        userId: admin!.id,
        organizationId: admin!.organizationId,
        customerId: null,
      } as const;
      const log = await store.readAudit(identity, { before: null, limit: 10 });
      expect(log.entries.map((e) => [e.action, e.actor?.id])).toEqual([['organization.created', admin!.id]]);
    });

    it('invites a client user of one customer; the invitation is listed, previewed by its token and refused twice', async () => {
      const f = await fixtures.populated();
      const created = await f.store.createInvitation(
        f.admin,
        {
          email: 'ana@fintech.example',
          role: 'client',
          customerId: f.customer.id,
          locale: 'pt-BR',
          tokenHash: sha('t1'),
          expiresAt: at(WEEK),
        },
        meta(0),
      );
      expect(created).toMatchObject({
        ok: true,
        invitation: {
          email: 'ana@fintech.example',
          role: 'client',
          customerId: f.customer.id,
          customerName: f.customer.name,
          state: 'pending',
          expiresAt: at(WEEK).toISOString(),
        },
      });
      if (!created.ok) throw new Error('expected ok');
      expect(created.organizationName).not.toBe('');
      expect(created.invitation.invitedBy?.id).toBe(f.admin.userId);
      const list = await f.store.listUsers(f.admin, at(1));
      expect(list.invitations.map((i) => i.email)).toEqual(['ana@fintech.example']);
      expect(await f.store.findInvitation(sha('t1'), at(1))).toEqual({
        organizationName: created.organizationName,
        email: 'ana@fintech.example',
        role: 'client',
        customerName: f.customer.name,
        locale: 'pt-BR',
        expiresAt: at(WEEK).toISOString(),
        state: 'pending',
      });
      expect(await f.store.findInvitation(sha('nope'), at(1))).toBeNull();
      const base = { role: 'csm' as const, customerId: null, locale: 'pt-BR' as const, expiresAt: at(WEEK) };
      expect(
        await f.store.createInvitation(
          f.admin,
          { ...base, email: 'ANA@fintech.example', tokenHash: sha('t2') },
          meta(2),
        ),
      ).toEqual({ ok: false, reason: 'already_invited' });
      const csmLogin = await f.auth.findLoginByEmail(
        (await f.store.listUsers(f.admin, at(2))).users.find((u) => u.id === f.csm.userId)!.email,
      );
      expect(
        await f.store.createInvitation(
          f.admin,
          { ...base, email: csmLogin!.user.email, tokenHash: sha('t3') },
          meta(2),
        ),
      ).toEqual({ ok: false, reason: 'user_exists' });
      expect(
        await f.store.createInvitation(
          f.admin,
          {
            ...base,
            role: 'client',
            customerId: f.otherCustomerId,
            email: 'z@z.example',
            tokenHash: sha('t4'),
          },
          meta(2),
        ),
      ).toEqual({ ok: false, reason: 'unknown_customer' });
    });

    it('accepting creates the user once, with the invitation’s role and customer; the link is then used', async () => {
      const f = await fixtures.populated();
      await f.store.createInvitation(
        f.admin,
        {
          email: 'ana@fintech.example',
          role: 'client',
          customerId: f.customer.id,
          locale: 'en',
          tokenHash: sha('t1'),
          expiresAt: at(WEEK),
        },
        meta(0),
      );
      const accepted = await f.store.acceptInvitation(
        sha('t1'),
        { name: 'Ana Lima', passwordHash: HASH },
        meta(60),
      );
      if (!accepted.ok) throw new Error(`expected ok, got ${accepted.reason}`);
      expect(accepted.user).toMatchObject({
        email: 'ana@fintech.example',
        name: 'Ana Lima',
        role: 'client',
        customerId: f.customer.id,
        organizationId: f.admin.organizationId,
        locale: 'en',
      });
      expect((await f.auth.findLoginByEmail('ana@fintech.example'))?.passwordHash).toBe(HASH);
      expect(
        await f.store.acceptInvitation(sha('t1'), { name: 'Ana', passwordHash: HASH }, meta(61)),
      ).toEqual({ ok: false, reason: 'used' });
      expect((await f.store.findInvitation(sha('t1'), at(62)))?.state).toBe('accepted');
      const list = await f.store.listUsers(f.admin, at(62));
      expect(list.invitations).toEqual([]);
      expect(list.users.find((u) => u.email === 'ana@fintech.example')).toMatchObject({
        name: 'Ana Lima',
        role: 'client',
        customerName: f.customer.name,
        disabled: false,
        lastActiveAt: null,
      });
      const log = await f.store.readAudit(f.admin, { before: null, limit: 10 });
      expect(log.entries.map((e) => e.action)).toEqual(['invitation.accepted', 'invitation.created']);
      expect(log.entries[0]!.actor?.id).toBe(accepted.user.id);
    });

    it('an expired link cannot be accepted; a resend gives a new link and kills the old one; a revoked link is dead', async () => {
      const f = await fixtures.populated();
      const created = await f.store.createInvitation(
        f.admin,
        {
          email: 'rui@arco.example',
          role: 'csm',
          customerId: null,
          locale: 'pt-BR',
          tokenHash: sha('old'),
          expiresAt: at(WEEK),
        },
        meta(0),
      );
      if (!created.ok) throw new Error('expected ok');
      const id = created.invitation.id;
      expect(
        await f.store.acceptInvitation(sha('old'), { name: 'Rui', passwordHash: HASH }, meta(WEEK)),
      ).toEqual({ ok: false, reason: 'expired' });
      expect((await f.store.listUsers(f.admin, at(WEEK))).invitations[0]?.state).toBe('expired');
      const renewed = await f.store.renewInvitation(
        f.admin,
        id,
        { tokenHash: sha('new'), expiresAt: at(2 * WEEK) },
        meta(WEEK + 1),
      );
      expect(renewed?.invitation).toMatchObject({
        id,
        state: 'pending',
        sentAt: at(WEEK + 1).toISOString(),
        expiresAt: at(2 * WEEK).toISOString(),
      });
      expect(await f.store.findInvitation(sha('old'), at(WEEK + 2))).toBeNull();
      expect(
        await f.store.renewInvitation(
          f.otherAdmin,
          id,
          { tokenHash: sha('x'), expiresAt: at(2 * WEEK) },
          meta(WEEK + 2),
        ),
      ).toBeNull();
      expect(await f.store.revokeInvitation(f.otherAdmin, id, meta(WEEK + 2))).toBe(false);
      expect(await f.store.revokeInvitation(f.admin, id, meta(WEEK + 3))).toBe(true);
      expect(await f.store.revokeInvitation(f.admin, id, meta(WEEK + 4))).toBe(false);
      expect(
        await f.store.acceptInvitation(sha('new'), { name: 'Rui', passwordHash: HASH }, meta(WEEK + 5)),
      ).toEqual({ ok: false, reason: 'revoked' });
      expect(
        await f.store.renewInvitation(
          f.admin,
          id,
          { tokenHash: sha('n2'), expiresAt: at(3 * WEEK) },
          meta(WEEK + 6),
        ),
      ).toBeNull();
      expect((await f.store.listUsers(f.admin, at(WEEK + 6))).invitations).toEqual([]);
      const actions = (await f.store.readAudit(f.admin, { before: null, limit: 10 })).entries.map(
        (e) => e.action,
      );
      expect(actions).toEqual(['invitation.revoked', 'invitation.resent', 'invitation.created']);
    });

    it('changes a staff role, never a client’s or one’s own; disabling ends the user’s sessions; other organizations are not found', async () => {
      const f = await fixtures.populated();
      const changed = await f.store.updateUser(f.admin, f.csm.userId, { role: 'admin' }, meta(0));
      expect(changed).toMatchObject({ ok: true, user: { id: f.csm.userId, role: 'admin', disabled: false } });
      expect(await f.store.updateUser(f.admin, f.client.userId, { role: 'admin' }, meta(1))).toEqual({
        ok: false,
        reason: 'client_role',
      });
      expect(await f.store.updateUser(f.admin, f.admin.userId, { disabled: true }, meta(1))).toEqual({
        ok: false,
        reason: 'self',
      });
      expect(await f.store.updateUser(f.otherAdmin, f.client.userId, { disabled: true }, meta(1))).toEqual({
        ok: false,
        reason: 'not_found',
      });

      const login = (await f.auth.findLoginByEmail(
        (await f.store.listUsers(f.admin, at(1))).users.find((u) => u.id === f.client.userId)!.email,
      ))!;
      const session = await f.auth.createSession({
        tokenHash: sha('s1'),
        user: login.user,
        createdAt: at(2),
        expiresAt: at(86_400),
        userAgent: null,
        ip: null,
      });
      await f.auth.touchSession({ id: session.id, user: login.user }, at(30));
      expect(
        (await f.store.listUsers(f.admin, at(31))).users.find((u) => u.id === f.client.userId)?.lastActiveAt,
      ).toBe(at(30).toISOString());

      const disabled = await f.store.updateUser(f.admin, f.client.userId, { disabled: true }, meta(40));
      expect(disabled).toMatchObject({ ok: true, user: { disabled: true } });
      const found = await f.auth.findSession(sha('s1'));
      expect(found?.session.revokedAt).toEqual(at(40));
      expect(found?.userDisabled).toBe(true);
      expect((await f.auth.findLoginByEmail(login.user.email))?.disabled).toBe(true);
      expect(await f.store.updateUser(f.admin, f.client.userId, { disabled: false }, meta(50))).toMatchObject(
        { ok: true, user: { disabled: false } },
      );

      const log = await f.store.readAudit(f.admin, { before: null, limit: 2 });
      expect(log.entries.map((e) => [e.action, e.subject?.id, e.details])).toEqual([
        ['user.enabled', f.client.userId, { email: login.user.email }],
        ['user.disabled', f.client.userId, { email: login.user.email, sessionsEnded: 1 }],
      ]);
      // Older rows: the role change (and, where the store audits sessions, the client's sign-in).
      const older = await f.store.readAudit(f.admin, { before: log.next, limit: 10 });
      expect(
        older.entries.filter((e) => e.entity === 'user').map((e) => [e.action, e.details.from, e.details.to]),
      ).toEqual([['user.role_changed', 'csm', 'admin']]);
      expect(older.next).toBeNull();
      expect((await f.store.readAudit(f.otherAdmin, { before: null, limit: 10 })).entries).toEqual([]);
    });
  });
}
