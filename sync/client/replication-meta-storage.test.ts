import { createRxDatabase, getChangedDocumentsSince, type RxStorage } from 'rxdb';
import { replicateRxCollection } from 'rxdb/plugins/replication';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { describe, expect, it } from 'vitest';
import { REPLICATION_META_PREFIX, withTabLocalReplicationMeta } from './replication-meta-storage.ts';

const schema = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 36 },
    name: { type: 'string' },
    serverSeq: { type: 'number' },
  },
  required: ['id', 'name', 'serverSeq'],
} as const;

describe('withTabLocalReplicationMeta', () => {
  it("opens a replication's meta instance single-instance, everything else as asked, and the replication stores its meta rows", async () => {
    const memory = getRxStorageMemory() as RxStorage<unknown, unknown>;
    const opened: { collectionName: string; multiInstance: boolean }[] = [];
    const recording: RxStorage<unknown, unknown> = {
      name: memory.name,
      rxdbVersion: memory.rxdbVersion,
      createStorageInstance: (params) => {
        opened.push({ collectionName: params.collectionName, multiInstance: params.multiInstance });
        return memory.createStorageInstance(params);
      },
    };
    const db = await createRxDatabase({
      name: `meta-storage-${Date.now()}`,
      storage: withTabLocalReplicationMeta(recording),
      multiInstance: true,
    });
    try {
      const { customers } = await db.addCollections({ customers: { schema } });
      const docs = [1, 2, 3].map((n) => ({
        id: `c${n}`,
        name: `Cliente ${n}`,
        serverSeq: n,
        _deleted: false,
      }));
      const replication = replicateRxCollection({
        collection: customers!,
        replicationIdentifier: 'meta-storage-test',
        live: false,
        waitForLeadership: false,
        pull: {
          handler: (checkpoint) =>
            Promise.resolve(
              checkpoint ? { documents: [], checkpoint } : { documents: docs, checkpoint: { seq: 3 } },
            ),
        },
        push: { handler: () => Promise.resolve([]) },
      });
      await replication.awaitInitialReplication();
      expect(await customers!.count().exec()).toBe(3);

      const meta = opened.filter((o) => o.collectionName.startsWith(REPLICATION_META_PREFIX));
      expect(meta.length).toBeGreaterThan(0);
      expect(meta.every((o) => !o.multiInstance)).toBe(true);
      expect(opened.filter((o) => o.collectionName === 'customers').map((o) => o.multiInstance)).toEqual([
        true,
      ]);
      // The meta rows are there: one assumed master per pulled document (plus the checkpoints).
      const metaInstance = replication.metaInstance!;
      const stored = await getChangedDocumentsSince(metaInstance, 100);
      expect(stored.documents.length).toBeGreaterThanOrEqual(3);
      await replication.cancel();
    } finally {
      await db.remove();
    }
  });
});
