import { parentPort, workerData } from 'node:worker_threads';
import { z } from 'zod';
import { DEMO_PASSWORD } from '../../server/seed/index.ts';
import {
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  pushResponseSchema,
  pushRowForWire,
  type PushRow,
} from '../../sync/protocol.ts';
import { signIn, type HttpSession } from './http-session.ts';
import {
  countPageDocuments,
  loadJobSchema,
  type LoadJob,
  type LoadResult,
  type LoadWorkerMessage,
} from './load-client.ts';

/**
 * The load client's thread (bench/support/load-client.ts): it signs in once and runs each job it is sent, so the
 * requests, the decompression of their answers and their checks run outside the server's event loop. The two
 * still share the machine's cores (that is what `top` shows as one Node process).
 */
const init = z.object({ origin: z.string(), email: z.string() }).parse(workerData);
const port = parentPort!;

const session = await signIn(init.origin, init.email, DEMO_PASSWORD);
port.postMessage({ type: 'ready' } satisfies LoadWorkerMessage);
port.on('message', (raw: unknown) => {
  const job = loadJobSchema.parse(raw);
  drive(job, requestOf(session, job)).then(
    (result) => port.postMessage({ type: 'result', result } satisfies LoadWorkerMessage),
    (error: unknown) =>
      port.postMessage({
        type: 'failed',
        message: error instanceof Error ? (error.stack ?? error.message) : String(error),
      } satisfies LoadWorkerMessage),
  );
});

type Outcome = 'ok' | 'conflict';

class HttpError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

/** The customer fields a push edits; the rest of the document is sent back as pulled. */
const pulledCustomerSchema = z.looseObject({ id: z.string(), name: z.string(), serverSeq: z.number() });
type PulledCustomer = z.infer<typeof pulledCustomerSchema>;
const pageSchema = z.object({ documents: z.array(pulledCustomerSchema), checkpoint: z.unknown() });

/**
 * A pull page's bytes, checked: it is a `{"documents":[…` answer whose document count (counted in the bytes,
 * not parsed — countPageDocuments) is `exactly` or, without it, between 1 and `atMost`; and when `parse` is set
 * it is parsed too and must hold that many documents, each with an id and a serverSeq.
 */
function checkPage(
  bytes: Uint8Array,
  what: string,
  expect: { exactly?: number; atMost: number },
  parse: boolean,
): PulledCustomer[] | null {
  const count = countPageDocuments(bytes);
  const ok = expect.exactly !== undefined ? count === expect.exactly : count >= 1 && count <= expect.atMost;
  if (!ok)
    throw new Error(`${what}: ${count} documents (expected ${expect.exactly ?? `1–${expect.atMost}`})`);
  if (!parse) return null;
  const page = pageSchema.parse(JSON.parse(Buffer.from(bytes).toString('utf8')));
  if (page.documents.length !== count)
    throw new Error(`${what}: parsed ${page.documents.length} documents, counted ${count}`);
  return page.documents;
}

async function get(session: HttpSession, url: string, sync: boolean): Promise<Uint8Array> {
  const res = await session.fetch(url, {
    headers: sync ? { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) } : {},
  });
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (!res.ok) throw new HttpError(res.status);
  return bytes;
}

/** One connection's request maker for `job` (each connection gets its own: a device's page is its own). */
function requestOf(session: HttpSession, job: LoadJob): () => () => Promise<Outcome> {
  const api = `${session.origin}/api`;
  const randomAfter = (pageSize: number) =>
    job.seqs[Math.floor(Math.random() * (job.seqs.length - pageSize))]!;
  const pullUrl = (after: number, limit: number) =>
    `${api}/sync/customers/pull?${new URLSearchParams({ limit: String(limit), checkpoint: JSON.stringify({ seq: after }) })}`;
  switch (job.kind) {
    case 'health':
      return () => async () => {
        await get(session, `${api}/health`, false);
        return 'ok';
      };
    case 'ceiling':
      // A fixed body served by a trivial route (job.url): checked like a pull page, parsed as often.
      return () => {
        let n = 0;
        return async () => {
          const bytes = await get(session, job.url!, false);
          checkPage(
            bytes,
            'ceiling',
            { exactly: job.pageSize, atMost: job.pageSize },
            n++ % job.parseEvery === 0,
          );
          return 'ok';
        };
      };
    case 'big':
      return () => {
        let n = 0;
        return async () => {
          const after = randomAfter(job.pageSize);
          const bytes = await get(session, pullUrl(after, job.pageSize), true);
          const what = `a pull of ${job.pageSize} after seq ${after}`;
          checkPage(bytes, what, { exactly: job.pageSize, atMost: job.pageSize }, n++ % job.parseEvery === 0);
          return 'ok';
        };
      };
    case 'mixed':
      return () => {
        let page: PulledCustomer[] = [];
        let n = 0;
        let edits = 0;
        return async () => {
          n++;
          if (n % (job.pullsPerPush + 1) === 0 && page.length > 0) {
            const master = page[Math.floor(Math.random() * page.length)]!;
            const row: PushRow = {
              assumedMasterState: { ...master, _deleted: false },
              newDocumentState: {
                ...master,
                notes: `Load ${edits++}: ${master.name}`,
                clientUpdatedAt: new Date().toISOString(),
                _deleted: false,
              },
            };
            const res = await session.fetch(`${api}/sync/customers/push`, {
              method: 'POST',
              headers: { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION), 'content-type': 'application/json' },
              body: JSON.stringify([pushRowForWire(row)]),
            });
            if (!res.ok) {
              await res.arrayBuffer();
              throw new HttpError(res.status);
            }
            const answer = pushResponseSchema.parse(await res.json());
            if (answer.rejected.length > 0)
              throw new Error(`push rejected: ${answer.rejected[0]!.code} ${answer.rejected[0]!.message}`);
            page = page.filter((c) => c.id !== master.id); // its master changed; don't edit it again from here
            return answer.conflicts.length > 0 ? 'conflict' : 'ok';
          }
          const after = randomAfter(job.pageSize);
          const bytes = await get(session, pullUrl(after, job.pageSize), true);
          // The page the next push edits from is parsed (it needs a document), and every parseEvery-th besides.
          const parse = (n + 1) % (job.pullsPerPush + 1) === 0 || n % job.parseEvery === 0;
          const parsed = checkPage(bytes, `a pull after seq ${after}`, { atMost: job.pageSize }, parse);
          if (parsed) page = parsed;
          return 'ok';
        };
      };
  }
}

/**
 * `job.connections` workers, each sending its next request as soon as the previous answered, until
 * `job.seconds` have passed. An HTTP error or a failed connection counts as an error and the worker goes on;
 * any other exception (wrong work) fails the job.
 */
async function drive(job: LoadJob, worker: () => () => Promise<Outcome>): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let conflicts = 0;
  const started = performance.now();
  const deadline = started + job.seconds * 1000;
  await Promise.all(
    Array.from({ length: job.connections }, async () => {
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
