import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { forbidden } from '../../shared/api-errors.ts';
import type { DailyMetric } from '../../shared/entities/portal.ts';
import { dailyMetricSchema } from '../../shared/entities/portal.ts';
import {
  liveSnapshot,
  type LiveActivity,
  type LiveRealtime,
  type LiveSnapshot,
} from '../../shared/domain/portal/live.ts';
import { addMonths, DEFAULT_TIME_ZONE, localDateOf, monthOf } from '../../shared/domain/portal/time.ts';
import type { UserIdentity } from '../../shared/identity.ts';
import { requireUser } from '../auth/require-user.ts';
import type { Database } from '../db/index.ts';
import { systemClock, type AuthedEnv, type Clock } from '../http/context.ts';

/**
 * `GET /api/portal/live` and `GET /api/portal/live/stream` — the client portal's "ao vivo" panel (dashboard
 * §2A, docs/api.md). The figures are the shared rule `liveSnapshot` applied by the server, with its clock, to
 * the customer's stored metrics (this month and last) and the live activity source's last two hours.
 *
 * Invariants:
 * - Client users only (403 for staff, 401 signed out): the panel is one customer's, and a client has exactly
 *   one. Rows are read under the user's own identity, so row-level security keeps them to that customer.
 * - The stream sends one `live` event at once and then one per tick (default 15 s), and ends after 30 min (the
 *   device reconnects, which re-checks the session); closing the connection stops it at once. Each event is a
 *   whole snapshot, so a lost event loses nothing: the next one replaces it.
 * - The live source: a customer with Google Analytics 4 connected gets GA4 realtime (`realtime`, the server's
 *   one poller, server/integrations/realtime-poller.ts): each open stream is a viewer of its customer — the
 *   first snapshot waits for the customer's first poll, and closing the stream stops watching. GA4's figures go
 *   to the rule as `realtime` (30-minute figures, their own names), never as visits. While GA4's figures are
 *   unknown (first poll failed, backing off, stale) the panel shows "—", not the demo feed. A customer without
 *   GA4 gets the activity source (the demo feed outside production) or none → visitors and conversions null
 *   ("no live source"); the month's conversion rate always comes from the stored metrics.
 * - `GET /live` reads what the poller has; with nothing yet, it watches for one poll and stops (the poller's
 *   interval still holds: a poll less than an interval old is reused).
 */
export interface LiveSourceData {
  readonly customerId: string;
  readonly timeZone: string;
  /** The customer's metrics documents of the months asked for. */
  readonly metrics: readonly { month: string; days: DailyMetric[] }[];
}

export interface LiveSource {
  read(identity: UserIdentity, months: readonly string[]): Promise<LiveSourceData>;
}

/** The live activity of a customer at `now`, or null when there is no live source. */
export type LiveActivitySource = (input: {
  customerId: string;
  now: Date;
  timeZone: string;
  days: readonly DailyMetric[];
}) => LiveActivity | null;

/** GA4 realtime as live-routes sees it (realtime-poller.ts `RealtimePoller`). */
export interface LiveRealtimeSource {
  watch(target: { organizationId: string; customerId: string }): { ready: Promise<void>; stop(): void };
  read(target: {
    organizationId: string;
    customerId: string;
  }): { state: 'none' } | { state: 'ga4'; figures: LiveRealtime | null } | null;
}

export const noLiveActivity: LiveActivitySource = () => null;

export function pgLiveSource(db: Database): LiveSource {
  return {
    read: (identity, months) =>
      db.withIdentity(identity, async (client) => {
        const { rows: users } = await client.query<{ time_zone: string }>(
          'SELECT time_zone FROM users WHERE id = $1',
          [identity.userId],
        );
        const { rows } = await client.query<{ month: string; days: unknown[] }>(
          `SELECT month, days FROM metrics
            WHERE customer_id = $1 AND month = ANY($2::text[]) AND NOT deleted`,
          [identity.customerId, [...months]],
        );
        return {
          customerId: identity.customerId ?? '',
          timeZone: users[0]?.time_zone ?? DEFAULT_TIME_ZONE,
          metrics: rows.map((r) => ({ month: r.month, days: r.days.map((d) => dailyMetricSchema.parse(d)) })),
        };
      }),
  };
}

export interface LiveRoutesDeps {
  readonly source: LiveSource;
  readonly activity?: LiveActivitySource;
  /** GA4 realtime (integrations on): takes precedence over `activity` for a customer with GA4 connected. */
  readonly realtime?: LiveRealtimeSource;
  readonly clock?: Clock;
  /** Between two stream events (default 15 s). */
  readonly tickMs?: number;
  /** A stream is closed after this long (default 30 min). */
  readonly maxStreamMs?: number;
  readonly timers?: {
    setInterval(fn: () => void, ms: number): unknown;
    clearInterval(handle: unknown): void;
    setTimeout(fn: () => void, ms: number): unknown;
    clearTimeout(handle: unknown): void;
  };
}

export function liveRoutes(deps: LiveRoutesDeps): Hono<AuthedEnv> {
  const clock = deps.clock ?? systemClock;
  const activity = deps.activity ?? noLiveActivity;
  const timers = deps.timers ?? {
    setInterval: (fn: () => void, ms: number) => setInterval(fn, ms),
    clearInterval: (h: unknown) => clearInterval(h as ReturnType<typeof setInterval>),
    setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
    clearTimeout: (h: unknown) => clearTimeout(h as ReturnType<typeof setTimeout>),
  };

  const targetOf = (identity: UserIdentity) => ({
    organizationId: identity.organizationId,
    customerId: identity.customerId ?? '',
  });

  async function snapshot(identity: UserIdentity): Promise<LiveSnapshot> {
    let reading = deps.realtime?.read(targetOf(identity)) ?? null;
    if (deps.realtime && reading === null) {
      const once = deps.realtime.watch(targetOf(identity));
      await once.ready;
      once.stop();
      reading = deps.realtime.read(targetOf(identity));
    }
    const now = clock.now();
    // "This month" is decided in the user's zone, which the source returns: ask for the three months around
    // the UTC date so every zone's current and previous month are among them.
    const utcDay = now.toISOString().slice(0, 10);
    const months = [-2, -1, 0, 1].map((m) => monthOf(addMonths(utcDay, m)));
    const data = await deps.source.read(identity, months);
    const today = localDateOf(now.getTime(), data.timeZone);
    const days = data.metrics.flatMap((m) => m.days).filter((d) => d.date <= today);
    const ga4 = reading?.state === 'ga4';
    return liveSnapshot({
      now: now.toISOString(),
      timeZone: data.timeZone,
      metrics: [...data.metrics],
      activity: ga4 ? null : activity({ customerId: data.customerId, now, timeZone: data.timeZone, days }),
      realtime: reading?.state === 'ga4' ? reading.figures : null,
    });
  }

  const app = new Hono<AuthedEnv>();
  app.use('*', requireUser);
  app.use('*', async (c, next) => {
    if (c.get('identity').role !== 'client')
      throw forbidden('The live panel belongs to a client company: sign in as its user.');
    await next();
  });

  app.get('/live', async (c) => {
    const body = await snapshot(c.get('identity'));
    c.header('Cache-Control', 'no-store');
    return c.json(body);
  });

  app.get('/live/stream', (c) => {
    const identity = c.get('identity');
    const signal = c.req.raw.signal;
    c.header('X-Accel-Buffering', 'no');
    c.header('Cache-Control', 'no-store');
    return streamSSE(
      c,
      (stream) =>
        new Promise<void>((resolve) => {
          let closed = false;
          let sending = false;
          // This stream is a viewer of its customer's GA4 realtime while it is open.
          const watch = deps.realtime?.watch(targetOf(identity)) ?? null;
          const send = async () => {
            if (closed || sending) return; // a slow database skips a tick rather than queueing them
            sending = true;
            try {
              const data = await snapshot(identity);
              if (!closed) await stream.writeSSE({ event: 'live', data: JSON.stringify(data) });
            } finally {
              sending = false;
            }
          };
          const finish = () => {
            if (closed) return;
            closed = true;
            watch?.stop();
            timers.clearInterval(tick);
            timers.clearTimeout(lifetime);
            signal.removeEventListener('abort', finish);
            resolve();
          };
          const tick = timers.setInterval(() => void send().catch(finish), deps.tickMs ?? 15_000);
          const lifetime = timers.setTimeout(finish, deps.maxStreamMs ?? 30 * 60_000);
          stream.onAbort(finish);
          signal.addEventListener('abort', finish);
          if (signal.aborted) finish();
          else void (watch ? watch.ready : Promise.resolve()).then(send).catch(finish);
        }),
    );
  });

  return app;
}
