import { createMiddleware } from 'hono/factory';
import { rateLimited } from '../../shared/api-errors.ts';
import { readSessionCookie } from '../auth/cookies.ts';
import type { AuthedEnv } from './context.ts';

/**
 * Open event streams (SSE: `/api/sync/stream`, `/api/portal/live/stream`), bounded and tied to their session
 * (docs/api.md "Event streams"). Each costs a socket, a file handle and buffers for as long as it lasts, so:
 *
 * - **Caps**: at most `perUser` open streams per user and `perInstance` per server process; past either, a new
 *   one answers 429 `rate_limited` with `Retry-After` (the device's reader retries with backoff).
 * - **Session end**: a stream ends within `recheckMs` of its session ending — signed out or replaced on this
 *   instance at once (`endSession`); on another instance, by an admin disabling the user, or by expiry, at the
 *   next periodic re-check of the open streams' sessions.
 * - **Shutdown**: `endAll('shutdown')` ends every stream (graceful shutdown, server/main.ts).
 *
 * A stream ended by the server gets a last message before its end — `retry: <ms>` (the reconnect delay
 * EventSource honours) and `event: reconnect` with `{"reason": …}` — so a device reconnects, elsewhere or later,
 * instead of treating the end as a failure. The stream handlers themselves know nothing of this: the
 * middleware wraps their response body, and cancelling it runs their own clean-up (Hono's `onAbort`).
 */
export type StreamEndReason = 'session_ended' | 'shutdown';

export interface StreamLimits {
  readonly perUser: number;
  readonly perInstance: number;
}

export interface StreamRegistryDeps {
  readonly limits: StreamLimits;
  /** Interval of the re-check of open streams' sessions (default 5 s). */
  readonly recheckMs?: number;
  /** Reconnect delay suggested to the device in the last message (default 1 s). */
  readonly retryMs?: number;
  /** The clock of `lastSeen` (default Date.now). */
  readonly now?: () => number;
  /** Told when a re-check could not reach the database (the streams stay open). */
  onRecheckError?(error: unknown): void;
}

export interface StreamOwner {
  readonly userId: string;
  readonly sessionId: string;
  /** Whether the stream's session is still alive (sign-out, disable, expiry end it). */
  isSessionLive(): Promise<boolean>;
}

interface Lease extends StreamOwner {
  readonly ended: AbortController;
  reason: StreamEndReason | null;
}

/** Seconds a refused stream should wait before trying again. */
const REFUSED_RETRY_SECONDS = 30;

export class StreamRegistry {
  private readonly leases = new Set<Lease>();
  /** When each user's last stream on this instance ended (pruned after an hour): presence, `lastSeen`. */
  private readonly lastEnded = new Map<string, number>();
  private recheck: ReturnType<typeof setInterval> | null = null;
  private checking = false;
  readonly retryMs: number;

  constructor(private readonly deps: StreamRegistryDeps) {
    this.retryMs = deps.retryMs ?? 1_000;
  }

  /** Open streams now (all users). */
  get size(): number {
    return this.leases.size;
  }

  /** Admits a stream or throws 429 `rate_limited`. The caller must `release` the lease when it ends. */
  admit(owner: StreamOwner): Lease {
    const { perUser, perInstance } = this.deps.limits;
    if (this.leases.size >= perInstance)
      throw rateLimited(
        REFUSED_RETRY_SECONDS,
        'This server has too many open live connections. Try again later.',
      );
    let mine = 0;
    for (const lease of this.leases) if (lease.userId === owner.userId) mine += 1;
    if (mine >= perUser)
      throw rateLimited(
        REFUSED_RETRY_SECONDS,
        `Too many open live connections for this account (at most ${perUser}). Close other tabs or devices.`,
      );
    const lease: Lease = { ...owner, ended: new AbortController(), reason: null };
    this.leases.add(lease);
    this.recheck ??= setInterval(() => void this.recheckSessions(), this.deps.recheckMs ?? 5_000);
    this.recheck.unref();
    return lease;
  }

  release(lease: Lease): void {
    if (!this.leases.delete(lease)) return;
    const now = this.now();
    this.lastEnded.set(lease.userId, now);
    for (const [userId, at] of this.lastEnded) if (now - at > 3_600_000) this.lastEnded.delete(userId);
    if (this.leases.size === 0 && this.recheck) {
      clearInterval(this.recheck);
      this.recheck = null;
    }
  }

  /**
   * When a user was last seen on a live stream of this instance: now while one is open, else when their last one
   * ended (null: not in the last hour). The chat's presence (server/chat/routes.ts) reads it; with several
   * instances each knows only its own streams (docs/api.md "Chat").
   */
  lastSeen(userId: string): number | null {
    for (const lease of this.leases) if (lease.userId === userId) return this.now();
    return this.lastEnded.get(userId) ?? null;
  }

  private now(): number {
    return this.deps.now ? this.deps.now() : Date.now();
  }

  /** Ends the streams of one session now (it was signed out or replaced on this instance). */
  endSession(sessionId: string): void {
    for (const lease of this.leases) if (lease.sessionId === sessionId) this.end(lease, 'session_ended');
  }

  /** Ends every stream (shutdown). */
  endAll(reason: StreamEndReason): void {
    for (const lease of this.leases) this.end(lease, reason);
  }

  private end(lease: Lease, reason: StreamEndReason): void {
    if (lease.reason) return;
    lease.reason = reason;
    lease.ended.abort();
  }

  /** One look-up per distinct session of the open streams; a dead session ends its streams. */
  private async recheckSessions(): Promise<void> {
    if (this.checking) return;
    this.checking = true;
    try {
      const bySession = new Map<string, Lease[]>();
      for (const lease of this.leases)
        bySession.set(lease.sessionId, [...(bySession.get(lease.sessionId) ?? []), lease]);
      for (const leases of bySession.values()) {
        let live: boolean;
        try {
          live = await leases[0]!.isSessionLive();
        } catch (error) {
          this.deps.onRecheckError?.(error);
          continue;
        }
        if (!live) for (const lease of leases) this.end(lease, 'session_ended');
      }
    } finally {
      this.checking = false;
    }
  }
}

/**
 * Middleware for the stream routes, after `requireUser`: admits the stream (or 429) and wraps the event-stream
 * response so the registry can end it (with the reconnect hint) and learns when it ends by itself.
 */
export function guardStreams(registry: StreamRegistry) {
  return createMiddleware<AuthedEnv>(async (c, next) => {
    const token = readSessionCookie(c, c.get('secure'));
    const sessions = c.get('sessions');
    const lease = registry.admit({
      userId: c.get('user').id,
      sessionId: c.get('session').id,
      isSessionLive: async () => (await sessions.resolve(token)) !== null,
    });
    try {
      await next();
    } catch (error) {
      registry.release(lease);
      throw error;
    }
    const body = c.res.body;
    if (!body || !c.res.headers.get('content-type')?.startsWith('text/event-stream')) {
      registry.release(lease);
      return;
    }
    c.res = new Response(endable(body, lease, registry), c.res);
  });
}

const encoder = new TextEncoder();

/** `body`, ended early (with the reconnect hint) when the lease is; the lease is released however it ends. */
function endable(body: ReadableStream<Uint8Array>, lease: Lease, registry: StreamRegistry) {
  const reader = body.getReader();
  let done = false;
  const finish = () => {
    done = true;
    lease.ended.signal.removeEventListener('abort', onEnded);
    registry.release(lease);
  };
  let onEnded = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      onEnded = () => {
        if (done) return;
        finish();
        const hint = JSON.stringify({ reason: lease.reason });
        controller.enqueue(encoder.encode(`retry: ${registry.retryMs}\nevent: reconnect\ndata: ${hint}\n\n`));
        controller.close();
        // Cancelling the handler's stream runs its own clean-up (unsubscribe, timers).
        reader.cancel().catch(() => undefined);
      };
      lease.ended.signal.addEventListener('abort', onEnded);
    },
    async pull(controller) {
      if (done) return;
      let chunk: Awaited<ReturnType<typeof reader.read>>;
      try {
        chunk = await reader.read();
      } catch (error) {
        if (!done) {
          finish();
          controller.error(error);
        }
        return;
      }
      if (done) return;
      if (chunk.done) {
        finish();
        controller.close();
      } else controller.enqueue(chunk.value);
    },
    cancel(reason) {
      if (!done) finish();
      return reader.cancel(reason);
    },
  });
}
