import { Subject } from 'rxjs';
import { z } from 'zod';
import type { RxCollection, RxReplicationPullStreamItem, WithDeleted } from 'rxdb';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import type { CollectionName } from '../../shared/collections/index.ts';
import type { PlainObject } from '../documents.ts';
import type { AckedWrites } from './acked-writes.ts';
import { noticesFromPush, type ConflictNoticeStore } from './conflict-notices.ts';
import type { Outbox } from './outbox.ts';
import type { SyncEvent } from './status.ts';
import { pushInPieces } from './push-pieces.ts';
import { openSse } from './sse.ts';
import {
  errorResponseSchema,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  PULL_LIMIT_MAX,
  PUSH_BATCH_ROWS,
  PUSH_ROWS_ANY_SERVER,
  parsePullResponse,
  pushResponseSchema,
  pushRowForWire,
  type SyncErrorReason,
} from '../protocol.ts';

/**
 * Wires RxDB replication of every collection of the signed-in user's role to the Arco server (docs/sync-protocol.md):
 * pull pages by opaque checkpoint, push batches returning conflicts and rejections, and one SSE stream for all
 * collections that nudges live pulls (`RESYNC` on every (re)connect).
 *
 * The UI never waits on this: everything reads from the local database; status goes out through `dispatch`.
 */
export interface SyncTransport {
  /** '' in the browser (same origin); `http://127.0.0.1:port` in Node tests. */
  readonly baseUrl: string;
  readonly fetch: typeof fetch;
}

export interface SyncDeps {
  readonly collections: Readonly<Record<string, RxCollection>>;
  /** Namespaces the stored checkpoints: a different user on the same device starts from scratch. */
  readonly userId: string;
  readonly transport: SyncTransport;
  readonly outbox: Outbox;
  /** Where a write that lost a conflict merge is told to its author (conflict-notices.ts); none in some tests. */
  readonly notices?: ConflictNoticeStore;
  /** This device's recently accepted writes, to recognise a concurrent write that beat them on pull. */
  readonly ackedWrites?: AckedWrites;
  readonly now: () => Date;
  readonly dispatch: (event: SyncEvent) => void;
  readonly setTimeout: (fn: () => void, ms: number) => unknown;
  readonly clearTimeout: (handle: unknown) => void;
  /**
   * Documents per pull page after the first. Default the server's maximum (PULL_LIMIT_MAX): a first sync is a
   * chain of pages, each a round trip plus RxDB's per-page work (four storage reads and two writes, change
   * events), so fewer, larger pages finish sooner (issue 16: 1000 against 500, side by side, −18 % to full
   * first sync for the demo organization, −7 % at 10,000 customers).
   */
  readonly pullBatchSize?: number;
  /**
   * Documents in a collection's very first page (an empty device): the customer list shows rows once that page
   * is stored, and the server answers a small page long before a full one. The pages after it are full
   * (`pullBatchSize`). Default 50, a screenful.
   */
  readonly firstPullLimit?: number;
  /**
   * Documents per push. Default `PUSH_BATCH_ROWS` (sync/protocol.ts); a server that refuses a batch for its size
   * (413) gets the same rows again in smaller pushes (`pushInPieces`).
   */
  readonly pushBatchSize?: number;
  readonly retryTimeMs?: number;
  /** Tests run one tab per "device"; browsers elect a leader among tabs. */
  readonly waitForLeadership?: boolean;
  /**
   * Progressive first sync: these collections replicate first; the others' replications are created once
   * these caught up, or after `priorityHeadStartMs` at the latest (an offline or failing priority collection
   * never starves the rest). Default: all at once.
   */
  readonly priority?: readonly string[];
  readonly priorityHeadStartMs?: number;
}

export interface SyncHandle {
  readonly states: Readonly<Record<string, RxReplicationState<unknown, unknown>>>;
  /** Pull everything newer than each checkpoint now (e.g. after signing in again or coming back online). */
  reSync(): void;
  /**
   * The device's network just came back: reconnect the live stream now instead of after its backoff (its open
   * re-pulls every collection), and retry pulls and pushes at once.
   */
  reconnect(): void;
  stop(): Promise<void>;
}

export class SyncHttpError extends Error {
  constructor(
    readonly status: number,
    /** An `ErrorCode` of the API, or `http_error` when the body was not the API's. */
    readonly code: string,
    message: string,
    /** The sync protocol's `details.reason`, when the server gave one. */
    readonly reason?: SyncErrorReason,
    /** `details.max` of a 413 `too_many_rows`: the rows the server accepts in one push. */
    readonly max?: number,
  ) {
    super(message);
    this.name = 'SyncHttpError';
  }
}

export function startSync(deps: SyncDeps): SyncHandle {
  const headers = { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) };
  const pullBatchSize = deps.pullBatchSize ?? PULL_LIMIT_MAX;
  const firstPullLimit = Math.min(deps.firstPullLimit ?? 50, pullBatchSize);
  /** Per collection: settles once a pull page said "caught up" (fewer documents than it asked for). */
  const caughtUp = new Map<string, { promise: Promise<void>; resolve: () => void }>();
  const streams = new Map<string, Subject<RxReplicationPullStreamItem<unknown, unknown>>>();
  /**
   * Per collection: may a live event's documents be stored as they come? Invariant: only while the collection's
   * last pull page was its last (fewer documents than asked) and no pull was asked since. A live event names
   * the checkpoint of its own change; stored while pages before it are still unpulled (a first sync's small
   * page, a catch-up, a reconnect), it would move the stored checkpoint past them: those documents would never
   * be pulled and the collection never report caught up (issue 16's browser-sync after sync-push: the health
   * recompute's changes streamed in during the first sync, and the progress stayed at 11 of 12). Until then an
   * event only asks for a pull from the stored checkpoint, which fetches its documents in order.
   */
  const gates = new Map<string, { live: boolean; resyncAsked: boolean }>();

  /**
   * Asks RxDB to pull from the stored checkpoint (RESYNC) unless a pull already asked has not started yet: that
   * one will see everything committed so far. Sent twice: RxDB 17's downstream (replication-protocol/
   * downstream.ts, addNewTask) drops a RESYNC queued right behind live documents in one pass of its queue; the
   * second survives, and a RESYNC queued before a pull starts is dropped by RxDB as covered by that pull.
   */
  function askPull(name: string): void {
    const gate = gates.get(name);
    const stream$ = streams.get(name);
    if (!gate || !stream$) return;
    gate.live = false;
    if (gate.resyncAsked) return;
    gate.resyncAsked = true;
    stream$.next('RESYNC');
    stream$.next('RESYNC');
  }
  const states: Record<string, RxReplicationState<unknown, unknown>> = {};

  async function request(path: string, init?: RequestInit): Promise<unknown> {
    const res = await deps.transport.fetch(`${deps.transport.baseUrl}${path}`, {
      credentials: 'same-origin',
      ...init,
      headers: {
        ...headers,
        ...(init?.body ? { 'content-type': 'application/json' } : {}),
        ...init?.headers,
      },
    });
    if (res.ok) return res.json();
    // The API's one error family (shared/api-errors.ts); a proxy's HTML page or an empty body parses as nothing.
    const body = errorResponseSchema.safeParse(await res.json().catch(() => null));
    const error = body.success ? body.data.error : null;
    // Decided on the status, which every protocol version keeps: 401 → sign in again, 426 → update the app.
    if (res.status === 401) deps.dispatch({ type: 'unauthorized' });
    if (res.status === 426) deps.dispatch({ type: 'upgrade_required' });
    // `details` is open (looseObject): `max` comes with 413 too_many_rows (docs/sync-protocol.md).
    const max = rowCountSchema.safeParse(error?.details?.max).data;
    throw new SyncHttpError(
      res.status,
      error?.code ?? 'http_error',
      error?.message ?? res.statusText,
      error?.details?.reason,
      max,
    );
  }

  /** Pulled versions of documents this device wrote: a concurrent write that won is told (acked-writes.ts). */
  async function tellLosses(name: string, documents: readonly unknown[]): Promise<void> {
    if (!deps.ackedWrites || !deps.notices || documents.length === 0) return;
    try {
      await deps.notices.record(await deps.ackedWrites.inspect(name, documents));
    } catch {
      // Telling is best effort: the documents themselves replicate regardless.
    }
  }

  function replicate(name: string, collection: RxCollection): void {
    const stream$ = new Subject<RxReplicationPullStreamItem<unknown, unknown>>();
    streams.set(name, stream$);
    const gate = { live: false, resyncAsked: false };
    gates.set(name, gate);
    /** A pull page arrived since the replication was last idle (see `stored` below). */
    let pulledSinceIdle = false;
    let resolve!: () => void;
    const promise = new Promise<void>((r) => (resolve = r));
    caughtUp.set(name, { promise, resolve });
    const state = replicateRxCollection<Record<string, unknown>, unknown>({
      collection: collection as RxCollection<Record<string, unknown>>,
      replicationIdentifier: `arco:${name}:${deps.userId}:v${PROTOCOL_VERSION}`,
      deletedField: '_deleted',
      live: true,
      retryTime: deps.retryTimeMs ?? 5000,
      waitForLeadership: deps.waitForLeadership ?? true,
      autoStart: true,
      pull: {
        batchSize: pullBatchSize,
        stream$: stream$.asObservable() as never,
        handler: async (checkpoint, batchSize) => {
          // RxDB passes no checkpoint only to a device that never pulled this collection: its first page is a
          // small one (firstPullLimit). A page shorter than batchSize ends RxDB's pull loop as if caught up,
          // so a full small page asks for the rest at once with RESYNC (the stream's documented "pull from
          // your checkpoint"), which continues from the checkpoint this page stores.
          // No prefetch here: RxDB 17's pull loop (downstreamResyncOnce) already asks for the next page as soon
          // as this one returns and stores pages behind it in its own queue, so download and storage overlap
          // (issue 16: 5–25 ms between one page's return and the next call, while storing ran 1.8 s behind).
          // This page sees every change committed before it starts: a pull asked until now is answered by it.
          gate.resyncAsked = false;
          const fresh = checkpoint === undefined || checkpoint === null;
          const limit = fresh ? Math.min(firstPullLimit, batchSize) : batchSize;
          const query = new URLSearchParams({ limit: String(limit) });
          if (!fresh) query.set('checkpoint', JSON.stringify(checkpoint));
          const page = parsePullResponse(await request(`/api/sync/${name}/pull?${query}`));
          await tellLosses(name, page.documents);
          const done = page.documents.length < limit;
          pulledSinceIdle = true;
          deps.dispatch({ type: 'pulled', collection: name, caughtUp: done });
          if (done) caughtUp.get(name)?.resolve();
          // Live only if nothing arrived during this page that it may have missed (that asked a pull again).
          gate.live = done && !gate.resyncAsked;
          if (!done && limit < batchSize) askPull(name);
          return {
            documents: page.documents as WithDeleted<Record<string, unknown>>[],
            checkpoint: page.checkpoint,
          };
        },
      },
      push: {
        batchSize: deps.pushBatchSize ?? PUSH_BATCH_ROWS,
        handler: async (rows) => {
          const result = await pushInPieces(
            rows,
            async (piece) =>
              pushResponseSchema.parse(
                await request(`/api/sync/${name}/push`, {
                  method: 'POST',
                  body: JSON.stringify(piece.map(pushRowForWire)),
                }),
              ),
            smallerPushPiece,
          );
          deps.outbox.ack(
            name,
            rows.map((r) => ({
              id: String(r.newDocumentState.id),
              stamp: String(r.newDocumentState.clientUpdatedAt),
            })),
          );
          if (result.rejected.length > 0)
            deps.dispatch({ type: 'rejected', collection: name, items: result.rejected });
          const returned = new Set([
            ...result.conflicts.map((c) => String((c as PlainObject).id)),
            ...result.rejected.map((r) => r.id),
          ]);
          await deps.ackedWrites
            ?.remember(
              name,
              (rows as unknown as { newDocumentState: PlainObject }[]).filter(
                (r) => !returned.has(String(r.newDocumentState.id)),
              ),
            )
            .catch(() => undefined);
          if (deps.notices && result.conflicts.length > 0) {
            // Persisted before RxDB merges, so a reload right after still tells the user what was lost.
            await deps.notices
              .record(
                noticesFromPush({
                  collection: name as CollectionName,
                  rows: rows as unknown as { newDocumentState: PlainObject }[],
                  conflicts: result.conflicts as PlainObject[],
                  rejectedIds: new Set(result.rejected.map((r) => r.id)),
                  at: deps.now().toISOString(),
                }),
              )
              .catch(() => undefined);
          }
          deps.dispatch({ type: 'pushed', collection: name });
          return result.conflicts as WithDeleted<Record<string, unknown>>[];
        },
      },
    });
    // Stored: RxDB stores a pull's pages in the same downstream task that pulled them (downstreamResyncOnce
    // awaits every page's write), and the replication goes idle only after that task; so the first idle after
    // a pull means every page pulled so far is in the local database. A write that failed leaves it active,
    // and the collection is then rightly never reported stored.
    state.active$.subscribe((active) => {
      if (active || !pulledSinceIdle) return;
      pulledSinceIdle = false;
      deps.dispatch({ type: 'stored', collection: name });
    });
    state.error$.subscribe((error) => {
      const cause = (error as { parameters?: { errors?: unknown[] } }).parameters?.errors?.[0];
      const message = cause instanceof Error ? cause.message : String((error as Error).message ?? error);
      deps.dispatch({ type: 'error', message });
    });
    states[name] = state as unknown as RxReplicationState<unknown, unknown>;
  }

  // Replications are created (not merely paused) late: cancelling one that never started would hang.
  const priority = (deps.priority ?? []).filter((n) => n in deps.collections);
  const entries = Object.entries(deps.collections);
  const first = priority.length > 0 ? entries.filter(([n]) => priority.includes(n)) : entries;
  const later = entries.filter(([n]) => !first.some(([f]) => f === n));
  let stopped = false;
  for (const [name, collection] of first) replicate(name, collection);
  if (later.length > 0) {
    const headStart = new Promise<void>((resolve) =>
      deps.setTimeout(resolve, deps.priorityHeadStartMs ?? 15_000),
    );
    // Caught up by the pages themselves, not awaitInitialReplication(): that resolves after the small first
    // page already (see the pull handler), which would start every other collection at once.
    const priorityCaughtUp = Promise.all(first.map(([n]) => caughtUp.get(n)!.promise));
    void Promise.race([priorityCaughtUp, headStart])
      .catch(() => undefined)
      .then(() => {
        if (stopped) return;
        for (const [name, collection] of later) replicate(name, collection);
      });
  }

  // One SSE connection for all collections. Each event names its collection; every (re)connect means we may
  // have missed changes, so every collection re-pulls from its checkpoint (RESYNC).
  const sse = openSse(
    {
      url: `${deps.transport.baseUrl}/api/sync/stream`,
      fetch: deps.transport.fetch,
      headers,
      setTimeout: deps.setTimeout,
      clearTimeout: deps.clearTimeout,
    },
    {
      onOpen: () => {
        deps.dispatch({ type: 'stream_open' });
        for (const name of streams.keys()) askPull(name);
      },
      onMessage: (message) => {
        if (message.data === 'RESYNC') {
          for (const name of streams.keys()) askPull(name);
          return;
        }
        const event = safeJson(message.data) as {
          collection?: string;
          documents?: unknown[];
          checkpoint?: unknown;
        };
        const target =
          event && typeof event.collection === 'string' ? streams.get(event.collection) : undefined;
        if (target && Array.isArray(event.documents)) {
          const name = event.collection!;
          if (!gates.get(name)?.live) return askPull(name);
          void tellLosses(name, event.documents);
          target.next({ documents: event.documents as never, checkpoint: event.checkpoint });
        }
      },
      onHttpError: (status) => {
        if (status === 401) deps.dispatch({ type: 'unauthorized' });
        else if (status === 426) deps.dispatch({ type: 'upgrade_required' });
        else deps.dispatch({ type: 'stream_closed' });
      },
      onDisconnect: () => deps.dispatch({ type: 'stream_closed' }),
    },
  );

  return {
    states,
    reSync() {
      for (const s of Object.values(states)) s.reSync();
    },
    reconnect() {
      if (stopped) return;
      sse.retryNow();
      for (const s of Object.values(states)) s.reSync();
    },
    async stop() {
      stopped = true;
      sse.close();
      for (const s of streams.values()) s.complete();
      await Promise.all(Object.values(states).map((s) => s.cancel()));
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * Rows per push after a refused one (`pushInPieces`): a 413 `too_many_rows` names the server's maximum
 * (`PUSH_ROWS_ANY_SERVER` if it does not), a 413 for the body's bytes halves the batch; any other error is not
 * about the batch's size.
 */
/** A 413's `details.max`: how many rows the server takes in one push. */
const rowCountSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export function smallerPushPiece(error: unknown, rows: readonly unknown[]): number | undefined {
  if (!(error instanceof SyncHttpError) || error.status !== 413) return undefined;
  if (error.reason === 'too_many_rows') return error.max ?? PUSH_ROWS_ANY_SERVER;
  return Math.ceil(rows.length / 2);
}
