import type { Customer } from '../../shared/entities/customer.ts';
import { readDocuments, writeDocuments } from '../../server/db/collections/mapper.ts';
import type { Database } from '../../server/db/database.ts';
import type { Identity, UserIdentity } from '../../shared/identity.ts';
import { nextServerSeqs } from '../../server/db/ordering.ts';
import {
  PUSH_BATCH_ROWS,
  PUSH_ROWS_ANY_SERVER,
  pushResponseSchema,
  pushRowForWire,
  type PushRow,
} from '../../sync/protocol.ts';
import { demoServerFixture, MARIA } from '../fixtures/demo-server.ts';
import { repetitionsOf, type Bench } from '../harness/bench.ts';
import { measure, summarize, type Sample } from '../harness/measure.ts';
import type { HttpSession } from '../support/http-session.ts';
import { catchUpRecompute, recomputeTarget, waitForRecompute } from '../support/recompute-queue.ts';

/**
 * Push throughput (rows/s) of customer updates with conflict detection, as Maria (CSM):
 *   (a) baseline — the raw row-mapper path: `writeDocuments` of the same number of edited customers (contacts
 *       and contracts included) in one `db.withIdentity(maria)` transaction with the organization's write lock
 *       and fresh server_seqs — what storing costs without the protocol;
 *   (b) HTTP push in the app's batches (`PUSH_BATCH_ROWS`), every row with its correct `assumedMasterState` (all written); the same
 *       runs also time the pushes *and* the health recompute they queue (server/health/triggers.ts) until it has
 *       caught up: a push answers before its recompute runs, so the push figure alone would hide that work;
 *   (c) the same with a share of rows (`--stale-share`, default 20%) whose master was changed by another
 *       writer after the device read it: those come back as conflicts, the rest are written;
 *   (d) the clean push in batches of 100 (`PUSH_ROWS_ANY_SERVER`), as an app before December 2026 sends them.
 * The ratio shows what HTTP, reading the masters, validation, permissions, derived fields and conflict detection
 * cost on top of storing (the store itself runs a fixed number of statements per batch, not per row). Master
 * states are read (untimed) right before each run, so every run edits current rows, and every run starts with
 * no recompute waiting or running (an earlier run's backlog would compete with it for the CPU).
 */
export const syncPush: Bench = {
  name: 'sync-push',
  description:
    "customer push (rows/s) in the app's batches with conflict detection vs raw writeDocuments in one transaction (baseline)",
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
    const { pushRows, staleShare } = ctx.options;
    const reps = repetitionsOf(ctx.options);
    const ids = await customerIds(demo.db, identity);
    if (ids.length < pushRows) throw new Error(`only ${ids.length} customers, --push-rows is ${pushRows}`);
    // Each run edits the next window of customers (wrapping), so consecutive runs do not hit the same rows.
    let cursor = 0;
    const nextWindow = () => {
      const start = cursor;
      cursor = (cursor + pushRows) % ids.length;
      return Array.from({ length: pushRows }, (_, i) => ids[(start + i) % ids.length]!);
    };
    const staleCount = Math.round(pushRows * staleShare);
    ctx.log(`sync-push: ${pushRows} rows per run, ${staleCount} stale in the conflict case…`);

    const baseline = await measure<Customer[]>(reps, {
      label: `writeDocuments, ${pushRows} rows in one transaction`,
      baseline: true,
      setup: async (i) =>
        (await readCustomers(demo.db, identity, nextWindow())).map((c) => edited(c, `base-${i}`)),
      run: async (docs) => {
        await demo.db.withIdentity(identity, async (c) => {
          const seqs = await nextServerSeqs(c, identity.organizationId, docs.length);
          const updatedAt = new Date().toISOString();
          await writeDocuments(
            c,
            identity,
            'customers',
            docs.map((doc, k) => ({ doc, server: { serverSeq: seqs[k]!, updatedAt } })),
          );
        });
        return docs.length;
      },
    });

    // (b) Each run pushes, notes when the last push answered, then waits until the recompute of every pushed
    // customer has run: the push figure and "pushes + recompute caught up" come from the same runs.
    const pushOnly: Sample[] = [];
    let bodySample: PushRow[] = [];
    const catchUp = () => catchUpRecompute(demo.db, demo.server.jobs, identity.organizationId);
    const caughtUp = await measure<PushRow[]>(reps, {
      label: `HTTP push + health recompute caught up, batches of ${PUSH_BATCH_ROWS}`,
      note: 'from the first push until every pushed customer was rescored and no recompute waits or runs',
      setup: async (i) => {
        await catchUp();
        return (await readCustomers(demo.db, identity, nextWindow())).map((master) => ({
          assumedMasterState: wire(master),
          newDocumentState: wire(edited(master, `push-${i}`)),
        }));
      },
      warmup: (rows) => pushAll(maria, rows.slice(0, PUSH_BATCH_ROWS)),
      run: async (rows) => {
        bodySample = rows.slice(0, PUSH_BATCH_ROWS);
        const started = performance.now();
        const { conflicts, rejected } = await pushAll(maria, rows);
        pushOnly.push({ ms: performance.now() - started, rows: rows.length });
        expectOutcome('clean push', { conflicts, rejected }, { conflicts: 0 });
        // Every input written so far (these pushes included) is scored once the recompute's mark reaches this.
        const target = await recomputeTarget(demo.db, identity.organizationId);
        await waitForRecompute(demo.db, identity.organizationId, target);
        return rows.length;
      },
    });
    const clean = summarize(`HTTP push, batches of ${PUSH_BATCH_ROWS}, no conflicts`, pushOnly, {
      note: 'every row written (0 conflicts, 0 rejected — checked each run); until the last push answered',
    });

    const conflicting = await measure<PushRow[]>(reps, {
      label: `HTTP push, batches of ${PUSH_BATCH_ROWS}, ${Math.round(staleShare * 100)}% stale`,
      note: `${staleCount} conflicts returned per run, the other ${pushRows - staleCount} rows written (checked each run)`,
      setup: async (i) => {
        await catchUp();
        const masters = await readCustomers(demo.db, identity, nextWindow());
        // Another device edits every n-th row after this device read it: its assumed state is now stale.
        const stale = spread(masters, staleCount);
        await writeElsewhere(
          demo.db,
          identity,
          stale.map((m) => edited(m, `elsewhere-${i}`)),
        );
        return masters.map((master) => ({
          assumedMasterState: wire(master),
          newDocumentState: wire(edited(master, `conflict-${i}`)),
        }));
      },
      warmup: (rows) => pushAll(maria, rows.slice(0, PUSH_BATCH_ROWS)),
      run: async (rows) => {
        const { conflicts, rejected } = await pushAll(maria, rows);
        expectOutcome('push with stale rows', { conflicts, rejected }, { conflicts: staleCount });
        return rows.length;
      },
    });

    // (d) An app before December 2026: batches of PUSH_ROWS_ANY_SERVER (100), the same path otherwise.
    const legacy = await measure<PushRow[]>(reps, {
      label: `HTTP push, batches of ${PUSH_ROWS_ANY_SERVER} (an older app), no conflicts`,
      note: 'every row written; until the last push answered (no recompute wait)',
      setup: async (i) => {
        await catchUp();
        return (await readCustomers(demo.db, identity, nextWindow())).map((master) => ({
          assumedMasterState: wire(master),
          newDocumentState: wire(edited(master, `legacy-${i}`)),
        }));
      },
      warmup: (rows) => pushAll(maria, rows.slice(0, PUSH_ROWS_ANY_SERVER), PUSH_ROWS_ANY_SERVER),
      run: async (rows) => {
        const { conflicts, rejected } = await pushAll(maria, rows, PUSH_ROWS_ANY_SERVER);
        expectOutcome('older app push', { conflicts, rejected }, { conflicts: 0 });
        return rows.length;
      },
    });
    const bodyBytes = Buffer.byteLength(JSON.stringify(bodySample.map(pushRowForWire)));

    return {
      tables: [
        {
          title: `sync-push · customers (${pushRows} rows per run, contacts and contracts included)`,
          measurements: [baseline, clean, caughtUp, conflicting, legacy],
        },
      ],
      facts: [
        {
          label: 'push identity',
          value: 'maria (csm); baseline via db.withIdentity (role arco_app, RLS enforced)',
        },
        {
          label: 'push body',
          value: `${Math.round(bodyBytes / 1024).toLocaleString('en-US')} KB for ${bodySample.length} rows (JSON, uncompressed)`,
        },
        {
          label: 'push batches',
          value: `sequential, ${PUSH_BATCH_ROWS} rows each (as RxDB sends them: one batch in flight per collection)`,
        },
      ],
    };
  },
};

async function customerIds(db: Database, identity: Identity): Promise<string[]> {
  const { rows } = await db.withIdentity(identity, (c) =>
    c.query<{ id: string }>(
      'SELECT id FROM customers WHERE organization_id = $1 AND NOT deleted ORDER BY id',
      [identity.organizationId],
    ),
  );
  return rows.map((r) => r.id);
}

/** The current master states, exactly as a pull would deliver them (the server's own row mapper). */
async function readCustomers(db: Database, identity: Identity, ids: readonly string[]): Promise<Customer[]> {
  const stored = await db.withIdentity(identity, (c) =>
    readDocuments(c, 'customers', {
      where: 'organization_id = $1 AND id = ANY($2::uuid[])',
      params: [identity.organizationId, ids],
    }),
  );
  if (stored.length !== ids.length) throw new Error(`read ${stored.length} of ${ids.length} customers`);
  return stored.map((s) => s.doc);
}

/** A device-side edit: a field the CSM may change, stamped with the device clock. */
const edited = (customer: Customer, tag: string): Customer => ({
  ...customer,
  notes: `Benchmark ${tag}: ${customer.name}`,
  clientUpdatedAt: new Date().toISOString(),
});

const wire = (doc: Customer) => ({ ...doc, _deleted: false });

/** `count` items spread evenly over `list` (every n-th), so stale rows land in every batch. */
function spread<T>(list: readonly T[], count: number): T[] {
  if (count <= 0) return [];
  const step = list.length / count;
  return Array.from({ length: count }, (_, k) => list[Math.floor(k * step)]!);
}

/** The other device's write, stored directly (not part of any timing). */
async function writeElsewhere(db: Database, identity: Identity, docs: readonly Customer[]): Promise<void> {
  if (docs.length === 0) return;
  await db.withIdentity(identity, async (c) => {
    const seqs = await nextServerSeqs(c, identity.organizationId, docs.length);
    const updatedAt = new Date().toISOString();
    await writeDocuments(
      c,
      identity,
      'customers',
      docs.map((doc, k) => ({ doc, server: { serverSeq: seqs[k]!, updatedAt } })),
    );
  });
}

async function pushAll(session: HttpSession, rows: readonly PushRow[], batchRows = PUSH_BATCH_ROWS) {
  let conflicts = 0;
  const rejected: { id: string; code: string; message: string }[] = [];
  for (let start = 0; start < rows.length; start += batchRows) {
    const batch = rows.slice(start, start + batchRows);
    // The rows as the app sends them (sync/client/replicate.ts): the assumed master as `{id, serverSeq, _deleted}`.
    const answer = pushResponseSchema.parse(
      await session.syncJson('/customers/push', { method: 'POST', body: batch.map(pushRowForWire) }),
    );
    conflicts += answer.conflicts.length;
    rejected.push(...answer.rejected);
  }
  return { conflicts, rejected };
}

function expectOutcome(
  what: string,
  got: { conflicts: number; rejected: readonly { id: string; code: string; message: string }[] },
  expected: { conflicts: number },
): void {
  if (got.rejected.length > 0) {
    const first = got.rejected[0]!;
    throw new Error(`${what}: ${got.rejected.length} rows rejected (first: ${first.code} ${first.message})`);
  }
  if (got.conflicts !== expected.conflicts)
    throw new Error(`${what}: ${got.conflicts} conflicts returned, expected ${expected.conflicts}`);
}
