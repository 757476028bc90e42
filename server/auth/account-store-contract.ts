import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { SignedInUser } from '../../shared/identity.ts';
import { DuplicateCredentialError, type AccountStore } from './account-store.ts';
import type { AuthStore } from './store.ts';

/**
 * The AccountStore contract, run against every implementation (account-memory-store.test.ts,
 * account-pg-store.pg.test.ts), so the route tests over the memory store prove behaviour PostgreSQL has.
 */
export interface AccountStoreFixture {
  readonly accounts: AccountStore;
  /** The AuthStore over the same users and sessions. */
  readonly auth: AuthStore;
  /** At least two users of one organization (staff first), with a password, none disabled. */
  readonly users: readonly SignedInUser[];
  disable(user: SignedInUser): Promise<void>;
}

const T0 = new Date('2026-03-02T12:00:00.000Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const HASH_A = '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$bmV3LWhhc2gtYQ';

export function accountStoreContract(name: string, fixture: () => Promise<AccountStoreFixture>): void {
  describe(`AccountStore contract: ${name}`, () => {
    const session = (f: AccountStoreFixture, user: SignedInUser, token: string, seconds = 0) =>
      f.auth.createSession({
        tokenHash: sha(token),
        user,
        createdAt: at(seconds),
        expiresAt: at(seconds + 86_400),
        userAgent: `agent ${token}`,
        ip: '192.0.2.1',
      });

    it('counts rate events per bucket and key after a time, and prunes old ones', async () => {
      const { accounts } = await fixture();
      await accounts.recordRateEvent({ bucket: 'reset_email', key: 'a@x.example', at: at(1) });
      await accounts.recordRateEvent({ bucket: 'reset_email', key: 'a@x.example', at: at(3) });
      await accounts.recordRateEvent({ bucket: 'reset_ip', key: 'a@x.example', at: at(2) });
      await accounts.recordRateEvent({ bucket: 'reset_email', key: 'b@x.example', at: at(2) });
      expect(await accounts.rateEventsSince('reset_email', 'a@x.example', at(0))).toEqual([at(1), at(3)]);
      expect(await accounts.rateEventsSince('reset_email', 'a@x.example', at(1))).toEqual([at(3)]);
      expect(await accounts.pruneAccountRecords(at(2))).toBe(1);
      expect(await accounts.rateEventsSince('reset_email', 'a@x.example', at(0))).toEqual([at(3)]);
    });

    it('completes a reset once: password set, every session ended, every open link spent', async () => {
      const f = await fixture();
      const [user, other] = f.users as [SignedInUser, SignedInUser];
      const s1 = await session(f, user, 'r-1');
      const s2 = await session(f, user, 'r-2');
      const theirs = await session(f, other, 'r-3');
      const reset = (token: string, seconds: number) =>
        f.accounts.createPasswordReset({
          user,
          tokenHash: sha(token),
          createdAt: at(seconds),
          expiresAt: at(seconds + 3600),
          ip: '192.0.2.1',
        });
      await reset('link-1', 0);
      await reset('link-2', 10);
      expect(await f.accounts.findPasswordReset(sha('link-1'), at(20))).toEqual({
        user,
        expiresAt: at(3600),
      });
      expect(await f.accounts.findPasswordReset(sha('nope'), at(20))).toBeNull();

      const done = await f.accounts.completePasswordReset({
        tokenHash: sha('link-2'),
        passwordHash: HASH_A,
        at: at(30),
        ip: null,
      });
      expect(done?.user).toEqual(user);
      expect(done?.ended.map((s) => s.id).sort()).toEqual([s1.id, s2.id].sort());
      expect((await f.auth.findLoginByEmail(user.email))?.passwordHash).toBe(HASH_A);
      expect((await f.auth.findSession(sha('r-1')))?.session.revokedAt).toEqual(at(30));
      expect((await f.auth.findSession(sha('r-3')))?.session.revokedAt).toBeNull();
      expect(theirs.userId).toBe(other.id);

      for (const token of ['link-1', 'link-2']) {
        expect(await f.accounts.findPasswordReset(sha(token), at(31))).toBeNull();
        expect(
          await f.accounts.completePasswordReset({
            tokenHash: sha(token),
            passwordHash: HASH_A,
            at: at(31),
            ip: null,
          }),
        ).toBeNull();
      }
    });

    it('never accepts an expired link or a disabled user\u2019s link', async () => {
      const f = await fixture();
      const [user, other] = f.users as [SignedInUser, SignedInUser];
      for (const [u, token] of [
        [user, 'exp'],
        [other, 'dis'],
      ] as const)
        await f.accounts.createPasswordReset({
          user: u,
          tokenHash: sha(token),
          createdAt: at(0),
          expiresAt: at(60),
          ip: null,
        });
      expect(await f.accounts.findPasswordReset(sha('exp'), at(59))).not.toBeNull();
      expect(await f.accounts.findPasswordReset(sha('exp'), at(60))).toBeNull();
      const late = { tokenHash: sha('exp'), passwordHash: HASH_A, at: at(60), ip: null };
      expect(await f.accounts.completePasswordReset(late)).toBeNull();
      await f.disable(other);
      expect(await f.accounts.findPasswordReset(sha('dis'), at(1))).toBeNull();
      const disabled = { tokenHash: sha('dis'), passwordHash: HASH_A, at: at(1), ip: null };
      expect(await f.accounts.completePasswordReset(disabled)).toBeNull();
    });

    it('consumes a challenge once, for its purpose, before it expires', async () => {
      const { accounts, users } = await fixture();
      const save = (hash: string, purpose: 'registration' | 'authentication', userId: string | null) =>
        accounts.saveChallenge({
          challengeHash: hash,
          purpose,
          userId,
          createdAt: at(0),
          expiresAt: at(300),
        });
      await save(sha('c1'), 'authentication', null);
      await save(sha('c2'), 'registration', users[0]!.id);
      await save(sha('c3'), 'authentication', null);
      expect(await accounts.consumeChallenge(sha('c1'), 'registration', at(1))).toBeNull();
      expect(await accounts.consumeChallenge(sha('c1'), 'authentication', at(1))).toEqual({ userId: null });
      expect(await accounts.consumeChallenge(sha('c1'), 'authentication', at(2))).toBeNull();
      expect(await accounts.consumeChallenge(sha('c2'), 'registration', at(1))).toEqual({
        userId: users[0]!.id,
      });
      expect(await accounts.consumeChallenge(sha('c3'), 'authentication', at(300))).toBeNull();
      expect(await accounts.consumeChallenge(sha('c3'), 'authentication', at(1))).toBeNull(); // gone
    });

    it('keeps passkeys per user: add, list, find for sign-in, counter forward only, remove', async () => {
      const f = await fixture();
      const [user, other] = f.users as [SignedInUser, SignedInUser];
      const key = {
        credentialId: 'Y3JlZC0x',
        publicKey: new Uint8Array([1, 2, 3]),
        counter: 0,
        transports: ['internal', 'hybrid'],
        deviceType: 'multiDevice',
        backedUp: true,
        name: 'Celular',
      };
      const added = await f.accounts.addPasskey(user, key, at(5));
      expect(added).toEqual({
        id: expect.any(String),
        name: 'Celular',
        createdAt: at(5),
        lastUsedAt: null,
        backedUp: true,
      });
      await expect(f.accounts.addPasskey(other, { ...key, name: 'X' }, at(6))).rejects.toBeInstanceOf(
        DuplicateCredentialError,
      );
      expect(await f.accounts.listPasskeys(user)).toEqual([added]);
      expect(await f.accounts.listPasskeys(other)).toEqual([]);

      const found = await f.accounts.findPasskeyLogin('Y3JlZC0x');
      expect(found).toEqual({
        id: added.id,
        credentialId: 'Y3JlZC0x',
        publicKey: new Uint8Array([1, 2, 3]),
        counter: 0,
        transports: ['internal', 'hybrid'],
        user,
        userDisabled: false,
      });
      expect(await f.accounts.findPasskeyLogin('unknown')).toBeNull();

      const ref = { id: added.id, user };
      expect(await f.accounts.usePasskey(ref, 0, at(10))).toBe(true); // counterless authenticator
      expect(await f.accounts.usePasskey(ref, 4, at(11))).toBe(true);
      expect(await f.accounts.usePasskey(ref, 4, at(12))).toBe(false);
      expect(await f.accounts.usePasskey(ref, 2, at(13))).toBe(false);
      expect(await f.accounts.usePasskey(ref, 0, at(13))).toBe(false);
      expect((await f.accounts.findPasskeyLogin('Y3JlZC0x'))?.counter).toBe(4);
      expect((await f.accounts.listPasskeys(user))[0]?.lastUsedAt).toEqual(at(11));

      expect(await f.accounts.removePasskey(other, added.id, at(20))).toBe(false);
      expect(await f.accounts.removePasskey(user, added.id, at(20))).toBe(true);
      expect(await f.accounts.removePasskey(user, added.id, at(21))).toBe(false);
      expect(await f.accounts.findPasskeyLogin('Y3JlZC0x')).toBeNull();
      await f.disable(user);
    });

    it('lists a user\u2019s live sessions and ends one or all others, never someone else\u2019s', async () => {
      const f = await fixture();
      const [user, other] = f.users as [SignedInUser, SignedInUser];
      const a = await session(f, user, 's-a', 0);
      const b = await session(f, user, 's-b', 10);
      const c = await session(f, user, 's-c', 20);
      const theirs = await session(f, other, 's-o', 0);
      await f.auth.revokeSession({ id: c.id, user }, at(25), 'sign_out');
      const listed = await f.accounts.listSessions(user, at(30));
      expect(listed).toEqual([
        { id: b.id, createdAt: at(10), lastSeenAt: at(10), userAgent: 'agent s-b' },
        { id: a.id, createdAt: at(0), lastSeenAt: at(0), userAgent: 'agent s-a' },
      ]);
      expect(await f.accounts.listSessions(user, at(86_400 + 5))).toEqual([
        { id: b.id, createdAt: at(10), lastSeenAt: at(10), userAgent: 'agent s-b' },
      ]);

      expect(await f.accounts.revokeOwnSession(other, a.id, at(40))).toBe(false);
      expect(await f.accounts.revokeOwnSession(user, theirs.id, at(40))).toBe(false);
      expect(await f.accounts.revokeOwnSession(user, a.id, at(40))).toBe(true);
      expect(await f.accounts.revokeOwnSession(user, a.id, at(41))).toBe(false);

      const d = await session(f, user, 's-d', 50);
      const ended = await f.accounts.revokeOtherSessions(user, d.id, at(60));
      expect(ended.map((s) => s.id)).toEqual([b.id]);
      expect((await f.accounts.listSessions(user, at(61))).map((s) => s.id)).toEqual([d.id]);
      expect((await f.auth.findSession(sha('s-o')))?.session.revokedAt).toBeNull();
    });
  });
}
