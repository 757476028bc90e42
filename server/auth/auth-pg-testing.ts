import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { SignedInUser } from '../../shared/identity.ts';
import type { Database } from '../db/database.ts';
import { createTestDatabase, createTestTenant, type TestDatabase } from '../db/testing.ts';

/** A syntactically valid argon2id hash; the store contracts never verify passwords. */
export const testPasswordHash =
  '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g';

export interface AuthPgTest {
  /** The file's database (created in `beforeAll`, emptied before each test). */
  db(): Database;
  /** A new test tenant's users (staff first: admin, CSM, then clients), with a password, as SignedInUsers. */
  tenantUsers(): Promise<SignedInUser[]>;
  /** Disables a user, as the contracts' `disable`. */
  disable(user: SignedInUser): Promise<void>;
}

/**
 * The set-up the PostgreSQL auth and account store tests share: registers the file's database lifecycle and
 * gives a tenant's users read as the owner (the test's own view, not through RLS).
 */
export function authPgTest(): AuthPgTest {
  let t: TestDatabase | undefined;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t?.close());
  beforeEach(() => t!.truncateAll());

  const db = () => {
    if (!t) throw new Error('the test database is created in beforeAll (use it inside a test)');
    return t.db;
  };

  return {
    db,
    async tenantUsers() {
      const database = db();
      const tenant = await createTestTenant(database);
      return database.privileged(async (c) => {
        await c.query('UPDATE users SET password_hash = $2 WHERE organization_id = $1', [
          tenant.organizationId,
          testPasswordHash,
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
    },
    disable: (user) =>
      db().privileged(async (c) => {
        await c.query('UPDATE users SET disabled_at = now() WHERE id = $1', [user.id]);
      }),
  };
}
