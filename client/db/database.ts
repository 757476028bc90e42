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
import { createOutbox, type Outbox, type SharedKeyValueStore } from '../../sync/client/outbox.ts';
import { databaseKeyValueStore } from './database-key-value-store.ts';
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
  /**
   * The open collections. With `first`, only those until `allOpen` resolves; the record then gains the rest
   * (the same object: a reader that looked a collection up before it opened looks it up again).
   */
  readonly collections: Readonly<Partial<Record<CollectionName, RxCollection>>>;
  /** Resolves once every collection of the role is open (at once without `first`); rejects if one failed. */
  readonly allOpen: Promise<void>;
  readonly outbox: Outbox;
  readonly kv: SharedKeyValueStore;
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
  /**
   * Resolve once these collections are open (with the outbox loaded); the role's other collections open after
   * it, one at a time, each after `pause` resolves (default: at once), and `allOpen` says when. Issue 16: an
   * offline launch at 10,000 customers spent ≈ 320 ms in `addCollections` of all 12 collections (schema
   * building, hashing, one Dexie database each, the migration check) before the list's query could start,
   * and the list needs two of them; opened in one piece right after, they held the list's first query up
   * just as long. One at a time, the screen's own reads run between them.
   */
  first?: readonly CollectionName[];
  pause?: () => Promise<void>;
}): Promise<DeviceDatabase> {
  // Leader election: RxDB 17's default `toggleOnDocumentVisible` calls isLeader(), which needs the leader-election plugin.
  addRxPlugin(RxDBLeaderElectionPlugin);
  addRxPlugin(RxDBLocalDocumentsPlugin);
  // Stored documents of an older schema version are migrated when their collection opens.
  addRxPlugin(RxDBMigrationSchemaPlugin);
  const names = collectionsForRole(options.role).filter((n) => !options.only || options.only.includes(n));
  const firstNames = options.first ? names.filter((n) => options.first!.includes(n)) : names;
  const restNames = names.filter((n) => !firstNames.includes(n));
  const db = await createRxDatabase({
    name: databaseNameFor(options.userId),
    storage: options.storage,
    multiInstance: options.multiInstance ?? true,
    localDocuments: true,
    closeDuplicates: true,
  });
  const kv = databaseKeyValueStore(db);
  // The outbox counts every collection's pending writes from the start (local documents, not the collections):
  // the sync state shows them while the later collections still open.
  const outbox = createOutbox({
    store: kv,
    collections: names,
    now: options.now,
    onCount: options.onPendingCount,
  });
  const collections: Partial<Record<CollectionName, RxCollection>> = {};
  /**
   * Invariant: a collection's local writes are tracked before anything can write to it — it enters
   * `collections` (the only way the app reaches it) in the same step as its tracking starts.
   */
  const add = async (group: readonly CollectionName[]) => {
    if (group.length === 0) return;
    const created = await db.addCollections(
      Object.fromEntries(
        group.map((name) => [
          name,
          {
            schema: toRxJsonSchema(COLLECTION_DEFS[name]) as never,
            conflictHandler: CONFLICT_HANDLERS[name] as never,
            migrationStrategies: rxMigrationStrategies(COLLECTION_DEFS[name]),
          },
        ]),
      ),
    );
    for (const name of group) {
      trackLocalWrites(name, created[name] as RxCollection, outbox);
      collections[name] = created[name] as RxCollection;
    }
  };
  await Promise.all([add(firstNames), outbox.load()]);
  const pause = options.pause ?? (() => Promise.resolve());
  const allOpen = restNames.reduce(
    (opened, name) => opened.then(pause).then(() => add([name])),
    Promise.resolve(),
  );
  // Observed by close/remove and the session; never an unhandled rejection here.
  allOpen.catch(() => undefined);
  const settled = () => allOpen.catch(() => undefined);
  return {
    db,
    collections,
    allOpen,
    outbox,
    kv,
    notices: createConflictNoticeStore(kv),
    ackedWrites: createAckedWrites({ store: kv, now: options.now }),
    // Closing or deleting under a running addCollections would leave it writing to a closed database.
    close: async () => {
      await settled();
      await outbox.flush();
      outbox.close();
      await db.close();
    },
    remove: async () => {
      await settled();
      outbox.close();
      await db.remove();
    },
  };
}
