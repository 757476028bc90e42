import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PgAccountStore } from '../auth/account-pg-store.ts';
import { PgAuthStore } from '../auth/pg-store.ts';
import type { SignedInUser } from '../../shared/identity.ts';
import { testConfig } from '../config.ts';
import { createTestDatabase, createTestTenant, truncateAll, type TestDatabase } from '../db/testing.ts';
import { createLogger } from '../logger.ts';
import { defineJob, type JobDefinition, type JobDeps } from './define.ts';
import { JOBS } from './index.ts';
import { pruneSessionsJob } from './prune-sessions.ts';
import { createJobRunner, JOBS_SCHEMA, type JobRunner } from './runner.ts';
import { createMemoryChangeFeed } from '../../sync/server/memory-feed.ts';
import { createServerWriter } from '../sync/server-writes.ts';

/**
 * pg-boss on the app's own database (embedded PGlite, or DATABASE_URL): jobs sent and scheduled run with the
 * injected clock, shutdown waits for a running handler (up to its bound), and pg-boss's schema stays out of
 * the app's way (migrations, RLS, the request role).
 */
let t: TestDatabase;
let auth: PgAuthStore;
const runners: JobRunner[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  auth = new PgAuthStore(t.db);
});
afterEach(async () => {
  await Promise.all(runners.splice(0).map((r) => r.stop({ graceMs: 1000 })));
});
afterAll(() => t?.close());

const depsOn = (db: TestDatabase['db'], clock: () => Date): JobDeps => ({
  db,
  auth: db === t.db ? auth : new PgAuthStore(db),
  accounts: new PgAccountStore(db),
  clock,
  logger: createLogger({ level: 'silent' }),
  config: testConfig(),
  writer: createServerWriter({ db, feed: createMemoryChangeFeed(), clock }),
});

function runner(
  jobs: readonly JobDefinition[],
  clock: () => Date,
  cronIntervalSeconds = 30,
  pollingIntervalSeconds = 0.5,
): JobRunner {
  const deps = depsOn(t.db, clock);
  const r = createJobRunner({
    connectionString: t.db.ownerConnectionString,
    jobs,
    deps,
    pollingIntervalSeconds,
    cronIntervalSeconds,
  });
  runners.push(r);
  return r;
}

async function until(check: () => Promise<boolean> | boolean, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A job whose handler runs until `release()` (retried once, a minute later, if failed). */
function gatedJob(name: string) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let running = false;
  const job = defineJob({
    name,
    payload: z.strictObject({}),
    retry: { limit: 1, delaySeconds: 60, backoff: false },
    async handler() {
      running = true;
      await gate;
    },
  });
  return { job, started: () => running, release };
}

const jobState = async (id: string) =>
  (
    await t.db.privileged((c) =>
      c.query<{ state: string }>(`SELECT state::text AS state FROM ${JOBS_SCHEMA}.job WHERE id = $1`, [id]),
    )
  ).rows[0]?.state;

async function clientUser(): Promise<SignedInUser> {
  const tenant = await createTestTenant(t.db);
  const rows = await t.db.privileged(
    async (c) =>
      (
        await c.query<{ email: string; name: string; locale: string; time_zone: string }>(
          'SELECT email, name, locale, time_zone FROM users WHERE id = $1',
          [tenant.client.userId],
        )
      ).rows,
  );
  return {
    id: tenant.client.userId!,
    email: rows[0]!.email,
    name: rows[0]!.name,
    role: 'client',
    organizationId: tenant.organizationId,
    customerId: tenant.customerId,
    locale: rows[0]!.locale,
    timeZone: rows[0]!.time_zone,
  };
}

describe('jobs on pg-boss', () => {
  it('a sent prune-sessions job prunes the sessions that are dead by the injected clock', async () => {
    const user = await clientUser();
    const open = (token: string, createdAt: string, expiresAt: string) =>
      auth.createSession({
        tokenHash: token.padEnd(64, '0'),
        user,
        createdAt: new Date(createdAt),
        expiresAt: new Date(expiresAt),
        userAgent: null,
        ip: null,
      });
    // In the real clock's future: only the injected clock makes the first two dead.
    await open('a', '2030-12-01T00:00:00Z', '2030-12-20T00:00:00Z'); // expired
    await open('b', '2030-12-01T00:00:00Z', '2031-01-30T00:00:00Z'); // idle for a month
    await open('c', '2030-12-31T23:00:00Z', '2031-01-30T00:00:00Z'); // live
    const live = async (token: string) => (await auth.findSession(token.padEnd(64, '0'))) !== null;

    const jobs = runner(JOBS, () => new Date('2031-01-01T00:00:00Z'));
    await jobs.start();
    const id = await jobs.send(pruneSessionsJob, {});
    await until(async () => (await jobState(id)) === 'completed');
    expect([await live('a'), await live('b'), await live('c')]).toEqual([false, false, true]);
  });

  it('registers the hourly schedule, and a due schedule fires its job', async () => {
    const ran: string[] = [];
    const everyMinute = defineJob({
      name: 'test-every-minute',
      payload: z.strictObject({ tag: z.string() }),
      schedule: { cron: '* * * * *', payload: { tag: 'cron' } },
      handler: async ({ tag }, { clock }) => void ran.push(`${tag}@${clock().toISOString()}`),
    });
    const jobs = runner([...JOBS, everyMinute], () => new Date('2031-02-03T04:05:06Z'), 1);
    await jobs.start();
    const schedules = await t.db.privileged(
      async (c) =>
        (
          await c.query<{ name: string; cron: string }>(
            `SELECT name, cron FROM ${JOBS_SCHEMA}.schedule ORDER BY name`,
          )
        ).rows,
    );
    expect(schedules).toEqual([
      { name: 'import-integrations', cron: '15 5 * * *' },
      { name: 'issue-nfse', cron: '*/5 * * * *' },
      { name: 'notify-scan', cron: '*/5 * * * *' },
      { name: 'prune-sessions', cron: '0 * * * *' },
      { name: 'recompute-all-health', cron: '7 * * * *' },
      { name: 'send-notification-digest', cron: '15 * * * *' },
      { name: 'test-every-minute', cron: '* * * * *' },
      { name: 'train-churn-models', cron: '37 * * * *' },
    ]);
    await until(() => ran.length > 0);
    expect(ran[0]).toBe('cron@2031-02-03T04:05:06.000Z');

    // A schedule that left the code leaves the database on the next start.
    await jobs.stop();
    await runner(JOBS, () => new Date()).start();
    const left = await t.db.privileged(
      async (c) => (await c.query<{ name: string }>(`SELECT name FROM ${JOBS_SCHEMA}.schedule`)).rows,
    );
    expect(left.map((s) => s.name).sort()).toEqual([
      'import-integrations',
      'issue-nfse',
      'notify-scan',
      'prune-sessions',
      'recompute-all-health',
      'send-notification-digest',
      'train-churn-models',
    ]);
  });

  it('a send wakes the idle worker, and a backlog drains without waiting a polling interval per job', async () => {
    const ran: number[] = [];
    const count = defineJob({
      name: 'test-count',
      payload: z.strictObject({ n: z.number().int() }),
      handler: async ({ n }) => void ran.push(n),
    });
    // Polling every 60 s: only the wake-ups can make these run within the test's 20 s.
    const jobs = runner([count], () => new Date(), 30, 60);
    await jobs.start();
    await new Promise((resolve) => setTimeout(resolve, 300)); // the worker's first (empty) poll is done
    for (const n of [1, 2, 3, 4]) await jobs.send(count, { n });
    await until(() => ran.length === 4);
    expect([...ran].sort()).toEqual([1, 2, 3, 4]);
  });

  it('sendDeduplicated keeps one waiting run per key; a run that started no longer counts', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const ran: string[] = [];
    const dedup = defineJob({
      name: 'test-dedup',
      payload: z.strictObject({ key: z.string() }),
      deduplicate: true,
      async handler({ key }) {
        ran.push(key);
        if (key === 'a' && ran.length === 1) await gate;
      },
    });
    const jobs = runner([dedup], () => new Date());
    await jobs.start();
    const first = await jobs.sendDeduplicated(dedup, { key: 'a' }, 'a');
    expect(first).not.toBeNull();
    await until(() => ran.length === 1); // 'a' is running (held at the gate)
    const waiting = await jobs.sendDeduplicated(dedup, { key: 'a' }, 'a');
    expect(waiting).not.toBeNull(); // the running one does not count
    expect(await jobs.sendDeduplicated(dedup, { key: 'a' }, 'a')).toBeNull(); // one is already waiting
    expect(await jobs.sendDeduplicated(dedup, { key: 'b' }, 'b')).not.toBeNull(); // another key
    await expect(jobs.sendDeduplicated(pruneSessionsJob, {}, 'x')).rejects.toThrow(/not registered/);
    release();
    await until(() => ran.length === 3);
    expect([...ran].sort()).toEqual(['a', 'a', 'b']);
  });

  it('a delayed sendDeduplicated folds the sends of its delay into one run, started without waiting for a poll', async () => {
    const ran: { key: string; at: number }[] = [];
    const dedup = defineJob({
      name: 'test-delayed',
      payload: z.strictObject({ key: z.string() }),
      deduplicate: true,
      handler: async ({ key }) => void ran.push({ key, at: Date.now() }),
    });
    // Polling every 60 s: only the runner's own wake-up at the due time can start the run within the test.
    const jobs = runner([dedup], () => new Date(), 30, 60);
    await jobs.start();
    await new Promise((resolve) => setTimeout(resolve, 300)); // the worker's first (empty) poll is done
    const sentAt = Date.now();
    expect(await jobs.sendDeduplicated(dedup, { key: 'a' }, 'a', { delaySeconds: 1 })).not.toBeNull();
    expect(await jobs.sendDeduplicated(dedup, { key: 'a' }, 'a', { delaySeconds: 1 })).toBeNull(); // folded in
    expect(await jobs.sendDeduplicated(dedup, { key: 'a' }, 'a')).toBeNull(); // an undelayed send too
    await until(() => ran.length === 1, 10_000);
    expect(ran[0]!.at - sentAt).toBeGreaterThanOrEqual(900); // it waited its delay (the database's clock)
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(ran.map((r) => r.key)).toEqual(['a']); // one run for the three sends
    await expect(jobs.sendDeduplicated(dedup, { key: 'a' }, 'a', { delaySeconds: -1 })).rejects.toThrow(
      /≥ 0/,
    );
    // Fractions of a second are honoured (pg-boss adds them to the database's now() as an interval).
    const at = Date.now();
    expect(await jobs.sendDeduplicated(dedup, { key: 'b' }, 'b', { delaySeconds: 0.4 })).not.toBeNull();
    await until(() => ran.length === 2, 10_000);
    expect(ran[1]!.at - at).toBeGreaterThanOrEqual(300);
    expect(ran[1]!.at - at).toBeLessThan(5_000); // woken at its due time, not at a 60 s poll
  });

  it('sendDeduplicatedMany queues a run per key in one statement, skipping keys that already wait', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const ran: string[] = [];
    const dedup = defineJob({
      name: 'test-dedup-many',
      payload: z.strictObject({ key: z.string() }),
      deduplicate: true,
      async handler({ key }) {
        ran.push(key);
        if (ran.length === 1) await gate;
      },
    });
    const jobs = runner([dedup], () => new Date());
    await jobs.start();
    const entry = (key: string) => ({ payload: { key }, key });
    await jobs.sendDeduplicatedMany(dedup, [entry('a')]);
    await until(() => ran.length === 1); // 'a' is running (held at the gate)
    // 'a' running does not count; the second 'a' of the same call and the 'b' already waiting are skipped.
    await jobs.sendDeduplicatedMany(dedup, [entry('a'), entry('b'), entry('a')]);
    await jobs.sendDeduplicatedMany(dedup, [entry('b'), entry('c')]);
    await jobs.sendDeduplicatedMany(dedup, []);
    await expect(
      jobs.sendDeduplicatedMany(dedup, [entry('d'), { payload: { key: 1 }, key: 'e' } as never]),
    ).rejects.toThrow();
    await expect(jobs.sendDeduplicatedMany(pruneSessionsJob, [{ payload: {}, key: 'x' }])).rejects.toThrow(
      /not registered/,
    );
    release();
    await until(() => ran.length === 4);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect([...ran].sort()).toEqual(['a', 'a', 'b', 'c']); // 'd' was not queued: its call had a bad payload
  });

  it('validates a payload when it is sent', async () => {
    const jobs = runner(JOBS, () => new Date());
    await jobs.start();
    await expect(jobs.send(pruneSessionsJob, { extra: 1 } as never)).rejects.toThrow();
  });

  it('stop() stops fetching and waits for a running handler to finish', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const events: string[] = [];
    const slow = defineJob({
      name: 'test-slow',
      payload: z.strictObject({}),
      async handler() {
        events.push('started');
        await gate;
        events.push('finished');
      },
    });
    const jobs = runner([slow], () => new Date());
    await jobs.start();
    const id = await jobs.send(slow, {});
    await until(() => events.includes('started'));

    const stopped = jobs.stop({ graceMs: 15_000 }).then(() => events.push('stopped'));
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(events).toEqual(['started']);
    release();
    await stopped;
    expect(events).toEqual(['started', 'finished', 'stopped']);
    expect(await jobState(id)).toBe('completed');
    await expect(jobs.send(slow, {})).rejects.toThrow(/stopped/);
  });

  it('stop() is bounded: a handler still running after the grace period is failed for a retry', async () => {
    const { job: stuck, started, release } = gatedJob('test-stuck');
    const jobs = runner([stuck], () => new Date());
    await jobs.start();
    const id = await jobs.send(stuck, {});
    await until(started);
    const began = Date.now();
    await jobs.stop({ graceMs: 1000 });
    expect(Date.now() - began).toBeLessThan(4000);
    expect(await jobState(id)).toBe('retry');
    release();
  });

  it('a handler that outlives stop() and the closing of the database ends quietly (its job is retried later)', async () => {
    // A server's shutdown: jobs stopped (the grace ran out), then the database closed, then the handler ends.
    const own = await createTestDatabase();
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => void rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    try {
      const { job: outliving, started, release } = gatedJob('test-outliving');
      const jobs = createJobRunner({
        connectionString: own.db.ownerConnectionString,
        jobs: [outliving],
        deps: depsOn(own.db, () => new Date()),
        pollingIntervalSeconds: 0.5,
      });
      await jobs.start();
      await jobs.send(outliving, {});
      await until(started);
      await jobs.stop({ graceMs: 1000 });
      await own.close();
      release();
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(rejections).toEqual([]);
    } finally {
      process.off('unhandledRejection', onRejection);
    }
  });

  it("leaves the app's schema to its migrations and keeps the request role out of pg-boss", async () => {
    await runner(JOBS, () => new Date()).start();
    // Re-running the app's migrations applies nothing and still finds the roles safe.
    expect((await t.db.migrate()).applied).toEqual([]);
    // The request role (arco_app, no identity) cannot see pg-boss's tables.
    await expect(t.db.query(`SELECT count(*) FROM ${JOBS_SCHEMA}.job`)).rejects.toThrow(/permission denied/);
    // Test resets (public schema only) keep working alongside it.
    await truncateAll(t.db);
  });
});
