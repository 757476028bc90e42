import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, createTestTenant, type TestDatabase } from '../db/testing.ts';
import { PgAuthStore } from './pg-store.ts';
import { authStoreContract } from './store-contract.ts';
import type { SignedInUser } from '../../shared/identity.ts';

// A syntactically valid argon2id hash; the contract never verifies passwords.
const passwordHash =
  '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());
beforeEach(() => t.truncateAll());

/** The test tenant's users, with a password, as SignedInUsers (read as the owner: the test's own view). */
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
    }>('SELECT * FROM users WHERE organization_id = $1 ORDER BY role, id', [tenant.organizationId]);
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

authStoreContract('PostgreSQL', async () => {
  const users = await tenantUsers();
  return {
    store: new PgAuthStore(t.db),
    users,
    passwordHash,
    disable: (user) =>
      t.db.privileged(async (c) => {
        await c.query('UPDATE users SET disabled_at = now() WHERE id = $1', [user.id]);
      }),
  };
});

describe('PgAuthStore and row-level security', () => {
  it('writes sessions as their own user: another organization cannot see them', async () => {
    const [user] = await tenantUsers();
    const other = await createTestTenant(t.db, { name: 'Outra Agência' });
    const store = new PgAuthStore(t.db);
    await store.createSession({
      tokenHash: 'a'.repeat(64),
      user: user!,
      createdAt: new Date(),
      expiresAt: new Date(Date.now() + 60_000),
      userAgent: null,
      ip: null,
    });
    const visible = await t.db.withIdentity(other.admin, (c) => c.query('SELECT id FROM sessions'));
    expect(visible.rows).toEqual([]);
    const own = await t.db.withIdentity(
      {
        role: user!.role as 'admin',
        organizationId: user!.organizationId,
        userId: user!.id,
        customerId: null,
      },
      (c) => c.query('SELECT token_hash FROM sessions'),
    );
    expect(own.rows).toEqual([{ token_hash: 'a'.repeat(64) }]);
  });

  it('records the sign-in time on the user', async () => {
    const [user] = await tenantUsers();
    const at = new Date('2026-03-02T12:00:00.000Z');
    await new PgAuthStore(t.db).createSession({
      tokenHash: 'b'.repeat(64),
      user: user!,
      createdAt: at,
      expiresAt: new Date(at.getTime() + 60_000),
      userAgent: 'test',
      ip: '192.0.2.1',
    });
    const { rows } = await t.db.privileged((c) =>
      c.query<{ last_login_at: string }>('SELECT last_login_at FROM users WHERE id = $1', [user!.id]),
    );
    expect(rows[0]?.last_login_at).toBe(at.toISOString());
  });

  it('writes sign-in and the end of a session to the audit log, once', async () => {
    const [user] = await tenantUsers();
    const store = new PgAuthStore(t.db);
    const at = new Date('2026-03-02T12:00:00.000Z');
    const session = await store.createSession({
      tokenHash: 'c'.repeat(64),
      user: user!,
      createdAt: at,
      expiresAt: new Date(at.getTime() + 60_000),
      userAgent: 'Mozilla/5.0 (test)',
      ip: '192.0.2.1',
    });
    await store.revokeSession({ id: session.id, user: user! }, new Date(at.getTime() + 1000), 'sign_out');
    await store.revokeSession({ id: session.id, user: user! }, new Date(at.getTime() + 2000), 'replaced');
    const { rows } = await t.db.privileged((c) =>
      c.query<{ action: string; actor_id: string; entity_id: string; ip: string | null; details: unknown }>(
        'SELECT action, actor_id, entity_id, ip, details FROM audit_log ORDER BY id',
      ),
    );
    expect(rows).toEqual([
      {
        action: 'auth.sign_in',
        actor_id: user!.id,
        entity_id: session.id,
        ip: '192.0.2.1',
        details: { userAgent: 'Mozilla/5.0 (test)' },
      },
      {
        action: 'auth.sign_out',
        actor_id: user!.id,
        entity_id: session.id,
        ip: null,
        details: { reason: 'sign_out' },
      },
    ]);
  });
});
