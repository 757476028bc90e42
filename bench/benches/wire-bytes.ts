import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { collectionsForRole, type CollectionName } from '../../shared/collections/index.ts';
import { testConfig } from '../../server/config.ts';
import { createTestDatabase } from '../../server/db/testing.ts';
import { createLogger } from '../../server/logger.ts';
import { startServer } from '../../server/main.ts';
import { DEMO_PASSWORD, seedDemoData } from '../../server/seed/index.ts';
import { PROTOCOL_HEADER, PROTOCOL_VERSION, PULL_LIMIT_MAX } from '../../sync/protocol.ts';
import type { Bench, BenchContext } from '../harness/bench.ts';
import { measure, type Measurement } from '../harness/measure.ts';
import { repetitionsOf } from '../harness/bench.ts';

/**
 * Bytes on the wire of an admin's first sync (issue 16): the demo organization exactly as `npm start` seeds it
 * (≈ 90 customers, every collection), the admin signed in, every collection of the role pulled from an empty
 * checkpoint in the app's pull batch (PULL_LIMIT_MAX, sync/client/replicate.ts) until caught up — over a real socket,
 * counting the response bodies as they arrive, before any decoding:
 *   (a) baseline: no `Accept-Encoding` (what every response was before compression);
 *   (b) `Accept-Encoding: gzip`;
 *   (c) `Accept-Encoding: gzip, deflate, br` (what Chromium sends; the server answers brotli).
 * The table's times are the whole first sync on loopback (so they show the server's compression cost, not
 * the transfer time a weak network would save); the wire bytes and their share of (a) are in each row's note.
 * Every run decodes every page, parses it and checks the same document count as the baseline.
 */
/** The app's page after its first (sync/client/replicate.ts `pullBatchSize`). */
const BATCH = PULL_LIMIT_MAX;
const ADMIN = 'admin@arco.example';

interface Origin {
  readonly host: string;
  readonly port: number;
}

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  /** As received: compressed when the server compressed it. */
  readonly wire: Buffer;
}

function call(
  origin: Origin,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: origin.host,
        port: origin.port,
        path,
        method: options.method ?? 'GET',
        headers: options.headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, wire: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

function decode(answer: Answer): Buffer {
  const coding = answer.headers['content-encoding'];
  if (coding === 'br') return brotliDecompressSync(answer.wire);
  if (coding === 'gzip') return gunzipSync(answer.wire);
  if (coding === undefined) return answer.wire;
  throw new Error(`unexpected Content-Encoding ${String(coding)}`);
}

async function signInCookie(origin: Origin, base: string): Promise<string> {
  const res = await call(origin, '/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ email: ADMIN, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in as ${ADMIN} failed: ${res.status}`);
  const set = res.headers['set-cookie'] ?? [];
  return (Array.isArray(set) ? set : [set]).map((c) => c.split(';')[0]).join('; ');
}

interface SyncBytes {
  documents: number;
  wire: number;
  json: number;
  requests: number;
  codings: Set<string>;
}

async function firstSync(
  origin: Origin,
  cookie: string,
  collections: readonly CollectionName[],
  acceptEncoding: string | null,
): Promise<SyncBytes> {
  const out: SyncBytes = { documents: 0, wire: 0, json: 0, requests: 0, codings: new Set() };
  for (const collection of collections) {
    let checkpoint: unknown = null;
    for (;;) {
      const query = new URLSearchParams({ limit: String(BATCH) });
      if (checkpoint) query.set('checkpoint', JSON.stringify(checkpoint));
      const res = await call(origin, `/api/sync/${collection}/pull?${query}`, {
        headers: {
          cookie,
          [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
          ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}),
        },
      });
      if (res.status !== 200) throw new Error(`pull ${collection}: ${res.status} ${res.wire.toString()}`);
      const json = decode(res);
      const page = JSON.parse(json.toString()) as { documents: unknown[]; checkpoint: unknown };
      out.requests += 1;
      out.wire += res.wire.length;
      out.json += json.length;
      out.documents += page.documents.length;
      out.codings.add(String(res.headers['content-encoding'] ?? 'identity'));
      if (page.documents.length < BATCH) break;
      checkpoint = page.checkpoint;
    }
  }
  return out;
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;

async function demoServer(ctx: BenchContext) {
  return ctx.fixtures.get('wire-bytes-demo-server', async () => {
    ctx.log('wire-bytes: seeding the demo organization (as `npm start` does) into a fresh database…');
    const started = performance.now();
    const test = await createTestDatabase();
    try {
      await seedDemoData(test.db, { log: (m) => ctx.log(`  seed: ${m}`) });
      ctx.runFact(
        'demo organization (wire-bytes)',
        `created, migrated and seeded in ${((performance.now() - started) / 1000).toFixed(1)} s (${test.kind})`,
      );
      const server = await startServer({
        config: testConfig({ port: 0, host: '127.0.0.1', trustProxy: 0, verifyStoredJson: false }),
        logger: createLogger({ level: 'silent' }),
        db: test.db,
        seed: false,
        staticRoot: null,
      });
      return {
        value: server.url,
        async dispose() {
          await server.close();
          await test.close();
        },
      };
    } catch (error) {
      await test.close();
      throw error;
    }
  });
}

export const wireBytes: Bench = {
  name: 'wire-bytes',
  description:
    "bytes on the wire of an admin's first sync of the demo organization: uncompressed (baseline) vs gzip vs brotli",
  environment: 'node',
  async run(ctx) {
    const base = await demoServer(ctx);
    const url = new URL(base);
    const origin: Origin = { host: url.hostname, port: Number(url.port) };
    const cookie = await signInCookie(origin, base);
    const collections = collectionsForRole('admin');
    const reps = repetitionsOf(ctx.options);

    const cases = [
      { label: 'no Accept-Encoding (uncompressed)', accept: null, baseline: true },
      { label: 'Accept-Encoding: gzip', accept: 'gzip', baseline: false },
      { label: 'Accept-Encoding: gzip, deflate, br', accept: 'gzip, deflate, br', baseline: false },
    ] as const;
    const figures: SyncBytes[] = [];
    const measurements: Measurement[] = [];
    for (const c of cases) {
      let last: SyncBytes | null = null;
      const m = await measure(reps, {
        label: c.label,
        baseline: c.baseline,
        run: async () => {
          last = await firstSync(origin, cookie, collections, c.accept);
          return last.documents;
        },
      });
      const got = last as SyncBytes | null;
      if (!got) throw new Error('no run measured');
      if (figures[0] && got.documents !== figures[0].documents)
        throw new Error(
          `${c.label}: ${got.documents} documents, the baseline pulled ${figures[0].documents}`,
        );
      if (figures[0] && got.json !== figures[0].json)
        throw new Error(`${c.label}: the decoded JSON differs in size from the baseline's`);
      const expected = c.accept === null ? 'identity' : c.accept === 'gzip' ? 'gzip' : 'br';
      if (![...got.codings].every((coding) => coding === expected || coding === 'identity'))
        throw new Error(`${c.label}: answered with ${[...got.codings].join(', ')}`);
      figures.push(got);
      const share = figures[0] ? got.wire / figures[0].wire : 1;
      measurements.push({
        ...m,
        note: `${mb(got.wire)} on the wire (${(share * 100).toFixed(1)} % of uncompressed) in ${got.requests} pulls`,
      });
    }
    const [plain, gzip, br] = figures as [SyncBytes, SyncBytes, SyncBytes];
    return {
      tables: [
        {
          title: `wire-bytes · an admin's first sync, demo organization (${plain.documents.toLocaleString('en-US')} documents in ${collections.length} collections, pull batch ${BATCH})`,
          measurements,
        },
      ],
      facts: [
        {
          label: 'first sync on the wire',
          value: `${mb(plain.wire)} uncompressed → ${mb(gzip.wire)} gzip (${(plain.wire / gzip.wire).toFixed(1)}× smaller) → ${mb(br.wire)} brotli (${(plain.wire / br.wire).toFixed(1)}× smaller)`,
        },
      ],
    };
  },
};
