import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SignedInUser } from '../../shared/identity.ts';
import { createTestDatabase, createTestTenant, type TestDatabase } from '../db/testing.ts';
import { PgAccountStore } from './account-pg-store.ts';
import { accountStoreContract } from './account-store-contract.ts';
import { PgAuthStore } from './pg-store.ts';

// A syntactically valid argon2id hash; the contract never verifies passwords.
const passwordHash =
  '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());
beforeEach(() => t.truncateAll());

/** The test tenant's users (staff first), with a password, as SignedInUsers. */
async function tenantUsers(): Promise<SignedInUser[]> {
  const tenant = await createTestTenant(t.db);
  return t.db.privileged(async (c) => {
    await c.query('UPDATE users SET password_hash = $2 WHERE organization_id = $1', [
      tenant.organizationId,
      passwordHash,
    ]);
    const { rows } = await c.query<{
      id: string;
      email: string;
      name: string;
      role: SignedInUser['role'];
      organization_id: string;
      customer_id: string | null;
      locale: string;
      time_zone: string;
    }>(
      `SELECT * FROM users WHERE organization_id = $1
        ORDER BY CASE role WHEN 'admin' THEN 0 WHEN 'csm' THEN 1 ELSE 2 END, id`,
      [tenant.organizationId],
    );
    return rows.map((r) => ({
      id: r.id,
      email: r.email,
      name: r.name,
      role: r.role,
      organizationId: r.organization_id,
      customerId: r.customer_id,
      locale: r.locale,
      timeZone: r.time_zone,
    }));
  });
}

accountStoreContract('PostgreSQL', async () => ({
  accounts: new PgAccountStore(t.db),
  auth: new PgAuthStore(t.db),
  users: await tenantUsers(),
  disable: (user) =>
    t.db.privileged(async (c) => {
      await c.query('UPDATE users SET disabled_at = now() WHERE id = $1', [user.id]);
    }),
}));

describe('PgAccountStore: audit log and row-level security', () => {
  it('writes one audit row per account change, as the user, with no secret in it', async () => {
    const [user] = await tenantUsers();
    const accounts = new PgAccountStore(t.db);
    const auth = new PgAuthStore(t.db);
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
    await accounts.completePasswordReset({ tokenHash: 'b'.repeat(64), passwordHash, at, ip: '192.0.2.1' });
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
    const { rows } = await t.db.privileged((c) =>
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
    const other = await createTestTenant(t.db, { name: 'Outra Agência' });
    await new PgAccountStore(t.db).createPasswordReset({
      user: user!,
      tokenHash: 'c'.repeat(64),
      createdAt: new Date(),
      expiresAt: new Date(Date.now() + 60_000),
      ip: null,
    });
    const seen = await t.db.withIdentity(other.admin, (c) => c.query('SELECT id FROM password_resets'));
    expect(seen.rows).toEqual([]);
    const none = await t.db.query('SELECT id FROM password_resets');
    expect(none.rows).toEqual([]);
  });
});
