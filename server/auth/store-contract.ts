import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AuthStore } from './store.ts';
import type { SignedInUser } from '../../shared/identity.ts';

/**
 * The AuthStore contract, run against every implementation (memory-store.test.ts, pg-store.pg.test.ts), so
 * the fast route tests over the in-memory store prove behaviour the PostgreSQL store really has.
 */
export interface StoreFixture {
  readonly store: AuthStore;
  /** At least: a staff user and a client user, all with `passwordHash`, none disabled. */
  readonly users: readonly SignedInUser[];
  readonly passwordHash: string;
  disable(user: SignedInUser): Promise<void>;
}

const T0 = new Date('2026-03-02T12:00:00.000Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

export function authStoreContract(name: string, fixture: () => Promise<StoreFixture>): void {
  describe(`AuthStore contract: ${name}`, () => {
    it('finds a login by email case-insensitively, with the profile, hash and state', async () => {
      const { store, users, passwordHash } = await fixture();
      const staff = users.find((u) => u.role !== 'client')!;
      const found = await store.findLoginByEmail(staff.email.toUpperCase());
      expect(found).toEqual({ user: staff, passwordHash, disabled: false });
      expect(await store.findLoginByEmail('nobody@nowhere.example')).toBeNull();
    });

    it('returns client users with their customer', async () => {
      const { store, users } = await fixture();
      const client = users.find((u) => u.role === 'client')!;
      expect((await store.findLoginByEmail(client.email))?.user.customerId).toBe(client.customerId);
    });

    it('reports a disabled user as disabled', async () => {
      const { store, users, disable } = await fixture();
      await disable(users[0]!);
      expect((await store.findLoginByEmail(users[0]!.email))?.disabled).toBe(true);
    });

    it('replaces a password hash', async () => {
      const { store, users } = await fixture();
      await store.updatePasswordHash(users[0]!, '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$aGFzaA');
      expect((await store.findLoginByEmail(users[0]!.email))?.passwordHash).toBe(
        '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$aGFzaA',
      );
    });

    it('creates a session and finds it by token hash, with its user', async () => {
      const { store, users } = await fixture();
      const user = users.find((u) => u.role === 'client')!;
      const created = await store.createSession({
        tokenHash: sha('token-1'),
        user,
        createdAt: at(0),
        expiresAt: at(86_400),
        userAgent: 'Mozilla/5.0 (test)',
        ip: '203.0.113.10',
      });
      expect(created).toMatchObject({
        userId: user.id,
        createdAt: at(0),
        lastSeenAt: at(0),
        expiresAt: at(86_400),
      });
      expect(created.revokedAt).toBeNull();
      expect(await store.findSession(sha('token-1'))).toEqual({
        session: created,
        user,
        userDisabled: false,
      });
      expect(await store.findSession(sha('token-2'))).toBeNull();
    });

    it('touches (never backwards) and revokes (idempotently) a session', async () => {
      const { store, users, disable } = await fixture();
      const user = users[0]!;
      const s = await store.createSession({
        tokenHash: sha('token-3'),
        user,
        createdAt: at(0),
        expiresAt: at(1000),
        userAgent: null,
        ip: null,
      });
      await store.touchSession({ id: s.id, user }, at(60));
      await store.touchSession({ id: s.id, user }, at(30));
      expect((await store.findSession(sha('token-3')))?.session.lastSeenAt).toEqual(at(60));
      await store.revokeSession({ id: s.id, user }, at(90), 'sign_out');
      await store.revokeSession({ id: s.id, user }, at(120), 'replaced');
      expect((await store.findSession(sha('token-3')))?.session.revokedAt).toEqual(at(90));
      await disable(user);
      expect((await store.findSession(sha('token-3')))?.userDisabled).toBe(true);
    });

    it('counts failed attempts by filter, window and last success', async () => {
      const { store } = await fixture();
      const attempt = (seconds: number, succeeded: boolean, accountKey = 'a@x.example', ip = '192.0.2.1') =>
        store.recordLoginAttempt({
          accountKey,
          ip,
          deviceKey: null,
          userId: null,
          succeeded,
          at: at(seconds),
        });
      await attempt(1, false);
      await attempt(2, false);
      await attempt(3, true);
      await attempt(4, false);
      await attempt(5, false);
      await attempt(6, false, 'b@x.example');
      await attempt(7, false, 'a@x.example', '192.0.2.2');

      const nth = (n: number, filter: object, resetOnSuccess: boolean, since = at(0)) =>
        store.nthRecentFailure({ filter, since, n, resetOnSuccess });
      const pair = { accountKey: 'a@x.example', ip: '192.0.2.1' };
      expect(await nth(1, pair, true)).toEqual(at(5));
      expect(await nth(2, pair, true)).toEqual(at(4));
      expect(await nth(3, pair, true)).toBeNull(); // the success at 3 s reset the pair
      expect(await nth(4, pair, false)).toEqual(at(1));
      expect(await nth(4, pair, false, at(1))).toBeNull(); // `since` is exclusive
      expect(await nth(5, { accountKey: 'a@x.example' }, false)).toEqual(at(1));
      expect(await nth(6, { ip: '192.0.2.1' }, false)).toBeNull();
      expect(await nth(5, { ip: '192.0.2.1' }, false)).toEqual(at(1));

      expect(await store.hasSucceeded(pair, at(0))).toBe(true);
      expect(await store.hasSucceeded(pair, at(3))).toBe(false);
      expect(await store.hasSucceeded({ accountKey: 'b@x.example' }, at(0))).toBe(false);

      expect(await store.pruneLoginAttempts(at(4))).toBe(3);
      expect(await nth(4, { accountKey: 'a@x.example' }, false)).toBeNull();
      expect(await nth(3, { accountKey: 'a@x.example' }, false)).toEqual(at(4));
    });

    it('prunes expired, revoked and idle sessions and keeps live ones', async () => {
      const { store, users } = await fixture();
      const user = users[0]!;
      const open = async (token: string, expiresAt: Date) =>
        store.createSession({
          tokenHash: sha(token),
          user,
          createdAt: at(0),
          expiresAt,
          userAgent: null,
          ip: null,
        });
      await open('prune-expired', at(100));
      const revoked = await open('prune-revoked', at(10_000));
      await store.revokeSession({ id: revoked.id, user }, at(50), 'sign_out');
      await open('prune-idle', at(10_000)); // last seen at 0
      const live = await open('prune-live', at(10_000));
      await store.touchSession({ id: live.id, user }, at(900));

      const removed = await store.pruneSessions({ deadBefore: at(1000), idleBefore: at(500) });
      expect(removed).toBeGreaterThanOrEqual(3);
      for (const token of ['prune-expired', 'prune-revoked', 'prune-idle']) {
        expect(await store.findSession(sha(token)), token).toBeNull();
      }
      expect((await store.findSession(sha('prune-live')))?.session.id).toBe(live.id);
    });

    it('keys attempts by device', async () => {
      const { store } = await fixture();
      const device = sha('device-1');
      const base = { accountKey: 'a@x.example', ip: '192.0.2.1', userId: null };
      await store.recordLoginAttempt({ ...base, deviceKey: device, succeeded: true, at: at(1) });
      await store.recordLoginAttempt({ ...base, deviceKey: device, succeeded: false, at: at(2) });
      await store.recordLoginAttempt({ ...base, deviceKey: null, succeeded: false, at: at(3) });
      expect(await store.hasSucceeded({ accountKey: 'a@x.example', deviceKey: device }, at(0))).toBe(true);
      expect(await store.hasSucceeded({ accountKey: 'a@x.example', deviceKey: sha('other') }, at(0))).toBe(
        false,
      );
      const byDevice = { accountKey: 'a@x.example', deviceKey: device };
      expect(
        await store.nthRecentFailure({ filter: byDevice, since: at(0), n: 1, resetOnSuccess: true }),
      ).toEqual(at(2));
      expect(
        await store.nthRecentFailure({ filter: byDevice, since: at(0), n: 2, resetOnSuccess: false }),
      ).toBeNull();
    });

    it('settles an attempt recorded before verification', async () => {
      const { store } = await fixture();
      const key = { accountKey: 'a@x.example', ip: '192.0.2.1' };
      const id = await store.recordLoginAttempt({
        ...key,
        deviceKey: null,
        userId: null,
        succeeded: false,
        at: at(1),
      });
      const query = { filter: key, since: at(0), n: 1, resetOnSuccess: false };
      expect(await store.nthRecentFailure(query)).toEqual(at(1));
      await store.settleLoginAttempt(id, { succeeded: true, userId: null, deviceKey: sha('new-device') });
      expect(await store.nthRecentFailure(query)).toBeNull();
      expect(await store.hasSucceeded({ ...key, deviceKey: sha('new-device') }, at(0))).toBe(true);
    });

    it('runs attempt-lock holders that share a key one after the other, each seeing the previous record', async () => {
      const { store } = await fixture();
      const seen: number[] = [];
      // Each holder counts, waits (as a password check would), then records: without mutual exclusion every
      // holder would count 0.
      const holder = (ip: string) =>
        store.withAttemptLock(['account:a@x.example', `address:${ip}`], async (log) => {
          const filter = { accountKey: 'a@x.example' };
          let count = 0;
          while (await log.nthRecentFailure({ filter, since: at(0), n: count + 1, resetOnSuccess: false }))
            count += 1;
          seen.push(count);
          await new Promise((resolve) => setTimeout(resolve, 5));
          await log.recordLoginAttempt({
            accountKey: 'a@x.example',
            ip,
            deviceKey: null,
            userId: null,
            succeeded: false,
            at: at(1),
          });
        });
      await Promise.all(Array.from({ length: 6 }, (_, i) => holder(`192.0.2.${i + 1}`)));
      expect(seen).toEqual([0, 1, 2, 3, 4, 5]);
    });
  });
}
