import { afterAll, beforeAll } from 'vitest';
import type { CollectionName, DocOf } from '../../shared/collections/index.ts';
import { entityFields } from '../../sync/documents.ts';
import { createMemoryChangeFeed } from '../../sync/server/memory-feed.ts';
import { syncStoreContract, type ContractTenant } from '../../sync/server/store-contract.ts';
import { nextServerFields, writeDocument } from '../db/index.ts';
import { systemIdentity } from '../../shared/identity.ts';
import { createTestDatabase, createTestTenant, type TestDatabase, type TestTenant } from '../db/testing.ts';
import { createPgSyncStore } from './pg-store.ts';

/**
 * The SyncStore contract against the PostgreSQL store (embedded PGlite, or the server in DATABASE_URL). Changes
 * go to the in-process feed, as on the embedded database; the NOTIFY path is covered by pg-change-feed's tests.
 */
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.close());

const asTenant = (x: TestTenant): ContractTenant => ({
  organizationId: x.organizationId,
  customerId: x.customerId,
  otherCustomerId: x.otherCustomerId,
  admin: x.admin,
  csm: x.csm,
  client: x.client,
  otherClient: x.otherClient,
});

syncStoreContract(
  'PostgreSQL',
  {
    serverSeq: 'shared-sequence',
    firstTicketNumber: 2801,
    derivesCustomerRevenue: true,
    idSpace: 'per-organization',
  },
  async (clock) => {
    await t.truncateAll();
    const now = clock();
    const a = await createTestTenant(t.db, { now });
    const b = await createTestTenant(t.db, { name: 'Outra Agência', now });
    const feed = createMemoryChangeFeed();
    return {
      store: createPgSyncStore({ db: t.db, feed, clock, verifyStoredJson: true }),
      feed,
      a: asTenant(a),
      b: asTenant(b),
      async seed(organizationId: string, collection: CollectionName, doc) {
        await t.db.withIdentity(systemIdentity(organizationId), async (c) =>
          writeDocument(
            c,
            { organizationId },
            collection,
            entityFields(doc) as DocOf<CollectionName>,
            await nextServerFields(c, organizationId, clock()),
          ),
        );
      },
    };
  },
);
