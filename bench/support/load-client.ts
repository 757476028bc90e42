import { Worker } from 'node:worker_threads';
import { z } from 'zod';

/**
 * The load generator of sync-load, in a worker thread of the bench's process: it signs in on its own and runs
 * jobs (every connection back to back for `seconds`), so the server's event loop serves requests instead of
 * also decompressing, parsing and checking their answers. Both threads share the machine's cores.
 *
 * Like wrk or autocannon it does not parse every body, but the work is still checked: every pull page's
 * documents are counted in its bytes (countPageDocuments) and must be the number asked for (or 1 to the page
 * size for a pull from a random checkpoint); every `parseEvery`-th page, and every page a push edits from, is
 * parsed and must hold exactly the documents counted, each with an id and a serverSeq; every push must come
 * back with nothing rejected. Health answers are read whole and must be 2xx.
 */
export const loadJobSchema = z.object({
  kind: z.enum(['health', 'mixed', 'big', 'ceiling']),
  connections: z.number().int().positive(),
  seconds: z.number().positive(),
  /** server_seq of every customer the load identity sees, ascending: pulls start after a random one. */
  seqs: z.array(z.number()),
  pageSize: z.number().int().positive(),
  pullsPerPush: z.number().int().positive(),
  parseEvery: z.number().int().positive(),
  /** The ceiling's route. */
  url: z.string().optional(),
});
export type LoadJob = z.infer<typeof loadJobSchema>;

export interface LoadResult {
  readonly requests: number;
  readonly errors: number;
  readonly conflicts: number;
  readonly seconds: number;
  /** Sorted, ms. */
  readonly latencies: readonly number[];
}

export type LoadWorkerMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'result'; readonly result: LoadResult }
  | { readonly type: 'failed'; readonly message: string };

const DELETED_KEY = Buffer.from('"_deleted"');
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const isJsonSpace = (byte: number | undefined) =>
  byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;

/**
 * Documents in a pull answer's bytes, without parsing it: each document has exactly one `_deleted` key (the
 * last key of every document the server sends, stored or built by SQL — mapper.ts `documentJsonSql`, whose
 * `json_build_object` writes `"_deleted" : false`; child elements have none). A key is `"_deleted"` followed by
 * optional whitespace and a colon; inside a string value the quotes would be escaped (`\"_deleted\"`), and a
 * string value `"_deleted"` is followed by `,`, `}` or `]`, so neither is counted. −1 if the bytes are not a
 * `{"documents":[` answer.
 */
export function countPageDocuments(bytes: Uint8Array): number {
  const body = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!body.subarray(0, 14).equals(Buffer.from('{"documents":['))) return -1;
  let count = 0;
  for (
    let at = body.indexOf(DELETED_KEY);
    at !== -1;
    at = body.indexOf(DELETED_KEY, at + DELETED_KEY.length)
  ) {
    if (body[at - 1] === BACKSLASH) continue;
    let next = at + DELETED_KEY.length;
    while (isJsonSpace(body[next])) next++;
    if (body[next] === COLON) count++;
  }
  return count;
}

export interface LoadClient {
  run(job: LoadJob): Promise<LoadResult>;
  close(): Promise<void>;
}

/** Starts the load client's thread, signed in as `email` at `origin`; jobs run one at a time. */
export async function startLoadClient(origin: string, email: string): Promise<LoadClient> {
  // The worker runs TypeScript like the rest of the bench: tsx's loader is registered in it first.
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./load-client-worker.ts', import.meta.url).href;
  const worker = new Worker(
    `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`,
    { eval: true, workerData: { origin, email } },
  );
  const next = () =>
    new Promise<LoadWorkerMessage>((resolve, reject) => {
      const onError = (error: Error) => reject(error);
      worker.once('error', onError);
      worker.once('message', (message: LoadWorkerMessage) => {
        worker.off('error', onError);
        resolve(message);
      });
    });
  const ready = await next();
  if (ready.type !== 'ready') throw new Error(`load client did not start: ${JSON.stringify(ready)}`);
  return {
    async run(job) {
      const answer = next();
      worker.postMessage(job);
      const message = await answer;
      if (message.type === 'failed') throw new Error(`load client: ${message.message}`);
      if (message.type !== 'result') throw new Error(`load client: unexpected ${message.type}`);
      return message.result;
    },
    async close() {
      await worker.terminate();
    },
  };
}
