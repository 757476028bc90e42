import { Hono, type Context, type Env } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { streamSSE, type SSEStreamingApi } from 'hono/streaming';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
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
  pushRequestSchema,
  RESYNC,
  STREAM_EVENT_NAMES,
  type Checkpoint,
  type PullResponse,
  type PushResponse,
  type RejectedRow,
  type StreamChange,
  type SyncErrorCode,
} from '../protocol.ts';
import { createPushDecider, type AuthorizeWrite } from '../push/decide.ts';
import { matchesReadFilter, readFilterFor } from '../visibility.ts';
import type { Change, ChangeFeed, SyncStore } from './store.ts';
import { userIdentitySchema, type UserIdentity } from '../../shared/identity.ts';

/**
 * The sync HTTP surface (DESIGN §5, docs/sync-protocol.md), mounted by the server under `/api/sync`:
 * `GET /:collection/pull`, `POST /:collection/push`, `GET /stream`. Authentication happens before (the
 * server's `requireUser`); this sub-app only reads the identity through `getIdentity`. Bad input is always a
 * 4xx with `{"error":{"code","message","details?"}}`; answers never reveal another tenant's rows.
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

function fail(
  c: Context,
  status: ContentfulStatusCode,
  code: SyncErrorCode,
  message: string,
  details?: unknown,
) {
  return c.json({ error: { code, message, ...(details === undefined ? {} : { details }) } }, status);
}

const issueList = (issues: readonly { path: readonly PropertyKey[]; message: string }[]) =>
  issues.slice(0, 10).map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));

export function createSyncRoutes<E extends Env = Env>(deps: SyncRoutesDeps<E>): Hono<E> {
  const app = new Hono<E>();
  const timers = deps.timers ?? DEFAULT_TIMERS;
  const maxBodyBytes = deps.maxBodyBytes ?? 8 * 1024 * 1024;

  app.notFound((c) => fail(c, 404, 'not_found', 'Not found.'));

  // Protocol version, for every route.
  app.use('*', async (c, next) => {
    c.header(PROTOCOL_HEADER, String(PROTOCOL_VERSION));
    c.header('Cache-Control', 'no-store');
    const check = checkProtocolHeader(c.req.header(PROTOCOL_HEADER));
    if (!check.ok) {
      const details = { minimum: MIN_SUPPORTED_PROTOCOL_VERSION, current: PROTOCOL_VERSION };
      return check.reason === 'outdated'
        ? fail(
            c,
            426,
            'protocol_outdated',
            'This version of the app is too old to sync. Please update.',
            details,
          )
        : fail(c, 400, 'protocol_unsupported', `Unsupported ${PROTOCOL_HEADER} header.`, details);
    }
    await next();
  });

  const identityIn = async (c: Context<E>): Promise<UserIdentity | null> => {
    const identity = await deps.getIdentity(c);
    // A malformed identity is a server bug, not bad input: fail loudly rather than guess a scope.
    return identity === null ? null : userIdentitySchema.parse(identity);
  };

  /** The collection a request names, or the response refusing it (no hint of what exists beyond the name). */
  const resolveCollection = (
    c: Context,
    identity: UserIdentity,
  ): { collection: CollectionName } | { response: Response } => {
    const name = c.req.param('collection') ?? '';
    if (!isCollectionName(name)) return { response: fail(c, 404, 'not_found', 'Not found.') };
    if (accessFor(identity.role, name) === 'none')
      return { response: fail(c, 403, 'forbidden', 'Forbidden.') };
    return { collection: name };
  };

  app.get('/:collection/pull', async (c) => {
    const identity = await identityIn(c);
    if (!identity) return fail(c, 401, 'unauthenticated', 'Sign in to sync.');
    const resolved = resolveCollection(c, identity);
    if ('response' in resolved) return resolved.response;
    const { collection } = resolved;

    const query = pullQuerySchema.safeParse(c.req.query());
    if (!query.success)
      return fail(c, 400, 'invalid_query', 'Invalid pull query.', issueList(query.error.issues));
    let after: Checkpoint = INITIAL_CHECKPOINT;
    if (query.data.checkpoint !== undefined) {
      let raw: unknown;
      try {
        raw = JSON.parse(query.data.checkpoint);
      } catch {
        return fail(c, 400, 'invalid_checkpoint', 'The checkpoint is not valid JSON.');
      }
      const parsed = checkpointSchema.safeParse(raw);
      if (!parsed.success)
        return fail(c, 400, 'invalid_checkpoint', 'Invalid checkpoint.', issueList(parsed.error.issues));
      after = parsed.data;
    }
    const requested = query.data.limit === undefined ? PULL_LIMIT_DEFAULT : Number(query.data.limit);
    const limit = Math.min(PULL_LIMIT_MAX, Math.max(1, requested));

    const filter = readFilterFor(identity, collection)!;
    const documents = await deps.store.pull({ identity, collection, after, limit, filter });
    const last = documents.at(-1);
    const body: PullResponse = { documents, checkpoint: last ? { seq: last.serverSeq } : after };
    return c.json(body);
  });

  app.use(
    '/:collection/push',
    bodyLimit({
      maxSize: maxBodyBytes,
      onError: (c) => fail(c, 413, 'payload_too_large', `The request body exceeds ${maxBodyBytes} bytes.`),
    }),
  );
  app.post('/:collection/push', async (c) => {
    const identity = await identityIn(c);
    if (!identity) return fail(c, 401, 'unauthenticated', 'Sign in to sync.');
    const resolved = resolveCollection(c, identity);
    if ('response' in resolved) return resolved.response;
    const { collection } = resolved;

    const type = c.req.header('content-type') ?? '';
    if (!/^application\/json\s*(;|$)/i.test(type)) {
      return fail(c, 415, 'unsupported_media_type', 'Send the push as application/json.');
    }
    let raw: unknown;
    try {
      raw = JSON.parse(await c.req.text());
    } catch {
      return fail(c, 400, 'invalid_body', 'The body is not valid JSON.');
    }
    if (Array.isArray(raw) && raw.length > PUSH_MAX_ROWS) {
      return fail(c, 413, 'too_many_rows', `At most ${PUSH_MAX_ROWS} rows per push.`, { max: PUSH_MAX_ROWS });
    }
    const parsed = pushRequestSchema.safeParse(raw);
    if (!parsed.success)
      return fail(c, 400, 'invalid_body', 'Invalid push body.', issueList(parsed.error.issues));
    const rows = parsed.data;
    const ids = rows.map((r) => r.newDocumentState.id);
    if (new Set(ids).size !== ids.length)
      return fail(c, 400, 'invalid_body', 'A push may name each document once.');

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
    if (!identity) return fail(c, 401, 'unauthenticated', 'Sign in to sync.');
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
