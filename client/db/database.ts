import {
  addRxPlugin,
  createRxDatabase,
  type RxCollection,
  type RxDatabase,
  type RxStorage,
} from 'rxdb/plugins/core';
import { RxDBLeaderElectionPlugin } from 'rxdb/plugins/leader-election';
import { RxDBLocalDocumentsPlugin } from 'rxdb/plugins/local-documents';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import {
  COLLECTION_DEFS,
  collectionsForRole,
  type CollectionName,
  type Role,
} from '../../shared/collections/index.ts';
import { rxMigrationStrategies, toRxJsonSchema } from '../../sync/client/rx-schema.ts';
import { CONFLICT_HANDLERS } from '../../sync/conflicts/index.ts';
import { createOutbox, type KeyValueStore, type Outbox } from '../../sync/client/outbox.ts';
import { createConflictNoticeStore, type ConflictNoticeStore } from '../../sync/client/conflict-notices.ts';
import { createAckedWrites, type AckedWrites } from '../../sync/client/acked-writes.ts';
import { trackLocalWrites } from '../../sync/client/write-tracking.ts';

/**
 * The device database of one signed-in user: only the collections of the user's role (at most 12 — RxDB's
 * open-core edition throws COL23 past 13 open collections per page), the outbox that counts pending writes,
 * and local documents for settings the device needs offline (health weights, the user's profile).
 *
 * Storage is injected: Dexie/IndexedDB in the browser, memory in Node tests.
 */
export interface DeviceDatabase {
  readonly db: RxDatabase;
  readonly collections: Readonly<Partial<Record<CollectionName, RxCollection>>>;
  readonly outbox: Outbox;
  readonly kv: KeyValueStore;
  /** Writes of this user that lost a conflict merge, until dismissed (sync/client/conflict-notices.ts). */
  readonly notices: ConflictNoticeStore;
  /** This user's recently accepted writes, checked against what is pulled after them (acked-writes.ts). */
  readonly ackedWrites: AckedWrites;
  close(): Promise<void>;
  /** Deletes every local trace of this user (logout). */
  remove(): Promise<void>;
}

export const databaseNameFor = (userId: string) => `arco-${userId.replace(/[^a-z0-9]/gi, '').toLowerCase()}`;

export async function openDeviceDatabase(options: {
  userId: string;
  role: Role;
  storage: RxStorage<unknown, unknown>;
  now: () => Date;
  onPendingCount: (collection: string, count: number) => void;
  /** Browsers coordinate tabs; a Node test process is a single instance. */
  multiInstance?: boolean;
  /**
   * Open only these of the role's collections. RxDB's 13-open-collection limit is per JS realm, so tests and
   * benchmarks that run several "devices" in one process open just what they exercise.
   */
  only?: readonly CollectionName[];
}): Promise<DeviceDatabase> {
  // Leader election: RxDB 17's default `toggleOnDocumentVisible` calls isLeader(), which needs the leader-election plugin.
  addRxPlugin(RxDBLeaderElectionPlugin);
  addRxPlugin(RxDBLocalDocumentsPlugin);
  // Stored documents of an older schema version are migrated when their collection opens.
  addRxPlugin(RxDBMigrationSchemaPlugin);
  const names = collectionsForRole(options.role).filter((n) => !options.only || options.only.includes(n));
  const db = await createRxDatabase({
    name: databaseNameFor(options.userId),
    storage: options.storage,
    multiInstance: options.multiInstance ?? true,
    localDocuments: true,
    closeDuplicates: true,
  });
  const created = await db.addCollections(
    Object.fromEntries(
      names.map((name) => [
        name,
        {
          schema: toRxJsonSchema(COLLECTION_DEFS[name]) as never,
          conflictHandler: CONFLICT_HANDLERS[name] as never,
          migrationStrategies: rxMigrationStrategies(COLLECTION_DEFS[name]),
        },
      ]),
    ),
  );
  const kv: KeyValueStore = {
    async get(key) {
      const doc = await db.getLocal<{ value: unknown }>(key);
      return doc?.get('value');
    },
    async set(key, value) {
      await db.upsertLocal(key, { value });
    },
  };
  const outbox = createOutbox({
    store: kv,
    collections: names,
    now: options.now,
    onCount: options.onPendingCount,
  });
  await outbox.load();
  for (const name of names) trackLocalWrites(name, created[name] as RxCollection, outbox);
  return {
    db,
    collections: created as DeviceDatabase['collections'],
    outbox,
    kv,
    notices: createConflictNoticeStore(kv),
    ackedWrites: createAckedWrites({ store: kv, now: options.now }),
    close: async () => {
      await outbox.flush();
      await db.close();
    },
    remove: async () => {
      await db.remove();
    },
  };
}
