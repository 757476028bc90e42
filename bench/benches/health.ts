import { assessCustomerAt } from '../../shared/domain/csm/assess-customer.ts';
import { assessmentClock } from '../../shared/domain/csm/customer-inputs.ts';
import { DEFAULT_HEALTH_CONFIG } from '../../shared/domain/csm/health-config.ts';
import type { Activity } from '../../shared/entities/csm.ts';
import { createMemoryChangeFeed } from '../../sync/server/memory-feed.ts';
import {
  RECOMPUTE_BATCH_SIZE,
  recomputeCustomerHealth,
  recomputeOrganizationHealth,
  type RecomputeSummary,
} from '../../server/health/recompute.ts';
import { createServerWriter } from '../../server/sync/server-writes.ts';
import { demoServerFixture, type DemoServer } from '../fixtures/demo-server.ts';
import { repetitionsOf, type Bench, type BenchContext } from '../harness/bench.ts';
import { measure, summarize, type Sample } from '../harness/measure.ts';
import { signIn } from '../support/http-session.ts';
import { createHealthOrg, POOL_SIZE, STAFF_PASSWORD, type HealthOrg } from '../support/health-org.ts';
import { checkStreamedHealth, expectedHealth } from '../support/health-expectation.ts';
import { openStream } from '../support/sse-stream.ts';

/**
 * Health that follows the data (docs/domain.md §7, server/health/):
 * - `health-follow`: a CSM pushes an activity over HTTP; another CSM's device is streaming (`GET /api/sync/stream`);
 *   measured: push → that device receives the customer's recomputed `health` document (change feed → queued job →
 *   recompute → server write → stream), next to the same push's own HTTP round trip (baseline), in the same runs.
 * - `health-recompute`: the nightly recompute of a whole organization (`recomputeOrganizationHealth`, what the
 *   `recompute-all-health` job runs) for each `--health-customers` size, next to the pure rule
 *   (`assessCustomerAt`) over the same customers' documents in memory (baseline): first run (every document
 *   written, one history row each) and a second run the same day (everything read and compared, nothing written).
 * Both run on organizations of the demo generator's customers at scale (bench/support/health-org.ts explains
 * how they are built and why they are trimmed).
 */

const TZ = 'America/Sao_Paulo';

/** The organization of `customers` customers in the demo server's database (created once per run). */
function healthOrgFixture(ctx: BenchContext, demo: DemoServer, customers: number, tag: number) {
  return ctx.fixtures.get(`health-org-${customers}`, async () => {
    ctx.log(`health: creating an organization of ${customers.toLocaleString('en-US')} customers…`);
    const org = await createHealthOrg(demo.db, { customers, tag, now: new Date(), log: ctx.log });
    ctx.runFact(
      `health org ${customers.toLocaleString('en-US')}`,
      `${org.documents.toLocaleString('en-US')} documents stored in ${org.loadSeconds.toFixed(1)} s ` +
        `(${Math.round(org.documents / org.loadSeconds).toLocaleString('en-US')} docs/s; ` +
        `${POOL_SIZE} generated customers cloned)`,
    );
    return { value: org, dispose: async () => undefined };
  });
}

const smallest = (ctx: BenchContext) => Math.min(...ctx.options.healthCustomers);

export const healthFollow: Bench = {
  name: 'health-follow',
  description:
    "activity pushed over HTTP → recomputed health on another staff device's stream, vs the push's round trip (baseline)",
  environment: 'node',
  async run(ctx) {
    const demo = await demoServerFixture(ctx);
    const size = smallest(ctx);
    const org: HealthOrg = await healthOrgFixture(ctx, demo, size, 1);
    const pusher = await signIn(demo.server.url, org.staffEmails[0], STAFF_PASSWORD);
    const watcher = await signIn(demo.server.url, org.staffEmails[1], STAFF_PASSWORD);
    const stream = await openStream(watcher);
    const reps = repetitionsOf(ctx.options);
    const pushSamples: Sample[] = [];
    let k = 0;
    try {
      const follow = await measure(reps, {
        label: "push → recomputed health on the other device's stream",
        note: 'each run a different customer; the health document received is checked against the shared rules (the opportunities the recompute detects counted)',
        setup: async () => {
          const customer = (k++ * 7919) % size; // spread over the organization
          return { customer, row: npsRow(org, customer, pusher.user.id) };
        },
        run: async ({ customer, row }, i) => {
          const customerId = org.customerId(customer);
          const received = stream.waitFor(
            (event) =>
              event.collection === 'health' &&
              event.documents.some((d) => d.customerId === customerId && d._deleted !== true),
            60_000,
          );
          const started = performance.now();
          const answer = (await pusher.syncJson('/activities/push', { method: 'POST', body: [row] })) as {
            conflicts: unknown[];
            rejected: unknown[];
          };
          const pushed = performance.now() - started;
          if (answer.conflicts.length || answer.rejected.length)
            throw new Error(`push not accepted: ${JSON.stringify(answer)}`);
          const event = await received;
          if (i >= reps.warmup) pushSamples.push({ ms: pushed, rows: 1 });
          const doc = event.documents.find((d) => d.customerId === customerId)!;
          // The device got what the shared rules give on the stored documents plus the pushed activity, the
          // opportunities the recompute detects and stores with it included (bench/support/health-expectation.ts).
          const docs = org.docsOf(customer);
          const { health } = expectedHealth(
            { ...docs, activities: [...docs.activities, row.newDocumentState] },
            new Date(String(doc.computedAt)),
            TZ,
          );
          checkStreamedHealth(doc, health);
          return 1;
        },
      });
      const baseline = summarize("the same push's HTTP round trip", pushSamples, { baseline: true });
      return {
        tables: [
          {
            title: `health-follow · one activity, organization of ${size.toLocaleString('en-US')} customers`,
            measurements: [baseline, follow],
          },
        ],
        facts: [
          {
            label: 'path',
            value:
              'push commits → change feed → recompute-changed-health job (pg-boss, deduplicated per organization, ' +
              'starting SETTLE_SECONDS later) → read inputs, assess, write health under the organization lock → ' +
              'change feed → SSE stream',
          },
        ],
      };
    } finally {
      stream.close();
    }
  },
};

/** An NPS answer (a detractor's 0, or a promoter's 10 for a customer whose latest answer was low). */
function npsRow(org: HealthOrg, customer: number, userId: string) {
  const docs = org.docsOf(customer);
  const latest = [...docs.activities]
    .filter((a) => a.type === 'nps_response')
    .sort((a, b) => (a.occurredAt < b.occurredAt ? 1 : -1))[0]?.metadata.npsScore;
  const now = new Date().toISOString();
  const doc: Activity = {
    id: crypto.randomUUID(),
    updatedAt: now,
    serverSeq: 0,
    clientUpdatedAt: now,
    customerId: docs.customer.id,
    type: 'nps_response',
    title: 'Pesquisa NPS (benchmark)',
    description: null,
    performedBy: userId,
    performedByName: 'CSM 1',
    occurredAt: now,
    metadata: { npsScore: typeof latest === 'number' && latest <= 5 ? 10 : 0 },
    signalId: null,
    dueAt: null,
    completedAt: null,
    assignedTo: null,
    ticketId: null,
  };
  return { assumedMasterState: null, newDocumentState: { ...doc, _deleted: false } };
}

export const healthRecompute: Bench = {
  name: 'health-recompute',
  description:
    'nightly recompute of every customer (first run writes, second writes nothing) vs the pure rule over the same documents in memory (baseline)',
  environment: 'node',
  async run(ctx) {
    const demo = await demoServerFixture(ctx);
    const sizes = [...new Set(ctx.options.healthCustomers)].sort((a, b) => a - b);
    const largest = sizes[sizes.length - 1]!;
    for (const [index, size] of sizes.entries()) {
      // The largest organization is measured once: loading and recomputing it takes minutes.
      const reps = size === largest && sizes.length > 1 ? { warmup: 0, reps: 1 } : repetitionsOf(ctx.options);
      const org = await healthOrgFixture(ctx, demo, size, index + 1);
      ctx.log(`health-recompute: ${size.toLocaleString('en-US')} customers…`);
      const now = new Date();
      const clock = assessmentClock(now, TZ);
      const deps = {
        db: demo.db,
        // Its own feed: no device listens to this organization, and no recompute job is started by these writes.
        writer: createServerWriter({ db: demo.db, feed: createMemoryChangeFeed(), clock: () => now }),
        clock: () => now,
      };
      const firstBatch = Array.from({ length: Math.min(size, RECOMPUTE_BATCH_SIZE) }, (_, k) =>
        org.customerId(k),
      );
      const check = (what: string, s: RecomputeSummary, expected: Partial<RecomputeSummary>) => {
        for (const [key, value] of Object.entries(expected))
          if (s[key as keyof RecomputeSummary] !== value)
            throw new Error(
              `${what}: ${key} = ${s[key as keyof RecomputeSummary]}, expected ${value} (${JSON.stringify(s)})`,
            );
      };

      const baseline = await measure(reps, {
        label: 'pure rule in memory (assessCustomerAt)',
        baseline: true,
        note: 'the same documents, built in memory before the timer starts',
        setup: async () => Array.from({ length: size }, (_, k) => org.docsOf(k)),
        run: async (all) => {
          let scored = 0;
          for (const docs of all) if (assessCustomerAt(docs, DEFAULT_HEALTH_CONFIG, clock).health) scored++;
          if (scored === 0) throw new Error('the pure rule scored no customer');
          return all.length;
        },
      });
      const first = await measure(reps, {
        label: 'recompute, first run (every document and history row written)',
        setup: () => clearHealth(demo, org),
        // A light warm-up through the same path: one batch.
        warmup: () => recomputeCustomerHealth(deps, org.organizationId, firstBatch),
        run: async () => {
          const s = await recomputeOrganizationHealth(deps, org.organizationId);
          check('first run', s, { customers: size, written: size - s.noData, unchanged: 0, deferred: 0 });
          return s.customers;
        },
      });
      const again = await measure(reps, {
        label: 'recompute, second run the same day (nothing written)',
        warmup: () => recomputeCustomerHealth(deps, org.organizationId, firstBatch),
        run: async () => {
          const s = await recomputeOrganizationHealth(deps, org.organizationId);
          check('second run', s, { customers: size, written: 0, removed: 0, deferred: 0 });
          return s.customers;
        },
      });
      ctx.report({
        title: `health-recompute · ${size.toLocaleString('en-US')} customers (${reps.reps} run${reps.reps > 1 ? 's' : ''})`,
        measurements: [baseline, first, again],
      });
    }
    return {
      tables: [],
      facts: [
        {
          label: 'recompute batches',
          value:
            '250 customers: one read transaction (≈ 12 queries), one write transaction under the organization lock',
        },
      ],
    };
  },
};

/** Removes the organization's health documents and history (untimed), so the next run writes them all again. */
async function clearHealth(demo: DemoServer, org: HealthOrg): Promise<void> {
  await demo.db.privileged(async (c) => {
    await c.query('DELETE FROM health_history WHERE organization_id = $1', [org.organizationId]);
    await c.query('DELETE FROM health WHERE organization_id = $1', [org.organizationId]);
  });
}
