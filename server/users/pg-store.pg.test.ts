import { afterAll, beforeAll, beforeEach } from 'vitest';
import { PgAuthStore } from '../auth/pg-store.ts';
import { createTestDatabase, createTestTenant, type TestDatabase } from '../db/testing.ts';
import { PgAccountsStore } from './pg-store.ts';
import { accountsStoreContract } from './store-contract.ts';

const HASH = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.close());
beforeEach(() => t.truncateAll());

accountsStoreContract('PostgreSQL', {
  populated: async () => {
    const tenant = await createTestTenant(t.db);
    const other = await createTestTenant(t.db, { name: 'Outra Agência' });
    // The tenant's users get a password, so they are sign-in users like any other.
    await t.db.privileged((c) => c.query('UPDATE users SET password_hash = $1', [HASH]));
    return {
      store: new PgAccountsStore(t.db),
      auth: new PgAuthStore(t.db),
      admin: tenant.admin,
      csm: tenant.csm,
      client: tenant.client,
      customer: { id: tenant.customerId, name: 'TechCorp LTDA' },
      otherAdmin: other.admin,
      otherCustomerId: other.customerId,
    };
  },
  empty: async () => ({ store: new PgAccountsStore(t.db), auth: new PgAuthStore(t.db) }),
});
