import type { Customer } from '../../shared/entities/customer.ts';
import type { UserIdentity } from '../../shared/identity.ts';
import {
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  pushResponseSchema,
  pushRowForWire,
  type PushRow,
} from '../../sync/protocol.ts';
import { demoServerFixture, MARIA } from '../fixtures/demo-server.ts';
import { BenchSkipped, type Bench } from '../harness/bench.ts';
import type { Measurement } from '../harness/measure.ts';
import type { HttpSession } from '../support/http-session.ts';

/**
 * The server under concurrent load (issue 16, item 6), against the real PostgreSQL only (DATABASE_URL; the
 * embedded database has one connection and is not what serves load). For each `--load-connections` level,
 * every connection runs requests back to back for `--load-seconds` (after a one-second warm-up at the same
 * concurrency), over keep-alive HTTP (Node's fetch, undici):
 *   (a) baseline — `GET /api/health` (request handling plus one database probe, no sync work);
 *   (b) a CSM's devices syncing: four pulls of 90 customers (`/api/sync/customers/pull?limit=90` from a random
 *       checkpoint — the demo organization's whole portfolio is 90) for every push of one edited customer taken
 *       from the connection's last page (its assumed master state as pulled, so it is written unless another
 *       connection edited the same customer in between: those come back as conflicts, counted, not errors).
 * Before the levels, issue 16's "pull of 1,000 customers vs /api/health" at 10 connections: every request a
 * page of 1,000 customers from a random checkpoint (a device's first-sync page), next to health in the same run.
 * Reported per case: requests/s, p50 and p99 latency, errors (non-2xx answers or failed connections). Work is
 * checked: every pull page must hold documents, every push must come back with nothing rejected.
 * The load generator runs in the server's process (like every bench here), so it shares its CPU: the figures
 * are a floor of what a separate client would measure.
 */
const PULL_PAGE = 90;
const PULLS_PER_PUSH = 4;
/** Issue 16's "pull of 1,000 customers vs /api/health, 10 connections": a device's first-sync page. */
const BIG_PAGE = 1000;
const BIG_PULL_CONNECTIONS = 10;

export const syncLoad: Bench = {
  name: 'sync-load',
  description:
    'mixed pull/push over HTTP at 10/50/100 connections on PostgreSQL: req/s, p50/p99, errors vs GET /api/health (baseline)',
  environment: 'node',
  async run(ctx) {
    if (!process.env.DATABASE_URL)
      throw new BenchSkipped(
        'needs the real PostgreSQL: run with DATABASE_URL=postgres://… (the embedded database serves one connection)',
      );
    const demo = await demoServerFixture(ctx);
    const maria = await demo.signIn(MARIA);
    const identity: UserIdentity = {
      role: 'csm',
      organizationId: maria.user.organizationId,
      userId: maria.user.id,
      customerId: null,
    };
    const seqs = await customerSeqs(demo, identity);
    if (seqs.length < PULL_PAGE * 2) throw new Error(`only ${seqs.length} customers: use --customers ≥ 180`);
    const { loadConnections, loadSeconds } = ctx.options;
    let editCount = 0;

    const health = async () => {
      const res = await maria.fetch(`${maria.origin}/api/health`);
      await res.arrayBuffer();
      if (!res.ok) throw new HttpError(res.status);
    };

    /** One connection's device: pulls a random page, every fifth request pushes an edit of one of its rows. */
    const syncWorker = () => {
      let page: Customer[] = [];
      let n = 0;
      return async (): Promise<Outcome> => {
        n++;
        if (n % (PULLS_PER_PUSH + 1) === 0 && page.length > 0) {
          const master = page[Math.floor(Math.random() * page.length)]!;
          const row: PushRow = {
            assumedMasterState: { ...master, _deleted: false },
            newDocumentState: {
              ...master,
              notes: `Load ${editCount++}: ${master.name}`,
              clientUpdatedAt: new Date().toISOString(),
              _deleted: false,
            },
          };
          const answer = pushResponseSchema.parse(
            await syncRequest(maria, '/customers/push', [pushRowForWire(row)]),
          );
          if (answer.rejected.length > 0)
            throw new Error(`push rejected: ${answer.rejected[0]!.code} ${answer.rejected[0]!.message}`);
          page = page.filter((c) => c.id !== master.id); // its master changed; don't edit it again from here
          return answer.conflicts.length > 0 ? 'conflict' : 'ok';
        }
        const after = seqs[Math.floor(Math.random() * (seqs.length - PULL_PAGE))]!;
        const query = new URLSearchParams({
          limit: String(PULL_PAGE),
          checkpoint: JSON.stringify({ seq: after }),
        });
        const body = (await syncRequest(maria, `/customers/pull?${query}`)) as { documents: Customer[] };
        if (body.documents.length === 0) throw new Error(`a pull after seq ${after} came back empty`);
        page = body.documents;
        return 'ok';
      };
    };

    /** A device's first sync: a page of 1,000 customers from a random checkpoint (≈ 3.6 MB of JSON). */
    const bigPull = async () => {
      const after = seqs[Math.floor(Math.random() * (seqs.length - BIG_PAGE))]!;
      const query = new URLSearchParams({
        limit: String(BIG_PAGE),
        checkpoint: JSON.stringify({ seq: after }),
      });
      const body = (await syncRequest(maria, `/customers/pull?${query}`)) as { documents: unknown[] };
      if (body.documents.length !== BIG_PAGE)
        throw new Error(`a pull of ${BIG_PAGE} after seq ${after} gave ${body.documents.length}`);
    };
    if (seqs.length >= BIG_PAGE * 2) {
      ctx.log(`sync-load: pulls of ${BIG_PAGE} customers, ${BIG_PULL_CONNECTIONS} connections…`);
      await drive(BIG_PULL_CONNECTIONS, 1, () => health);
      const baseline = await drive(BIG_PULL_CONNECTIONS, loadSeconds, () => health);
      await drive(BIG_PULL_CONNECTIONS, 1, () => bigPull);
      const pulls = await drive(BIG_PULL_CONNECTIONS, loadSeconds, () => bigPull);
      ctx.report({
        title: `sync-load · pull of ${BIG_PAGE.toLocaleString('en-US')} customers, ${BIG_PULL_CONNECTIONS} connections, ${loadSeconds} s per case (PostgreSQL, ${seqs.length.toLocaleString('en-US')} customers)`,
        measurements: [
          asMeasurement(`GET /api/health, ${latencies(baseline)}`, true, baseline),
          asMeasurement(`pull of ${BIG_PAGE} customers, ${latencies(pulls)}`, false, pulls),
        ],
      });
    } else ctx.log(`sync-load: fewer than ${BIG_PAGE * 2} customers, no pull of ${BIG_PAGE}`);

    for (const connections of loadConnections) {
      ctx.log(`sync-load: ${connections} connections, ${loadSeconds} s per case…`);
      await drive(connections, 1, () => health);
      const baseline = await drive(connections, loadSeconds, () => health);
      await drive(connections, 1, syncWorker);
      const mixed = await drive(connections, loadSeconds, syncWorker);
      ctx.report({
        title: `sync-load · ${connections} connections, ${loadSeconds} s per case (PostgreSQL, ${seqs.length.toLocaleString('en-US')} customers)`,
        measurements: [
          asMeasurement(`GET /api/health, ${latencies(baseline)}`, true, baseline),
          asMeasurement(
            `${PULLS_PER_PUSH} pulls of ${PULL_PAGE} : 1 push of 1, ${latencies(mixed)}`,
            false,
            mixed,
          ),
        ],
      });
    }
    return {
      tables: [],
      facts: [
        { label: 'load identity', value: 'maria (csm), one session shared by every connection' },
        {
          label: 'load client',
          value: 'Node fetch (undici, keep-alive) in the server process: it shares the CPU with the server',
        },
      ],
    };
  },
};

type Outcome = 'ok' | 'conflict';

class HttpError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

async function syncRequest(session: HttpSession, path: string, body?: unknown): Promise<unknown> {
  const res = await session.fetch(`${session.origin}/api/sync${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) {
    await res.arrayBuffer();
    throw new HttpError(res.status);
  }
  return res.json();
}

interface LoadResult {
  readonly requests: number;
  readonly errors: number;
  readonly conflicts: number;
  readonly seconds: number;
  /** Sorted, ms. */
  readonly latencies: readonly number[];
}

/**
 * `connections` workers, each sending its next request as soon as the previous answered, until `seconds` have
 * passed. An HTTP error or a failed connection counts as an error and the worker goes on; any other exception
 * (wrong work) stops the bench.
 */
async function drive(
  connections: number,
  seconds: number,
  worker: () => () => Promise<Outcome | void>,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let conflicts = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      const next = worker();
      while (performance.now() < deadline) {
        const t = performance.now();
        try {
          if ((await next()) === 'conflict') conflicts++;
        } catch (error) {
          if (!(error instanceof HttpError) && !(error instanceof TypeError)) throw error; // TypeError: fetch failed
          errors++;
        }
        latencies.push(performance.now() - t);
      }
    }),
  );
  return {
    requests: latencies.length,
    errors,
    conflicts,
    seconds: (performance.now() - started) / 1000,
    latencies: latencies.sort((a, b) => a - b),
  };
}

const percentile = (sorted: readonly number[], p: number) =>
  sorted.length === 0
    ? Number.NaN
    : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

const latencies = (r: LoadResult) =>
  `p50 ${percentile(r.latencies, 50).toFixed(1)} ms, p99 ${percentile(r.latencies, 99).toFixed(1)} ms, ` +
  `${r.errors} errors${r.conflicts ? `, ${r.conflicts} conflicts` : ''}`;

/** One fixed-duration case as a table row: rows = requests answered, rows/s = requests/s. */
function asMeasurement(label: string, baseline: boolean, r: LoadResult): Measurement {
  const ms = r.seconds * 1000;
  return {
    label,
    baseline,
    samples: [{ ms, rows: r.requests }],
    rows: r.requests,
    medianMs: ms,
    minMs: ms,
    maxMs: ms,
    rowsPerSecond: r.requests / r.seconds,
    load: { p50Ms: percentile(r.latencies, 50), p99Ms: percentile(r.latencies, 99), errors: r.errors },
  };
}

async function customerSeqs(
  demo: Awaited<ReturnType<typeof demoServerFixture>>,
  identity: UserIdentity,
): Promise<number[]> {
  const { rows } = await demo.db.withIdentity(identity, (c) =>
    c.query<{ seq: number }>(
      'SELECT server_seq AS seq FROM customers WHERE organization_id = $1 AND NOT deleted ORDER BY server_seq',
      [identity.organizationId],
    ),
  );
  return rows.map((r) => r.seq);
}
