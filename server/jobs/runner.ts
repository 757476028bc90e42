import PgBoss from 'pg-boss';
import type { z } from 'zod';
import {
  DEFAULT_RETRY,
  DEFAULT_TIMEOUT_SECONDS,
  runJob,
  type JobDefinition,
  type JobDeps,
  type JobSender,
  type SendOptions,
} from './define.ts';

/**
 * The job runner: pg-boss (10.x, the Node-20 line) on the app's own PostgreSQL — the embedded PGlite through its
 * socket server, or DATABASE_URL — with the owner's connection (`Database.ownerConnectionString`).
 *
 * - pg-boss keeps everything in its own schema `pgboss`, which it creates and migrates itself at `start()`.
 *   The app's migrations (server/db/migrations) stay the only source of truth for the app's tables; no app
 *   query, RLS policy or test reset touches `pgboss` (they are all limited to `public`), and the request role
 *   `arco_app` has no privilege on it.
 * - Each definition becomes a queue whose retry policy and timeout follow the code on every start, one worker
 *   taking one job at a time, and its cron schedule (or none: a schedule removed from the code is removed from
 *   the database). pg-boss fires a schedule once per slot across every instance sharing the database.
 * - `stop()` stops fetching at once, waits up to `graceMs` for running handlers, then fails whatever still
 *   runs (pg-boss retries it later under its policy) and closes the pool.
 *
 * On the embedded database every connection is served by one PostgreSQL session, one statement at a time
 * (server/db/embedded.ts): pg-boss's polling simply queues behind the app's transactions. Never `send` from
 * inside an open `Database` transaction there — the send waits for the transaction, which waits for the send.
 */
export interface JobRunnerOptions {
  readonly connectionString: string;
  readonly jobs: readonly JobDefinition[];
  readonly deps: JobDeps;
  /**
   * pg-boss's own pool. Small: the embedded socket server accepts 8 connections in all (the app keeps one)
   * and serves them one statement at a time anyway; a real server needs no more for a few jobs.
   */
  readonly maxConnections?: number;
  /**
   * Seconds an idle worker waits between polls (default 10). It does not delay work: a `send` from this
   * instance wakes the worker at once, and a worker that just ran a job looks for the next one immediately.
   * It bounds how soon a job sent by another instance, or a retry coming due, starts.
   */
  readonly pollingIntervalSeconds?: number;
  /** Seconds between pg-boss's checks of the cron schedules (default 30; a slot lasts 60 s). */
  readonly cronIntervalSeconds?: number;
}

export type { SendOptions };

export interface JobRunner extends JobSender {
  /**
   * `sendDeduplicated` for many runs of one job, in one statement: each entry is queued unless a run with its
   * key is already waiting. For a burst: a push batch touches up to 100 customers, and one statement instead of
   * one per customer spares the server 99 queue round trips while the device's next batch waits (issue 16).
   */
  sendDeduplicatedMany<S extends z.ZodType>(
    job: JobDefinition<S>,
    entries: readonly { readonly payload: z.input<S>; readonly key: string }[],
  ): Promise<void>;
  /** Creates/updates the queues and schedules, then starts the workers. */
  start(): Promise<void>;
  /** Idempotent. Stops fetching, lets running handlers finish for up to `graceMs` (default 5000, min 1000). */
  stop(options?: { graceMs?: number }): Promise<void>;
}

/** pg-boss's schema. A later major version (11/12) migrates it in place or uses a new name (its docs). */
export const JOBS_SCHEMA = 'pgboss';

export function createJobRunner(options: JobRunnerOptions): JobRunner {
  const { jobs, deps } = options;
  const names = new Set<string>();
  for (const job of jobs) {
    if (names.has(job.name)) throw new Error(`two jobs are named "${job.name}"`);
    names.add(job.name);
  }
  const cronSeconds = options.cronIntervalSeconds ?? 30;
  let state: 'new' | 'starting' | 'started' | 'stopped' = 'new';
  const boss = new PgBoss({
    // The embedded database serves every socket connection one protocol message at a time, so two connections'
    // parameterised statements can interleave (one's Bind reaching the other's unnamed Parse: "bind message
    // supplies 3 parameters, but prepared statement requires 2"). There pg-boss runs its SQL through the app's
    // own single-connection pool instead, one statement per owner transaction, queued with the app's work.
    ...(deps.db.kind === 'embedded'
      ? {
          db: {
            // Once stopped, failing SQL answers nothing, as pg-boss's own closed pool does (pg-boss 10 `Db`):
            // pg-boss completes or fails a job without awaiting it, so a handler that outlives `stop`'s grace
            // and ends after the app closed its database would otherwise be an unhandled rejection. That job
            // stays active, expires and is retried under its policy (`stop`'s contract).
            executeSql: async (text: string, values?: unknown[]) => {
              try {
                return await deps.db.privileged((c) => c.query(text, values));
              } catch (error) {
                // `undefined` is what pg-boss's own closed pool answers and its callers expect (its type says
                // otherwise).
                if (state === 'stopped') return undefined as unknown as { rows: unknown[] };
                throw error;
              }
            },
          },
        }
      : { connectionString: options.connectionString, max: options.maxConnections ?? 2 }),
    schema: JOBS_SCHEMA,
    application_name: 'arco-jobs',
    cronMonitorIntervalSeconds: cronSeconds,
    cronWorkerIntervalSeconds: cronSeconds,
  });
  // Without a listener an 'error' event (a lost connection during a poll) would crash the process; pg-boss
  // keeps polling and recovers by itself.
  boss.on('error', (err) => deps.logger.error({ err }, 'job queue'));

  const workerIds = new Map<string, string>();
  /** Skips the worker's idle wait: it fetches again right away. */
  const wake = (name: string) => {
    const id = workerIds.get(name);
    if (id !== undefined) boss.notifyWorker(id);
  };
  /**
   * Wake-ups of delayed runs sent from this instance: pg-boss only fetches a delayed job at a poll, so without
   * them a run delayed by one second would start up to a polling interval (10 s) later. Cleared by `stop`.
   */
  const wakeTimers = new Set<ReturnType<typeof setTimeout>>();
  const wakeAfter = (name: string, seconds: number) => {
    // A little after the due time: pg-boss fetches jobs whose start_after is before the database's now().
    const timer = setTimeout(
      () => {
        wakeTimers.delete(timer);
        wake(name);
      },
      seconds * 1000 + 50,
    );
    wakeTimers.add(timer);
  };
  let stopping: Promise<void> | undefined;

  const queueOptions = (job: JobDefinition) => {
    const retry = job.retry ?? DEFAULT_RETRY;
    return {
      name: job.name,
      retryLimit: retry.limit,
      retryDelay: retry.delaySeconds,
      retryBackoff: retry.backoff,
      expireInSeconds: job.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS,
      policy: job.deduplicate ? ('stately' as const) : ('standard' as const),
    };
  };

  const checkSend = (job: JobDefinition) => {
    if (state !== 'started') throw new Error(`cannot send "${job.name}": the job runner is ${state}`);
    if (!names.has(job.name)) throw new Error(`job "${job.name}" is not registered with this runner`);
  };

  const runner: JobRunner = {
    async start() {
      if (state !== 'new') throw new Error(`the job runner cannot start: it is ${state}`);
      state = 'starting';
      await boss.start();
      const scheduled = new Set<string>();
      for (const job of jobs) {
        // createQueue leaves an existing queue as it is; updateQueue makes its policy follow the code.
        await boss.createQueue(job.name, queueOptions(job));
        await boss.updateQueue(job.name, queueOptions(job));
        if (job.schedule) {
          const payload: unknown = job.payload.parse(job.schedule.payload);
          await boss.schedule(job.name, job.schedule.cron, asObject(payload), {
            tz: job.schedule.timeZone ?? 'UTC',
          });
          scheduled.add(job.name);
        }
      }
      for (const { name } of await boss.getSchedules()) if (!scheduled.has(name)) await boss.unschedule(name);
      for (const job of jobs) {
        const workerId = await boss.work(
          job.name,
          // One job per fetch: pg-boss 10 fails a whole fetched batch when its handler throws.
          { batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 10 },
          async (batch) => {
            try {
              for (const { id, data } of batch) {
                try {
                  await runJob(job, data, { ...deps, jobId: id, jobs: runner });
                } catch (err) {
                  deps.logger.error({ err, job: job.name, jobId: id }, 'job failed (retried per its policy)');
                  throw err;
                }
              }
            } finally {
              // A backlog drains at full speed instead of one job per polling interval.
              wake(job.name);
            }
          },
        );
        workerIds.set(job.name, workerId);
      }
      state = 'started';
    },

    async send(job, payload, sendOptions = {}) {
      checkSend(job);
      const data = asObject(job.payload.parse(payload));
      const id = await boss.send(
        job.name,
        data,
        sendOptions.startAfter ? { startAfter: sendOptions.startAfter } : {},
      );
      if (id === null) throw new Error(`job "${job.name}" was not queued`);
      if (!sendOptions.startAfter) wake(job.name);
      return id;
    },

    async sendDeduplicated(job, payload, key, sendOptions = {}) {
      checkSend(job);
      if (!job.deduplicate) throw new Error(`job "${job.name}" is not defined with deduplicate: true`);
      const delay = sendOptions.delaySeconds ?? 0;
      if (!Number.isFinite(delay) || delay < 0) throw new Error('delaySeconds must be a number ≥ 0');
      const data = asObject(job.payload.parse(payload));
      // null: a run with this key is already waiting (the queue's unique index refused the insert). A delay is
      // pg-boss's `startAfter` in seconds (fractions too: it adds them to the database's now() as an interval), so it
      // is counted by the database's clock, never the app's injected one.
      const id = await boss.send(job.name, data, {
        singletonKey: key,
        ...(delay > 0 ? { startAfter: delay } : {}),
      });
      if (id !== null) {
        if (delay > 0) wakeAfter(job.name, delay);
        else wake(job.name);
      }
      return id;
    },

    async sendDeduplicatedMany(job, entries) {
      checkSend(job);
      if (!job.deduplicate) throw new Error(`job "${job.name}" is not defined with deduplicate: true`);
      // Validate all before queuing any: one bad payload queues nothing.
      const rows = entries.map(({ payload, key }) => ({
        name: job.name,
        data: asObject(job.payload.parse(payload)),
        singletonKey: key,
      }));
      if (rows.length === 0) return;
      // pg-boss's multi-row insert takes the queue's policy and retry settings like `send`, and skips a row whose
      // key already waits (ON CONFLICT DO NOTHING on the stately queue's unique index), as `send` does.
      await boss.insert(rows);
      wake(job.name);
    },

    stop(stopOptions = {}) {
      stopping ??= (async () => {
        const wasStarted = state !== 'new';
        state = 'stopped';
        for (const timer of wakeTimers) clearTimeout(timer);
        wakeTimers.clear();
        if (!wasStarted) return;
        await boss.stop({ graceful: true, wait: true, close: true, timeout: stopOptions.graceMs ?? 5_000 });
      })();
      return stopping;
    },
  };
  return runner;
}

/** pg-boss stores a payload as a JSON object; schemas of jobs describe objects. */
function asObject(value: unknown): object {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error('a job payload must be a JSON object');
  return value;
}
