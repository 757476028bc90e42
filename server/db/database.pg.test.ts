import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DbError } from './errors.ts';
import { createTestDatabase, createTestTenant, type TestDatabase, type TestTenant } from './testing.ts';

let t: TestDatabase;
let tenant: TestTenant;

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.close());
beforeEach(async () => {
  await t.truncateAll();
  tenant = await createTestTenant(t.db);
});

describe('Database', () => {
  it('runs app transactions as arco_app and privileged ones as the owner', async () => {
    const app = await t.db.query<{ u: string }>('SELECT current_user AS u');
    expect(app.rows[0]?.u).toBe('arco_app');
    const inIdentity = await t.db.withIdentity(tenant.admin, (c) =>
      c.query<{ u: string }>('SELECT current_user AS u'),
    );
    expect(inIdentity.rows[0]?.u).toBe('arco_app');
    const owner = await t.db.privileged((c) => c.query<{ u: string }>('SELECT current_user AS u'));
    expect(owner.rows[0]?.u).not.toBe('arco_app');
  });

  it('sets the identity for the transaction only', async () => {
    const inside = await t.db.withIdentity(tenant.client, (c) =>
      c.query<{ org: string; role: string; customer: string; user: string }>(
        `SELECT arco_org() AS org, arco_role() AS role, arco_customer() AS customer, arco_user() AS user`,
      ),
    );
    expect(inside.rows[0]).toEqual({
      org: tenant.organizationId,
      role: 'client',
      customer: tenant.customerId,
      user: tenant.client.userId,
    });
    const after = await t.db.query<{ org: string | null; role: string | null }>(
      'SELECT arco_org() AS org, arco_role() AS role',
    );
    expect(after.rows[0]).toEqual({ org: null, role: null });
    const privileged = await t.db.privileged((c) =>
      c.query<{ org: string | null }>('SELECT arco_org() AS org'),
    );
    expect(privileged.rows[0]?.org).toBeNull();
  });

  it('commits on success and rolls back on error', async () => {
    await t.db.withIdentity(tenant.system, (c) =>
      c.query(`INSERT INTO audit_log (organization_id, action, entity) VALUES ($1, 'kept', 'test')`, [
        tenant.organizationId,
      ]),
    );
    await expect(
      t.db.withIdentity(tenant.system, async (c) => {
        await c.query(`INSERT INTO audit_log (organization_id, action, entity) VALUES ($1, 'lost', 'test')`, [
          tenant.organizationId,
        ]);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const { rows } = await t.db.withIdentity(tenant.system, (c) =>
      c.query<{ action: string }>('SELECT action FROM audit_log ORDER BY id'),
    );
    expect(rows.map((r) => r.action)).toEqual(['kept']);
  });

  it('refuses re-entrant use instead of deadlocking the single embedded connection', async () => {
    const nested = t.db.withIdentity(tenant.admin, () => t.db.query('SELECT 1'));
    await expect(nested).rejects.toMatchObject({ code: 'nested_transaction' });
    // The database is still usable afterwards.
    expect((await t.db.query<{ one: number }>('SELECT 1 AS one')).rows[0]?.one).toBe(1);
  });

  it('refuses to use a transaction client after the transaction ended', async () => {
    let leaked: { query: (sql: string) => Promise<unknown> } | undefined;
    await t.db.transaction(async (c) => {
      leaked = c;
    });
    await expect(leaked?.query('SELECT 1')).rejects.toThrow(/no longer usable/);
  });

  it('refuses an invalid identity before touching the database', async () => {
    const clientWithoutCustomer = {
      role: 'client',
      organizationId: tenant.organizationId,
      userId: tenant.client.userId,
    };
    await expect(t.db.withIdentity(clientWithoutCustomer as never, async () => 1)).rejects.toBeInstanceOf(
      DbError,
    );
  });

  it('parses dates, instants, int8 and numeric exactly, whatever the session time zone', async () => {
    const { rows } = await t.db.query<Record<string, unknown>>(
      `SELECT '2026-01-15'::date AS d, '2026-01-15 10:00:00.5-03'::timestamptz AS ts,
              9007199254740991::int8 AS big, 4500.00::numeric(15,2) AS money`,
    );
    expect(rows[0]).toEqual({
      d: '2026-01-15',
      ts: '2026-01-15T13:00:00.500Z',
      big: 9007199254740991,
      money: '4500.00',
    });
    const shifted = await t.db.transaction(async (c) => {
      await c.query(`SET LOCAL TIME ZONE 'Pacific/Kiritimati'`);
      return c.query<Record<string, unknown>>(
        `SELECT '2026-01-15'::date AS d, '2026-01-15 23:30:00Z'::timestamptz AS ts`,
      );
    });
    expect(shifted.rows[0]).toEqual({ d: '2026-01-15', ts: '2026-01-15T23:30:00.000Z' });
  });
});
