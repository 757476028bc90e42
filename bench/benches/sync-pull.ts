import type { RxCollection } from 'rxdb';
import { firstValueFrom } from 'rxjs';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { openDeviceDatabase, type DeviceDatabase } from '../../client/db/database.ts';
import type { CollectionName } from '../../shared/collections/index.ts';
import { TABLE_SPECS } from '../../server/db/collections/table-spec.ts';
import type { Database } from '../../server/db/database.ts';
import type { Identity, UserIdentity } from '../../shared/identity.ts';
import { startSync, type SyncHandle } from '../../sync/client/replicate.ts';
import { PULL_LIMIT_MAX, type Checkpoint } from '../../sync/protocol.ts';
import { demoServerFixture, MARIA } from '../fixtures/demo-server.ts';
import { repetitionsOf, type Bench } from '../harness/bench.ts';
import { measure } from '../harness/measure.ts';
import type { Fact, ResultTable } from '../harness/report.ts';
import type { HttpSession } from '../support/http-session.ts';

/**
 * Initial pull throughput (rows/s) of the demo organization at benchmark scale, per collection, as Maria (CSM,
 * sees the whole organization):
 *   (a) baseline — raw SQL through `pg`: the same rows (and, for customers, their contacts and contracts) in
 *       server_seq order, in pages of 1000, one `db.withIdentity(maria)` transaction per page (app role, RLS
 *       on — what the server pays per pull request before mapping, validating and serializing);
 *   (b) the HTTP pull loop over `/api/sync/<collection>/pull?limit=1000` until caught up (JSON parsed, not
 *       validated);
 *   (c) the real RxDB client (memory storage, `startSync`, the app's default pull batch size) from an empty
 *       device to `awaitInitialReplication()`;
 *   (d) the HTTP pull loop again after every row's stored JSON was forgotten (migration 0290's columns): each
 *       document built by PostgreSQL, as every pull did before documents were stored with their JSON — the
 *       same-run A/B of "JSON built once" (issue 16 item 5). Runs last; the stored JSON is saved before it and
 *       put back after it, so a bench after this one (sync-load) pulls stored JSON like a deployed server.
 */
const PAGE = PULL_LIMIT_MAX;

export const syncPull: Bench = {
  name: 'sync-pull',
  description:
    'initial pull (rows/s) of the demo organization: raw pg SELECT (baseline) vs HTTP pull loop vs RxDB client',
  environment: 'node',
  async run(ctx) {
    const demo = await demoServerFixture(ctx);
    const maria = await demo.signIn(MARIA);
    const identity: UserIdentity = {
      role: 'csm',
      organizationId: maria.user.organizationId,
      userId: maria.user.id,
      customerId: null,
    };
    const reps = repetitionsOf(ctx.options);
    const facts: Fact[] = [];

    for (const collection of ctx.options.collections) {
      const expected = await countRows(demo.db, identity, collection);
      const bytesPerDocument = await documentSize(maria, collection);
      ctx.log(`sync-pull ${collection}: ${expected} rows…`);
      const checkCount = (what: string, got: number) => {
        if (got !== expected)
          throw new Error(`${what} of ${collection} got ${got} rows, expected ${expected}`);
        return got;
      };

      // Warm-ups: the first page through the same path (a full run takes seconds here).
      const baseline = await measure(reps, {
        label: `raw pg SELECT, pages of ${PAGE}`,
        baseline: true,
        warmup: () => rawSelect(demo.db, identity, collection, 1),
        run: async () => checkCount('raw SELECT', await rawSelect(demo.db, identity, collection)),
      });
      const http = await measure(reps, {
        label: `HTTP pull loop, limit ${PAGE}`,
        warmup: () => httpPullLoop(maria, collection, 1),
        run: async () => checkCount('HTTP pull loop', await httpPullLoop(maria, collection)),
      });
      let device = 0;
      const rxdb = await measure<RxDevice>(reps, {
        label: 'RxDB client (memory storage), initial pull',
        setup: async () => openDevice(maria, collection, `${maria.user.id}-bench-${device++}`),
        warmup: async (d) => {
          d.sync = startDevice(d, maria);
          await firstValueFrom(d.sync.states[collection]!.received$);
        },
        run: async (d) => {
          // awaitInitialReplication() resolves after the small first page (replicate.ts); the device is
          // caught up when a page comes back shorter than it asked for (its `pulled` … caughtUp event).
          const caughtUp = new Promise<void>((resolve) => (d.onCaughtUp = resolve));
          d.sync = startDevice(d, maria);
          await caughtUp;
          // That page is in RxDB's hands, not yet stored: wait until the replication is idle.
          await d.sync.states[collection]!.awaitInSync();
          d.caughtUp = true;
          return expected;
        },
        teardown: async (d) => {
          // Verified outside the timing: after a measured run the device really holds every row.
          const held = await (d.db.collections[collection] as RxCollection).count().exec();
          await d.sync?.stop();
          await d.db.remove();
          if (d.caughtUp) checkCount('RxDB client', held);
        },
      });
      const stored = await storedJsonRows(demo.db, collection);
      // Case (d) forgets every stored JSON; the benches after this one in the same run (sync-load) must pull the
      // stored JSON as a deployed server does, so the JSON is saved here and put back after the case.
      const saved = await saveStoredJson(demo.db, collection);
      const built = await measure(reps, {
        label: `HTTP pull loop, limit ${PAGE}, stored JSON forgotten (built by SQL, ${stored} were stored)`,
        setup: () => forgetStoredJson(demo.db, collection),
        warmup: () => httpPullLoop(maria, collection, 1),
        run: async () => checkCount('HTTP pull loop (built)', await httpPullLoop(maria, collection)),
      });
      await restoreStoredJson(demo.db, collection, saved);
      if ((await storedJsonRows(demo.db, collection)) !== stored)
        throw new Error(`${collection}: stored JSON not restored after case (d)`);
      const table: ResultTable = {
        title: `sync-pull · ${collection} (${expected.toLocaleString('en-US')} documents, ≈ ${kilobytes(bytesPerDocument)} of JSON each)`,
        measurements: [baseline, http, rxdb, built],
      };
      ctx.report(table);
    }
    facts.push({
      label: 'baseline identity',
      value: `maria (csm) via db.withIdentity: role arco_app, RLS enforced, one transaction per page of ${PAGE}`,
    });
    facts.push({
      label: 'RxDB pull batch',
      value: `the app default (sync/client/replicate.ts: a first page of 50, then ${PAGE})`,
    });
    return { tables: [], facts };
  },
};

const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Average size of one document on the wire (the first page, untimed): rows/s means little without it. */
async function documentSize(session: HttpSession, collection: CollectionName): Promise<number> {
  const page = (await session.syncJson(`/${collection}/pull?limit=${PAGE}`)) as { documents: unknown[] };
  return page.documents.length ? JSON.stringify(page.documents).length / page.documents.length : 0;
}

async function countRows(db: Database, identity: Identity, collection: CollectionName): Promise<number> {
  const { rows } = await db.withIdentity(identity, (c) =>
    c.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${TABLE_SPECS[collection].table} WHERE organization_id = $1`,
      [identity.organizationId],
    ),
  );
  return rows[0]?.n ?? 0;
}

/** How many rows hold a stored JSON for their current server_seq (what case (b) served from the column). */
async function storedJsonRows(db: Database, collection: CollectionName): Promise<number> {
  const { rows } = await db.privileged((c) =>
    c.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${TABLE_SPECS[collection].table} WHERE doc_json_seq = server_seq`,
    ),
  );
  return rows[0]?.n ?? 0;
}

/**
 * Copies every row's stored JSON (with its seq and shape) into a table of the bench's own database, for
 * `restoreStoredJson`. Returns that table's name.
 */
async function saveStoredJson(db: Database, collection: CollectionName): Promise<string> {
  const table = `bench_saved_doc_json_${TABLE_SPECS[collection].table}`;
  await db.privileged(async (c) => {
    await c.query(`DROP TABLE IF EXISTS ${table}`);
    await c.query(
      `CREATE TABLE ${table} AS SELECT organization_id, id, doc_json, doc_json_seq, doc_json_shape
         FROM ${TABLE_SPECS[collection].table} WHERE doc_json_seq IS NOT NULL`,
    );
  });
  return table;
}

/**
 * Puts the saved stored JSON back. Migration 0290's forget trigger fires only when a stored JSON was there
 * (OLD.doc_json_seq not null), so after a forget this UPDATE stores the JSON as it was; rows written since the
 * save have a new server_seq and their saved JSON simply misses, as any stale one would.
 */
async function restoreStoredJson(db: Database, collection: CollectionName, table: string): Promise<void> {
  const target = TABLE_SPECS[collection].table;
  await db.privileged(async (c) => {
    await c.query(
      `UPDATE ${target} t SET doc_json = s.doc_json, doc_json_seq = s.doc_json_seq, doc_json_shape = s.doc_json_shape
         FROM ${table} s WHERE t.organization_id = s.organization_id AND t.id = s.id AND t.doc_json_seq IS NULL`,
    );
    await c.query(`DROP TABLE ${table}`);
  });
}

/** Every row of the collection loses its stored JSON (the forget trigger of migration 0290 clears it). */
async function forgetStoredJson(db: Database, collection: CollectionName): Promise<void> {
  await db.privileged((c) =>
    c.query(`UPDATE ${TABLE_SPECS[collection].table} SET doc_json_seq = doc_json_seq`),
  );
  if ((await storedJsonRows(db, collection)) !== 0)
    throw new Error(`${collection}: stored JSON not forgotten`);
}

/** The rows a pull would deliver, read the plainest way: pages in server_seq order, children by parent id. */
async function rawSelect(
  db: Database,
  identity: Identity,
  collection: CollectionName,
  maxPages = Number.POSITIVE_INFINITY,
): Promise<number> {
  const spec = TABLE_SPECS[collection];
  let after = 0;
  let total = 0;
  for (let pages = 1; ; pages++) {
    const page = await db.withIdentity(identity, async (c) => {
      const { rows } = await c.query<{ id: string; server_seq: string | number }>(
        `SELECT * FROM ${spec.table} WHERE organization_id = $1 AND server_seq > $2 ORDER BY server_seq LIMIT $3`,
        [identity.organizationId, after, PAGE],
      );
      const ids = rows.map((r) => r.id);
      for (const child of spec.children) {
        await c.query(
          `SELECT * FROM ${child.table} WHERE organization_id = $1 AND ${child.parentColumn} = ANY($2::uuid[])
            ORDER BY ${child.parentColumn}, position`,
          [identity.organizationId, ids],
        );
      }
      return rows;
    });
    total += page.length;
    if (page.length < PAGE || pages >= maxPages) return total;
    after = Number(page[page.length - 1]!.server_seq);
  }
}

async function httpPullLoop(
  session: HttpSession,
  collection: CollectionName,
  maxPages = Number.POSITIVE_INFINITY,
): Promise<number> {
  let checkpoint: Checkpoint | null = null;
  let total = 0;
  for (let pages = 1; ; pages++) {
    const query = new URLSearchParams({ limit: String(PAGE) });
    if (checkpoint) query.set('checkpoint', JSON.stringify(checkpoint));
    const page = (await session.syncJson(`/${collection}/pull?${query}`)) as {
      documents: unknown[];
      checkpoint: Checkpoint;
    };
    total += page.documents.length;
    if (page.documents.length < PAGE || pages >= maxPages) return total;
    checkpoint = page.checkpoint;
  }
}

interface RxDevice {
  readonly db: DeviceDatabase;
  readonly userId: string;
  sync: SyncHandle | null;
  /** Set by a measured run once the initial replication finished (warm-ups stop after the first batch). */
  caughtUp: boolean;
  /** Called when a pull page says the collection is caught up. */
  onCaughtUp: () => void;
}

async function openDevice(session: HttpSession, collection: CollectionName, name: string): Promise<RxDevice> {
  const db = await openDeviceDatabase({
    userId: name,
    role: session.user.role,
    storage: getRxStorageMemory(),
    now: () => new Date(),
    onPendingCount: () => undefined,
    multiInstance: false,
    only: [collection],
  });
  return { db, userId: session.user.id, sync: null, caughtUp: false, onCaughtUp: () => undefined };
}

function startDevice(device: RxDevice, session: HttpSession): SyncHandle {
  return startSync({
    collections: device.db.collections as Record<string, RxCollection>,
    userId: device.userId,
    transport: { baseUrl: session.origin, fetch: session.fetch },
    outbox: device.db.outbox,
    now: () => new Date(),
    dispatch: (event) => {
      if (event.type === 'pulled' && event.caughtUp) device.onCaughtUp();
    },
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
    waitForLeadership: false,
  });
}
