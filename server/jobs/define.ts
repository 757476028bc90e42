import type { AccountStore } from '../auth/account-store.ts';
import type { RecommendationWriter } from '../llm/recommendation-writer.ts';
import type { z } from 'zod';
import type { AuthStore } from '../auth/store.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { Logger } from '../logger.ts';
import type { ServerWriter } from '../sync/server-writes.ts';
import type { PushSender } from '../push/sender.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { IntegrationDeps } from '../integrations/run-import.ts';
import type { NfseDeps } from '../nfse/issue-nfse.ts';

/**
 * A background job is one file in server/jobs/ exporting `defineJob({...})`, listed once in `JOBS`
 * (./index.ts). The runner (./runner.ts) turns each definition into a pg-boss queue with its retry policy, a
 * worker and, when it has one, a cron schedule; handlers never see pg-boss.
 *
 * Invariants:
 * - A handler reads time only from `ctx.clock()` (never `Date.now()`), so tests drive it with a fake clock.
 * - A payload is validated by its zod schema when it is sent (a bug at the caller fails there, not in a worker
 *   minutes later) and again when it runs (rows written by an older version of the code).
 * - Handlers may run more than once for one job (a retry after a failure, or after a crash before pg-boss
 *   recorded completion): they must be idempotent.
 * - A handler talks to the database through `ctx.db` like a request does (withIdentity for tenant data, the
 *   organization write lock for synced tables: server/sync/server-writes.ts) and never from inside a
 *   transaction it is holding calls `send` (the embedded database has one session: that would deadlock).
 */

/** What every handler gets, injected by the runner (main.ts builds it once). */
export interface JobDeps {
  readonly db: Database;
  readonly auth: AuthStore;
  /** The account records' store (password-reset and passkey request logs, pruned hourly). */
  readonly accounts: Pick<AccountStore, 'pruneAccountRecords'>;
  /** The only clock a handler may read. */
  readonly clock: () => Date;
  readonly logger: Logger;
  readonly config: Pick<Config, 'session' | 'publicOrigin'>;
  /** Writes to synced tables (organization lock, fresh server_seqs, change published). */
  readonly writer: ServerWriter;
  /** The optional LLM rewrite of at-risk recommendations (server/llm/); absent when none is configured. */
  readonly recommendations?: RecommendationWriter;
  /** Web push sender (server/push/sender.ts); absent → notifications skip push. */
  readonly push?: PushSender | null;
  /** Outgoing mail for the notification digest (server/mail/mailer.ts); absent → no digest and no account mail. */
  readonly mailer?: Mailer | null;
  /** Data-source imports (server/integrations/); absent or null → integrations are off and their job skips. */
  readonly integrations?: IntegrationDeps | null;
  /** NFS-e issuing (server/nfse/): the provider, its HTTP and the issuer's data; absent → the job skips. */
  readonly nfse?: Omit<NfseDeps, 'db' | 'writer' | 'clock'> | null;
}

export interface SendOptions {
  /** Not before this instant (default: now). */
  readonly startAfter?: Date;
}

/** Enqueueing jobs (the runner; handlers get it as `ctx.jobs` to fan work out). Never inside a transaction. */
export interface JobSender {
  /** Enqueues one run of `job` (payload validated here); resolves to the job id. */
  send<S extends z.ZodType>(
    job: JobDefinition<S>,
    payload: z.input<S>,
    options?: SendOptions,
  ): Promise<string>;
  /**
   * For a job defined with `deduplicate: true`: enqueues one run unless a run with the same `key` is already
   * waiting (then nothing is queued and it resolves to null). A run that has started does not count, so a
   * change made while it runs is picked up by the next one. With `delaySeconds` the run waits that long (by the
   * database's clock) and the sends made meanwhile fold into it: a debounce that holds no worker while it waits.
   */
  sendDeduplicated<S extends z.ZodType>(
    job: JobDefinition<S>,
    payload: z.input<S>,
    key: string,
    options?: { readonly delaySeconds?: number },
  ): Promise<string | null>;
}

export interface JobContext extends JobDeps {
  /** pg-boss's id of the job being run (for logs). */
  readonly jobId: string;
  readonly jobs: JobSender;
}

export interface RetryPolicy {
  /** Retries after the first attempt (0 = never retry). */
  readonly limit: number;
  /** Seconds before the first retry. */
  readonly delaySeconds: number;
  /** Double the delay on every further retry. */
  readonly backoff: boolean;
}

export interface JobSchedule<S extends z.ZodType> {
  /** Five-field cron expression, evaluated in `timeZone`. */
  readonly cron: string;
  /** IANA zone; default UTC. */
  readonly timeZone?: string;
  /** The payload each scheduled run gets. */
  readonly payload: z.input<S>;
}

export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  /** Queue name: lower-case kebab-case, unique among the jobs. */
  readonly name: string;
  readonly payload: S;
  /** Method syntax on purpose: a list of jobs with different payloads is one `JobDefinition[]`. */
  handler(payload: z.output<S>, ctx: JobContext): Promise<void>;
  readonly schedule?: JobSchedule<S>;
  /** Default `DEFAULT_RETRY`. */
  readonly retry?: RetryPolicy;
  /** A run still going after this long counts as failed (and is retried). Default 15 minutes. */
  readonly timeoutSeconds?: number;
  /**
   * At most one waiting run per key (`JobSender.sendDeduplicated`; pg-boss's "stately" queue policy: one
   * queued and one active per key). Default false.
   */
  readonly deduplicate?: boolean;
}

export const DEFAULT_RETRY: RetryPolicy = { limit: 3, delaySeconds: 30, backoff: true };
export const DEFAULT_TIMEOUT_SECONDS = 15 * 60;

const NAME_RE = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** Checks a definition once, at import: a bad name, retry policy or scheduled payload fails start-up. */
export function defineJob<S extends z.ZodType>(definition: JobDefinition<S>): JobDefinition<S> {
  const { name, retry, timeoutSeconds, schedule } = definition;
  if (!NAME_RE.test(name)) throw new Error(`job name "${name}" must be lower-case kebab-case`);
  if (retry && (!isCount(retry.limit) || !isCount(retry.delaySeconds)))
    throw new Error(`job "${name}": retry limit and delay must be non-negative integers`);
  if (timeoutSeconds !== undefined && (!isCount(timeoutSeconds) || timeoutSeconds < 1))
    throw new Error(`job "${name}": timeoutSeconds must be a positive integer`);
  if (schedule) {
    if (schedule.cron.trim().split(/\s+/).length !== 5)
      throw new Error(`job "${name}": cron "${schedule.cron}" must have five fields`);
    const parsed = definition.payload.safeParse(schedule.payload);
    if (!parsed.success) throw new Error(`job "${name}": the scheduled payload does not match its schema`);
  }
  return definition;
}

const isCount = (n: number) => Number.isSafeInteger(n) && n >= 0;

/** Validates `data` with the job's schema and runs its handler: what a worker does with one job. */
export async function runJob<S extends z.ZodType>(
  definition: JobDefinition<S>,
  data: unknown,
  ctx: JobContext,
): Promise<void> {
  const payload = definition.payload.safeParse(data);
  if (!payload.success) {
    throw new Error(`job "${definition.name}" ${ctx.jobId}: invalid payload: ${payload.error.message}`);
  }
  await definition.handler(payload.data, ctx);
}
