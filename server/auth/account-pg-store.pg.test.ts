import { describe, expect, it } from 'vitest';
import { createTestTenant } from '../db/testing.ts';
import { authPgTest, testPasswordHash } from './auth-pg-testing.ts';
import { PgAccountStore } from './account-pg-store.ts';
import { accountStoreContract } from './account-store-contract.ts';
import { PgAuthStore } from './pg-store.ts';

const { db, tenantUsers, disable } = authPgTest();

accountStoreContract('PostgreSQL', async () => ({
  accounts: new PgAccountStore(db()),
  auth: new PgAuthStore(db()),
  users: await tenantUsers(),
  disable,
}));

describe('PgAccountStore: audit log and row-level security', () => {
  it('writes one audit row per account change, as the user, with no secret in it', async () => {
    const [user] = await tenantUsers();
    const accounts = new PgAccountStore(db());
    const auth = new PgAuthStore(db());
    const at = new Date('2026-03-02T12:00:00.000Z');
    const keep = await auth.createSession({
      tokenHash: 'a'.repeat(64),
      user: user!,
      createdAt: at,
      expiresAt: new Date(at.getTime() + 86_400_000),
      userAgent: null,
      ip: null,
    });
    await accounts.createPasswordReset({
      user: user!,
      tokenHash: 'b'.repeat(64),
      createdAt: at,
      expiresAt: new Date(at.getTime() + 3_600_000),
      ip: '192.0.2.1',
    });
    await accounts.completePasswordReset({
      tokenHash: 'b'.repeat(64),
      passwordHash: testPasswordHash,
      at,
      ip: '192.0.2.1',
    });
    const passkey = await accounts.addPasskey(
      user!,
      {
        credentialId: 'Y3JlZA',
        publicKey: new Uint8Array([1]),
        counter: 0,
        transports: [],
        deviceType: 'singleDevice',
        backedUp: false,
        name: 'Notebook',
      },
      at,
    );
    await accounts.removePasskey(user!, passkey.id, at);
    await accounts.revokeOtherSessions(user!, keep.id, at);
    const { rows } = await db().privileged((c) =>
      c.query<{ action: string; actor_id: string; entity: string; details: Record<string, unknown> }>(
        `SELECT action, actor_id, entity, details FROM audit_log
          WHERE action <> 'auth.sign_in' ORDER BY id`,
      ),
    );
    expect(rows.map((r) => [r.action, r.entity, r.details])).toEqual([
      ['auth.password_reset_requested', 'password_reset', {}],
      ['auth.password_reset', 'password_reset', { sessionsEnded: 1 }],
      ['passkey.registered', 'passkey', { name: 'Notebook' }],
      ['passkey.removed', 'passkey', { name: 'Notebook' }],
      ['auth.other_sessions_ended', 'session', { sessionsEnded: 0 }],
    ]);
    expect(new Set(rows.map((r) => r.actor_id))).toEqual(new Set([user!.id]));
    expect(JSON.stringify(rows)).not.toContain('b'.repeat(64));
  });

  it('keeps reset links to their owner: another organization\u2019s admin sees none', async () => {
    const [user] = await tenantUsers();
    const other = await createTestTenant(db(), { name: 'Outra Agência' });
    await new PgAccountStore(db()).createPasswordReset({
      user: user!,
      tokenHash: 'c'.repeat(64),
      createdAt: new Date(),
      expiresAt: new Date(Date.now() + 60_000),
      ip: null,
    });
    const seen = await db().withIdentity(other.admin, (c) => c.query('SELECT id FROM password_resets'));
    expect(seen.rows).toEqual([]);
    const none = await db().query('SELECT id FROM password_resets');
    expect(none.rows).toEqual([]);
  });
});
