import { setTimeout as sleep } from 'node:timers/promises';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { writeDocument } from './collections/mapper.ts';
import { sampleDocuments } from './collections/samples.ts';
import { lockOrganizationForWrite, nextServerFields, nextServerSeq, nextServerSeqs } from './ordering.ts';
import { createTestDatabase, createTestTenant, type TestDatabase, type TestTenant } from './testing.ts';

let t: TestDatabase;
let a: TestTenant;
let b: TestTenant;
const NOW = new Date('2026-01-15T13:00:00.000Z');

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.close());
beforeEach(async () => {
  await t.truncateAll();
  a = await createTestTenant(t.db);
  b = await createTestTenant(t.db);
});

describe('server_seq', () => {
  it('increases with every number taken, also in bulk', async () => {
    const seqs = await t.db.withIdentity(a.system, async (c) => [
      await nextServerSeq(c, a.organizationId),
      await nextServerSeq(c, a.organizationId),
      ...(await nextServerSeqs(c, a.organizationId, 3)),
    ]);
    expect(seqs).toHaveLength(5);
    expect([...seqs].sort((x, y) => x - y)).toEqual(seqs);
    expect(new Set(seqs).size).toBe(5);
    expect(await t.db.withIdentity(a.system, (c) => nextServerSeqs(c, a.organizationId, 0))).toEqual([]);
  });

  it('refuses to lock without an organization', async () => {
    await expect(
      t.db.withIdentity(a.system, (c) => lockOrganizationForWrite(c, null as never)),
    ).rejects.toThrow();
  });

  it('commit order equals server_seq order within an organization, under concurrent writers', async () => {
    const samples = sampleDocuments({
      customerId: a.customerId,
      clientUserId: a.client.userId as string,
      staffUserId: a.csm.userId as string,
      newId: uuidv7,
    });
    const visibleSeqs = () =>
      t.db.withIdentity(a.system, async (c) => {
        const { rows } = await c.query<{ s: number }>('SELECT server_seq AS s FROM actions ORDER BY 1');
        return rows.map((r) => r.s);
      });
    let writing = true;
    const snapshots: number[][] = [];
    const reader = (async () => {
      while (writing) {
        snapshots.push(await visibleSeqs());
        await sleep(1);
      }
    })();
    const writers = Array.from({ length: 30 }, (_, i) =>
      t.db.withIdentity(a.system, async (c) => {
        await lockOrganizationForWrite(c, a.organizationId);
        const server = await nextServerFields(c, a.organizationId, NOW);
        // Hold the transaction open for a while after taking the number: without the lock, a later number
        // could commit first and a reader would see it before this one.
        await sleep(((i * 7) % 5) * 4);
        await writeDocument(c, a, 'actions', { ...samples.actions, id: uuidv7() }, server);
      }),
    );
    await Promise.all(writers);
    writing = false;
    await reader;
    const final = await visibleSeqs();
    expect(final).toHaveLength(30);
    expect(snapshots.length).toBeGreaterThan(0);
    for (const seen of snapshots) {
      const max = seen.at(-1) ?? 0;
      // What a reader saw is always a prefix of the final order: nothing below its checkpoint shows up later.
      expect(seen).toEqual(final.filter((s) => s <= max));
    }
  });
});

describe.skipIf(!process.env.DATABASE_URL)(
  'organization write lock (real PostgreSQL: concurrent sessions)',
  () => {
    it('makes a second writer of the same organization wait, but not a writer of another one', async () => {
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let locked!: () => void;
      const isLocked = new Promise<void>((resolve) => (locked = resolve));
      const order: string[] = [];

      const first = t.db.withIdentity(a.system, async (c) => {
        await lockOrganizationForWrite(c, a.organizationId);
        locked();
        await gate;
        const seq = await nextServerSeq(c, a.organizationId);
        order.push('first');
        return seq;
      });
      await isLocked;
      const second = t.db.withIdentity(a.system, async (c) => {
        const seq = await nextServerSeq(c, a.organizationId);
        order.push('second');
        return seq;
      });
      // Wait until PostgreSQL reports the second writer blocked on the advisory lock.
      for (;;) {
        const { rows } = await t.db.privileged((c) =>
          c.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`,
          ),
        );
        if (rows[0]?.n === 1) break;
        await sleep(5);
      }
      // Another organization is not blocked meanwhile.
      const other = await t.db.withIdentity(b.system, (c) => nextServerSeq(c, b.organizationId));
      expect(order).toEqual([]);
      release();
      const [s1, s2] = await Promise.all([first, second]);
      expect(order).toEqual(['first', 'second']);
      expect(s2).toBeGreaterThan(s1);
      expect(other).toBeLessThan(s1);
    });
  },
);
