import { describe, expect, it } from 'vitest';
import { createTestTenant } from '../db/testing.ts';
import { authPgTest, testPasswordHash } from './auth-pg-testing.ts';
import { PgAuthStore } from './pg-store.ts';
import { authStoreContract } from './store-contract.ts';

const { db, tenantUsers, disable } = authPgTest();

authStoreContract('PostgreSQL', async () => {
  const users = await tenantUsers();
  return {
    store: new PgAuthStore(db()),
    users,
    passwordHash: testPasswordHash,
    disable,
  };
});

describe('PgAuthStore and row-level security', () => {
  it('writes sessions as their own user: another organization cannot see them', async () => {
    const [user] = await tenantUsers();
    const other = await createTestTenant(db(), { name: 'Outra Agência' });
    const store = new PgAuthStore(db());
    await store.createSession({
      tokenHash: 'a'.repeat(64),
      user: user!,
      createdAt: new Date(),
      expiresAt: new Date(Date.now() + 60_000),
      userAgent: null,
      ip: null,
    });
    const visible = await db().withIdentity(other.admin, (c) => c.query('SELECT id FROM sessions'));
    expect(visible.rows).toEqual([]);
    const own = await db().withIdentity(
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
    await new PgAuthStore(db()).createSession({
      tokenHash: 'b'.repeat(64),
      user: user!,
      createdAt: at,
      expiresAt: new Date(at.getTime() + 60_000),
      userAgent: 'test',
      ip: '192.0.2.1',
    });
    const { rows } = await db().privileged((c) =>
      c.query<{ last_login_at: string }>('SELECT last_login_at FROM users WHERE id = $1', [user!.id]),
    );
    expect(rows[0]?.last_login_at).toBe(at.toISOString());
  });

  it('writes sign-in and the end of a session to the audit log, once', async () => {
    const [user] = await tenantUsers();
    const store = new PgAuthStore(db());
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
    const { rows } = await db().privileged((c) =>
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
