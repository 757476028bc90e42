import { Hono, type Context, type Env } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { streamSSE, type SSEStreamingApi } from 'hono/streaming';
import {
  ApiError,
  badRequest,
  forbidden,
  issueList,
  notFound,
  payloadTooLarge,
  unauthorized,
  unsupportedMediaType,
  validationFailed,
} from '../../shared/api-errors.ts';
import {
  accessFor,
  collectionsForRole,
  isCollectionName,
  type CollectionName,
} from '../../shared/collections/index.ts';
import {
  checkpointSchema,
  checkProtocolHeader,
  INITIAL_CHECKPOINT,
  MIN_SUPPORTED_PROTOCOL_VERSION,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  PULL_LIMIT_DEFAULT,
  PULL_LIMIT_MAX,
  pullQuerySchema,
  PUSH_MAX_ROWS,
  pushBatchSchema,
  RESYNC,
  STREAM_EVENT_NAMES,
  type Checkpoint,
  type PullResponse,
  type PushResponse,
  type RejectedRow,
  type StreamChange,
  type SyncErrorReason,
} from '../protocol.ts';
import { createPushDecider, type AuthorizeWrite } from '../push/decide.ts';
import { matchesReadFilter, readFilterFor } from '../visibility.ts';
import type { Change, ChangeFeed, SyncStore } from './store.ts';
import { userIdentitySchema, type UserIdentity } from '../../shared/identity.ts';

/**
 * The sync HTTP surface (docs/sync-protocol.md), mounted by the server under `/api/sync`:
 * `GET /:collection/pull`, `POST /:collection/push`, `GET /stream`. Authentication happens before (the
 * server's `requireUser`); this sub-app only reads the identity through `getIdentity`. Failures are thrown as
 * the API's one error family (shared/api-errors.ts) and answered by the handler at the root of the app that
 * serves the routes (sync/server/error-handler.ts): bad input is always a 4xx; answers never reveal another
 * tenant's rows.
 */

export interface SyncTimers {
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface SyncRoutesDeps<E extends Env = Env> {
  /** The authenticated user of this request, or null (→ 401). */
  getIdentity(c: Context<E>): UserIdentity | null | Promise<UserIdentity | null>;
  store: SyncStore;
  /** Only `subscribe` is used here: stores publish what they commit. */
  feed: ChangeFeed;
  /** Authorization of each write (default: shared/permissions.ts `authorizeWrite`). */
  authorize?: AuthorizeWrite;
  /** Push body limit in bytes, chunked bodies included (default 8 MiB). */
  maxBodyBytes?: number;
  /** SSE keep-alive comment interval (default 25 s, under common 30–60 s proxy idle timeouts). */
  keepAliveMs?: number;
  /**
   * A stream is closed after this long (default 30 min); the device reconnects, which re-checks its session
   * and sends RESYNC. A stream must not outlive a logout by more than this.
   */
  maxStreamMs?: number;
  /** Events queued for one slow stream before they are dropped for a single RESYNC (default 1000). */
  maxQueuedEvents?: number;
  timers?: SyncTimers;
}

const DEFAULT_TIMERS: SyncTimers = {
  setInterval: (fn, ms) => setInterval(fn, ms),
  clearInterval: (h) => clearInterval(h as ReturnType<typeof setInterval>),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** A malformed pull query or checkpoint: `bad_request` with the sync reason and (at most 10) issues. */
const badInput = (reason: SyncErrorReason, message: string, issues: Parameters<typeof issueList>[0] = []) =>
  badRequest(message, issues.length > 0 ? { reason, issues: issueList(issues.slice(0, 10)) } : { reason });

export function createSyncRoutes<E extends Env = Env>(deps: SyncRoutesDeps<E>): Hono<E> {
  const app = new Hono<E>();
  const timers = deps.timers ?? DEFAULT_TIMERS;
  const maxBodyBytes = deps.maxBodyBytes ?? 8 * 1024 * 1024;

  // Protocol version, for every route.
  app.use('*', async (c, next) => {
    c.header(PROTOCOL_HEADER, String(PROTOCOL_VERSION));
    c.header('Cache-Control', 'no-store');
    const check = checkProtocolHeader(c.req.header(PROTOCOL_HEADER));
    if (!check.ok) {
      const versions = { minimum: MIN_SUPPORTED_PROTOCOL_VERSION, current: PROTOCOL_VERSION };
      throw check.reason === 'outdated'
        ? new ApiError('upgrade_required', 'This version of the app is too old to sync. Please update.', {
            reason: 'protocol_outdated',
            ...versions,
          })
        : badRequest(`Unsupported ${PROTOCOL_HEADER} header.`, {
            reason: 'protocol_unsupported',
            ...versions,
          });
    }
    await next();
  });

  /** The signed-in user, or 401 like every other route. */
  const identityIn = async (c: Context<E>): Promise<UserIdentity> => {
    const identity = await deps.getIdentity(c);
    if (identity === null) throw unauthorized('Sign in to sync.');
    // A malformed identity is a server bug, not bad input: fail loudly rather than guess a scope.
    return userIdentitySchema.parse(identity);
  };

  /** The collection a request names (no hint of what exists beyond the name). */
  const collectionIn = (c: Context, identity: UserIdentity): CollectionName => {
    const name = c.req.param('collection') ?? '';
    if (!isCollectionName(name)) throw notFound();
    if (accessFor(identity.role, name) === 'none') throw forbidden('Forbidden.');
    return name;
  };

  app.get('/:collection/pull', async (c) => {
    const identity = await identityIn(c);
    const collection = collectionIn(c, identity);

    const query = pullQuerySchema.safeParse(c.req.query());
    if (!query.success) throw badInput('invalid_query', 'Invalid pull query.', query.error.issues);
    let after: Checkpoint = INITIAL_CHECKPOINT;
    if (query.data.checkpoint !== undefined) {
      let raw: unknown;
      try {
        raw = JSON.parse(query.data.checkpoint);
      } catch {
        throw badInput('invalid_checkpoint', 'The checkpoint is not valid JSON.');
      }
      const parsed = checkpointSchema.safeParse(raw);
      if (!parsed.success) throw badInput('invalid_checkpoint', 'Invalid checkpoint.', parsed.error.issues);
      after = parsed.data;
    }
    const requested = query.data.limit === undefined ? PULL_LIMIT_DEFAULT : Number(query.data.limit);
    const limit = Math.min(PULL_LIMIT_MAX, Math.max(1, requested));

    const filter = readFilterFor(identity, collection)!;
    const page = await deps.store.pullJson({ identity, collection, after, limit, filter });
    // The store's JSON goes out as it is (`PullResponse`): the documents are never parsed here.
    const checkpoint: PullResponse['checkpoint'] = page.lastSeq === null ? after : { seq: page.lastSeq };
    c.header('Content-Type', 'application/json');
    return c.body(`{"documents":${page.json},"checkpoint":${JSON.stringify(checkpoint)}}`);
  });

  app.use(
    '/:collection/push',
    bodyLimit({
      maxSize: maxBodyBytes,
      onError: () => {
        throw payloadTooLarge(maxBodyBytes);
      },
    }),
  );
  app.post('/:collection/push', async (c) => {
    const identity = await identityIn(c);
    const collection = collectionIn(c, identity);

    const type = c.req.header('content-type') ?? '';
    if (!/^application\/json\s*(;|$)/i.test(type)) {
      throw unsupportedMediaType('Send the push as application/json.');
    }
    let raw: unknown;
    try {
      raw = JSON.parse(await c.req.text());
    } catch {
      throw badRequest('The body is not valid JSON.');
    }
    if (Array.isArray(raw) && raw.length > PUSH_MAX_ROWS) {
      throw new ApiError('payload_too_large', `At most ${PUSH_MAX_ROWS} rows per push.`, {
        reason: 'too_many_rows',
        max: PUSH_MAX_ROWS,
      });
    }
    const parsed = pushBatchSchema.safeParse(raw);
    if (!parsed.success) throw validationFailed(parsed.error, 'Invalid push body.');
    const rows = parsed.data;
    const ids = rows.map((r) => r.newDocumentState.id);
    const repeated = ids.findIndex((id, i) => ids.indexOf(id) !== i);
    if (repeated !== -1) {
      const message = 'A push may name each document once.';
      throw new ApiError('validation_failed', message, {
        issues: [{ path: `${repeated}.newDocumentState.id`, code: 'custom', message }],
      });
    }

    const response: PushResponse = { conflicts: [], rejected: [] };
    if (rows.length === 0) return c.json(response);
    const decide = createPushDecider(collection, { authorize: deps.authorize });
    const decisions = await deps.store.push({ identity, collection, rows, decide });
    for (const d of decisions) {
      if (d.kind === 'conflict' || d.kind === 'rejected') response.conflicts.push(d.master);
      if (d.kind === 'rejected') {
        const rejected: RejectedRow = { id: d.id, code: d.code, message: d.message };
        response.rejected.push(rejected);
      }
    }
    return c.json(response);
  });

  app.get('/stream', async (c) => {
    const identity = await identityIn(c);
    c.header('X-Accel-Buffering', 'no');
    return streamSSE(c, (stream) => runStream(stream, identity, c.req.raw.signal));
  });

  /** One connection for all of the user's collections: RESYNC first, then each visible committed batch. */
  function runStream(stream: SSEStreamingApi, identity: UserIdentity, signal: AbortSignal): Promise<void> {
    const collections = new Set(collectionsForRole(identity.role));
    const maxQueued = deps.maxQueuedEvents ?? 1000;
    type Outgoing = { event: string; data: string } | { comment: string };
    const resync: Outgoing = { event: STREAM_EVENT_NAMES.resync, data: RESYNC };
    const queue: Outgoing[] = [];
    let pumping = false;
    let closed = false;

    const pump = async () => {
      if (pumping) return;
      pumping = true;
      while (queue.length > 0 && !closed) {
        const next = queue.shift()!;
        if ('comment' in next) await stream.write(`: ${next.comment}\n\n`);
        else await stream.writeSSE(next);
      }
      pumping = false;
    };
    const enqueue = (item: Outgoing) => {
      if (closed) return;
      // A client too slow to keep up loses nothing: it is told to pull from its checkpoint instead.
      if (queue.length >= maxQueued) queue.splice(0, queue.length, resync);
      queue.push(item);
      void pump();
    };

    const toEvent = (change: Change): Outgoing | null => {
      if (change.organizationId !== identity.organizationId || !collections.has(change.collection))
        return null;
      const filter = readFilterFor(identity, change.collection);
      if (!filter) return null;
      const documents = change.documents.filter((d) => matchesReadFilter(filter, change.organizationId, d));
      if (documents.length === 0) return null;
      const data: StreamChange = { collection: change.collection, documents, checkpoint: change.checkpoint };
      return { event: STREAM_EVENT_NAMES.change, data: JSON.stringify(data) };
    };

    return new Promise<void>((resolve) => {
      // Subscribe before announcing RESYNC, in the same tick: nothing committed after the device's resync
      // pull starts can be missed.
      const unsubscribe = deps.feed.subscribe((event) => {
        if (event === RESYNC) return enqueue(resync);
        const out = toEvent(event);
        if (out) enqueue(out);
      });
      enqueue(resync);
      const keepAlive = timers.setInterval(
        () => enqueue({ comment: 'keep-alive' }),
        deps.keepAliveMs ?? 25_000,
      );
      const finish = () => {
        if (closed) return;
        closed = true;
        unsubscribe();
        timers.clearInterval(keepAlive);
        timers.clearTimeout(lifetime);
        signal.removeEventListener('abort', finish);
        resolve();
      };
      const lifetime = timers.setTimeout(finish, deps.maxStreamMs ?? 30 * 60_000);
      stream.onAbort(finish);
      signal.addEventListener('abort', finish);
      if (signal.aborted) finish();
    });
  }

  return app;
}
