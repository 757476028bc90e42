import { constants, brotliCompressSync, gzipSync } from 'node:zlib';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { compressResponses, negotiateEncoding } from '../../server/http/compression.ts';
import type { UserIdentity } from '../../shared/identity.ts';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../sync/protocol.ts';
import { demoServerFixture, MARIA } from '../fixtures/demo-server.ts';
import { BenchSkipped, type Bench } from '../harness/bench.ts';
import type { Measurement } from '../harness/measure.ts';
import { ceilingLabel } from '../harness/report.ts';
import type { HttpSession } from '../support/http-session.ts';
import { startLoadClient, type LoadJob, type LoadResult } from '../support/load-client.ts';

/**
 * The server under concurrent load (issue 16, item 6), against the real PostgreSQL only (DATABASE_URL; the
 * embedded database has one connection and is not what serves load). For each `--load-connections` level,
 * every connection runs requests back to back for `--load-seconds` (after a one-second warm-up at the same
 * concurrency), over keep-alive HTTP (Node's fetch, undici):
 *   (a) baseline — `GET /api/health` (request handling plus one database probe, no sync work);
 *   (b) a CSM's devices syncing: four pulls of 90 customers (`/api/sync/customers/pull?limit=90` from a random
 *       checkpoint — the demo organization's whole portfolio is 90) for every push of one edited customer taken
 *       from the connection's last page (its assumed master state as pulled, so it is written unless another
 *       connection edited the same customer in between: those come back as conflicts, counted, not errors);
 *   (c) not a comparison — the ceiling: the same connections fetching one fixed, already compressed body (a
 *       real 90-customer page, compressed once as the server would) from a trivial route of a bare Hono server
 *       in the same process (no middleware, no session, no database, no compression per request): what this
 *       box serves at all for a body of that size, client included;
 *   (d) not a comparison either — the ceiling of any server that compresses each answer: the same page's JSON
 *       from a trivial route through the app's own compression middleware (server/http/compression.ts), so
 *       per request it is compressed as the server compresses a pull page, and nothing else is done.
 * Before the levels, issue 16's "pull of 1,000 customers vs /api/health" at 10 connections: every request a
 * page of 1,000 customers from a random checkpoint (a device's first-sync page), next to health in the same
 * run, with its two ceilings (a fixed 1,000-customer page, precompressed and compressed per request).
 * Reported per case: requests/s, p50 and p99 latency, errors (non-2xx answers or failed connections).
 *
 * The load client (bench/support/load-client.ts) runs in a worker thread, not on the server's event loop, and
 * checks the work the way a load tool can afford to, the same for every case: every pull page's documents are
 * counted in its bytes and must be 1–90 (1,000 exactly for the big pulls and the ceilings); every tenth page and
 * every page a push edits from is parsed and must hold the documents counted; every push must come back with
 * nothing rejected; every answer (health included) is read whole and decompressed, and must be 2xx. Node's
 * fetch asks for `gzip, deflate` over plain http, so the server answers gzip (level 6), not brotli; the run's
 * facts say which coding the ceiling route saw.
 */
const PULL_PAGE = 90;
const PULLS_PER_PUSH = 4;
/** Issue 16's "pull of 1,000 customers vs /api/health": a device's first-sync page. */
const BIG_PAGE = 1000;
const BIG_PULL_CONNECTIONS = 10;
/** Every n-th pull page is parsed whole (besides the pages pushes edit from). */
const PARSE_EVERY = 10;

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
    const client = await startLoadClient(maria.origin, MARIA);
    const ceiling = await startCeiling();
    try {
      const job = (
        kind: LoadJob['kind'],
        connections: number,
        seconds: number,
        extra: Partial<LoadJob> = {},
      ) =>
        client.run({
          kind,
          connections,
          seconds,
          seqs,
          pageSize: PULL_PAGE,
          pullsPerPush: PULLS_PER_PUSH,
          parseEvery: PARSE_EVERY,
          ...extra,
        });
      /** Warm-up (1 s, discarded), then the measured run. */
      const measured = async (...args: Parameters<typeof job>) => {
        await job(args[0], args[1], 1, args[3]);
        return job(...args);
      };
      /** A table's two ceilings for pages of `size` at `connections`: precompressed, then compressed per request. */
      const ceilingRows = async (
        connections: number,
        size: number,
        body: CeilingBody,
      ): Promise<Measurement[]> => {
        const top = await measured('ceiling', connections, loadSeconds, { pageSize: size, url: body.url });
        const fresh = await measured('ceiling', connections, loadSeconds, {
          pageSize: size,
          url: body.freshUrl,
        });
        return [
          asMeasurement(
            ceilingLabel(
              'precompressed',
              `a fixed compressed ${size}-customer page, trivial route, ${latencies(top)}`,
            ),
            false,
            top,
          ),
          asMeasurement(
            ceilingLabel(
              'compressed per request',
              `the same page from a trivial route through the app's compression, ${latencies(fresh)}`,
            ),
            false,
            fresh,
          ),
        ];
      };
      const sizes: string[] = [];
      const ceilingOf = async (size: number) => {
        const body = await ceiling.serve(await rawPage(maria, seqs, size));
        sizes.push(
          `${size} customers: ${kilobytes(body.raw)} JSON, ${kilobytes(body.gzip)} gzip, ${kilobytes(body.br)} brotli`,
        );
        return body;
      };

      if (seqs.length >= BIG_PAGE * 2) {
        ctx.log(`sync-load: pulls of ${BIG_PAGE} customers, ${BIG_PULL_CONNECTIONS} connections…`);
        const body = await ceilingOf(BIG_PAGE);
        const baseline = await measured('health', BIG_PULL_CONNECTIONS, loadSeconds);
        const pulls = await measured('big', BIG_PULL_CONNECTIONS, loadSeconds, { pageSize: BIG_PAGE });
        const ceilings = await ceilingRows(BIG_PULL_CONNECTIONS, BIG_PAGE, body);
        ctx.report({
          title: `sync-load · pull of ${BIG_PAGE.toLocaleString('en-US')} customers, ${BIG_PULL_CONNECTIONS} connections, ${loadSeconds} s per case (PostgreSQL, ${seqs.length.toLocaleString('en-US')} customers)`,
          measurements: [
            asMeasurement(`GET /api/health, ${latencies(baseline)}`, true, baseline),
            asMeasurement(`pull of ${BIG_PAGE} customers, ${latencies(pulls)}`, false, pulls),
            ...ceilings,
          ],
        });
      } else ctx.log(`sync-load: fewer than ${BIG_PAGE * 2} customers, no pull of ${BIG_PAGE}`);

      const body = await ceilingOf(PULL_PAGE);
      for (const connections of loadConnections) {
        ctx.log(`sync-load: ${connections} connections, ${loadSeconds} s per case…`);
        const baseline = await measured('health', connections, loadSeconds);
        const mixed = await measured('mixed', connections, loadSeconds);
        const ceilings = await ceilingRows(connections, PULL_PAGE, body);
        ctx.report({
          title: `sync-load · ${connections} connections, ${loadSeconds} s per case (PostgreSQL, ${seqs.length.toLocaleString('en-US')} customers)`,
          measurements: [
            asMeasurement(`GET /api/health, ${latencies(baseline)}`, true, baseline),
            asMeasurement(
              `${PULLS_PER_PUSH} pulls of ${PULL_PAGE} : 1 push of 1, ${latencies(mixed)}`,
              false,
              mixed,
            ),
            ...ceilings,
          ],
        });
      }
      return {
        tables: [],
        facts: [
          { label: 'load identity', value: 'maria (csm), one session shared by every connection' },
          {
            label: 'load client',
            value: `Node fetch (undici, keep-alive) in a worker thread of the server's process (own event loop, same 2 cores); pages counted in their bytes, one in ${PARSE_EVERY} and every page a push edits from parsed`,
          },
          { label: 'content coding', value: `the ceiling route was asked for "${ceiling.acceptEncoding()}"` },
          { label: 'ceiling bodies', value: sizes.join('; ') },
        ],
      };
    } finally {
      await client.close();
      await ceiling.close();
    }
  },
};

type CeilingBody = Awaited<ReturnType<Awaited<ReturnType<typeof startCeiling>>['serve']>>;

const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** A real pull page of `size` customers from the first checkpoint, uncompressed. */
async function rawPage(session: HttpSession, seqs: readonly number[], size: number): Promise<Buffer> {
  const query = new URLSearchParams({
    limit: String(size),
    checkpoint: JSON.stringify({ seq: seqs[0]! - 1 }),
  });
  const res = await session.fetch(`${session.origin}/api/sync/customers/pull?${query}`, {
    headers: { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION), 'accept-encoding': 'identity' },
  });
  if (!res.ok || res.headers.get('content-encoding')) throw new Error(`ceiling page: ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}

/**
 * The ceiling's server: a bare Hono app on @hono/node-server (what serves the app), on the server's event loop,
 * answering each fixed body precompressed in the coding the request negotiates (brotli quality 4 or gzip 6,
 * the server's own settings), with its length.
 */
async function startCeiling() {
  const bodies = new Map<string, { br: Uint8Array<ArrayBuffer>; gzip: Uint8Array<ArrayBuffer> }>();
  /** Each body as the JSON text a pull route hands to the middleware. */
  const raw = new Map<string, string>();
  let seen = '';
  let closeServer = (): Promise<void> => Promise.resolve();
  const app = new Hono();
  // The same page as the server would answer it from its own JSON: compressed per request by the app's own
  // middleware (same coding, levels and threadpool path). The ceiling of any server that compresses each answer.
  app.get('/fresh/:name', compressResponses(), (c) => {
    const body = raw.get(c.req.param('name'));
    if (body === undefined) return c.notFound();
    return c.body(body, 200, { 'Content-Type': 'application/json' });
  });
  app.get('/page/:name', (c) => {
    const body = bodies.get(c.req.param('name'));
    if (!body) return c.notFound();
    seen ||= c.req.header('accept-encoding') ?? '';
    const coding = negotiateEncoding(c.req.header('accept-encoding'));
    if (coding === null) return c.text('ask for br or gzip', 406);
    return c.body(body[coding], 200, {
      'Content-Type': 'application/json',
      'Content-Encoding': coding,
      'Content-Length': String(body[coding].byteLength),
    });
  });
  const origin = await new Promise<string>((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
      resolve(`http://127.0.0.1:${info.port}`);
    });
    closeServer = () => new Promise<void>((done) => server.close(() => done()));
  });
  return {
    async serve(json: Buffer) {
      const name = String(bodies.size);
      const br = brotliCompressSync(json, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 4,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: json.byteLength,
        },
      });
      const gzip = gzipSync(json, { level: 6 });
      bodies.set(name, { br: new Uint8Array(br), gzip: new Uint8Array(gzip) });
      raw.set(name, json.toString('utf8'));
      return {
        url: `${origin}/page/${name}`,
        freshUrl: `${origin}/fresh/${name}`,
        raw: json.byteLength,
        br: br.byteLength,
        gzip: gzip.byteLength,
      };
    },
    acceptEncoding: () => seen,
    close: () => closeServer(),
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
