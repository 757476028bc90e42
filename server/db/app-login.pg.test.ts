import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from './database.ts';
import { createTestDatabase, createTestTenant, type TestDatabase } from './testing.ts';

/**
 * The optional separate app login (DatabaseOptions.appUrl / DATABASE_APP_URL) on a real server: app
 * transactions then cannot climb back to the owner with RESET ROLE, which the default single-login setup
 * (and PGlite, whose only user is the superuser) cannot prevent.
 */
const LOGIN = 'arco_test_app_login';
const serverUrl = process.env.DATABASE_URL;

describe.skipIf(!serverUrl)('separate app login (real PostgreSQL)', () => {
  let t: TestDatabase;
  let db: Database;

  beforeAll(async () => {
    t = await createTestDatabase();
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    try {
      // Cluster-wide role shared by parallel runs: create it once, tolerating a concurrent creator.
      await admin.query(`DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${LOGIN}') THEN
          BEGIN CREATE ROLE ${LOGIN} LOGIN IN ROLE arco_app; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END;
        END IF; END $$`);
    } finally {
      await admin.end();
    }
    const appUrl = new URL(t.db.ownerConnectionString);
    appUrl.username = LOGIN;
    db = await createDatabase({ url: t.db.ownerConnectionString, appUrl: appUrl.toString(), poolSize: 2 });
    expect(await db.migrate()).toEqual({ applied: [] });
  });
  afterAll(async () => {
    await db?.close();
    await t?.close();
  });

  it('runs identity transactions through the app login, and RESET ROLE gains nothing', async () => {
    const tenant = await createTestTenant(db);
    await createTestTenant(db);
    const { rows } = await db.withIdentity(tenant.admin, (c) =>
      c.query<{ who: string; login: string; n: number }>(
        'SELECT current_user AS who, session_user AS login, (SELECT count(*)::int FROM customers) AS n',
      ),
    );
    expect(rows[0]).toEqual({ who: 'arco_app', login: LOGIN, n: 2 });
    // Back to the login itself: still a member of arco_app under the same policies, so still one organization.
    const reset = await db.withIdentity(tenant.admin, async (c) => {
      await c.query('RESET ROLE');
      return c.query<{ who: string; n: number }>(
        'SELECT current_user AS who, count(*)::int AS n FROM customers',
      );
    });
    expect(reset.rows[0]).toEqual({ who: LOGIN, n: 2 });
    const anonymous = await db.transaction(async (c) => {
      await c.query('RESET ROLE');
      return c.query<{ n: number }>('SELECT count(*)::int AS n FROM customers');
    });
    expect(anonymous.rows[0]?.n).toBe(0);
    await expect(db.withIdentity(tenant.admin, (c) => c.query('SET ROLE postgres'))).rejects.toMatchObject({
      code: '42501',
    });
  });
});
