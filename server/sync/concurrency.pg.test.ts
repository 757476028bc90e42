import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { v7 as uuidv7 } from 'uuid';
import { authorizeWithPermissions, createPushDecider } from '../../sync/push/decide.ts';
import { createMemoryChangeFeed } from '../../sync/server/memory-feed.ts';
import { readFilterFor } from '../../sync/visibility.ts';
import {
  createTestDatabase,
  createTestTenant,
  minimalCustomer,
  type TestDatabase,
  type TestTenant,
} from '../db/testing.ts';
import { createPgSyncStore } from './pg-store.ts';
import type { UserIdentity } from '../../shared/identity.ts';

/**
 * Gap-free ordering (README, "Database"; docs/sync-protocol.md): concurrent writers and a puller that keeps
 * advancing its checkpoint while they commit. Whatever the interleaving, the puller must end up having seen every committed row — a row whose
 * transaction committed after the puller moved past its server_seq would be skipped forever.
 */
let t: TestDatabase;
let tenant: TestTenant;
beforeAll(async () => {
  t = await createTestDatabase();
  tenant = await createTestTenant(t.db);
}, 120_000);
afterAll(() => t?.close());

const csm = (): UserIdentity => ({
  userId: tenant.csm.userId!,
  organizationId: tenant.organizationId,
  role: 'csm',
  customerId: null,
});

describe('gap-free pulls under concurrent writers', () => {
  it('a concurrent puller never skips a committed row (seeded runs)', async () => {
    const store = createPgSyncStore({
      db: t.db,
      feed: createMemoryChangeFeed(),
      clock: () => new Date(),
      verifyStoredJson: true,
    });
    const decide = createPushDecider('customers', { authorize: authorizeWithPermissions });
    const filter = readFilterFor(csm(), 'customers')!;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 4, maxLength: 8 }),
        fc.integer({ min: 0, max: 3 }),
        async (batchSizes, jitterMs) => {
          const { rows } = await t.db.withIdentity(tenant.admin, (c) =>
            c.query<{ seq: string }>('SELECT coalesce(max(server_seq), 0)::text AS seq FROM customers'),
          );
          let checkpoint = Number(rows[0]!.seq);
          const seen = new Set<string>();
          const written: string[] = [];
          let writing = true;

          const writers = batchSizes.map(async (size, w) => {
            await new Promise((r) => setTimeout(r, (w % 3) * jitterMs));
            const docs = Array.from({ length: size }, (_, i) => ({
              ...minimalCustomer(uuidv7(), `Cliente ${w}-${i}`, null, new Date()),
              _deleted: false,
            }));
            const decisions = await store.push({
              identity: csm(),
              collection: 'customers',
              rows: docs.map((d) => ({ assumedMasterState: null, newDocumentState: d })),
              decide,
            });
            for (const d of decisions) if (d.kind === 'write') written.push(d.id);
          });
          const puller = (async () => {
            for (;;) {
              const done = !writing;
              const page = await store.pull({
                identity: csm(),
                collection: 'customers',
                after: { seq: checkpoint },
                limit: 3,
                filter,
              });
              for (const doc of page) seen.add(doc.id);
              if (page.length > 0) checkpoint = page[page.length - 1]!.serverSeq;
              if (done && page.length === 0) return;
            }
          })();
          await Promise.all(writers);
          writing = false;
          await puller;
          expect(written.length).toBe(batchSizes.reduce((a, b) => a + b, 0));
          expect(written.filter((id) => !seen.has(id))).toEqual([]);
        },
      ),
      { numRuns: 12, seed: 20261121 },
    );
  }, 240_000);
});
