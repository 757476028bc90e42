import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MemoryAccountStore } from '../auth/account-memory-store.ts';
import { MemoryAuthStore } from '../auth/memory-store.ts';
import type { SignedInUser } from '../../shared/identity.ts';
import { testConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import { createLogger } from '../logger.ts';
import type { ServerWriter } from '../sync/server-writes.ts';
import { defineJob, runJob, type JobContext, type JobSender } from './define.ts';
import { JOBS } from './index.ts';
import { pruneSessionsJob } from './prune-sessions.ts';

/** These handlers must not touch the database: any use fails the test loudly. */
const noDatabase = new Proxy({} as Database, {
  get(_target, property) {
    throw new Error(`unexpected database use: ${String(property)}`);
  },
});

const noWriter = new Proxy({} as ServerWriter, {
  get(_target, property) {
    throw new Error(`unexpected server write: ${String(property)}`);
  },
});
const noJobs = new Proxy({} as JobSender, {
  get(_target, property) {
    throw new Error(`unexpected job send: ${String(property)}`);
  },
});

function context(clock: () => Date, auth = new MemoryAuthStore()): JobContext {
  return {
    db: noDatabase,
    auth,
    accounts: new MemoryAccountStore(),
    clock,
    logger: createLogger({ level: 'silent' }),
    config: testConfig(),
    writer: noWriter,
    jobs: noJobs,
    jobId: 'job-1',
  };
}

const echo = (calls: unknown[]) =>
  defineJob({
    name: 'send-digest',
    payload: z.strictObject({ userId: z.uuid(), times: z.number().int().default(1) }),
    async handler(payload, ctx) {
      calls.push({ payload, at: ctx.clock().toISOString(), jobId: ctx.jobId });
    },
  });

describe('defineJob', () => {
  it('accepts a kebab-case name, a retry policy and a schedule whose payload fits the schema', () => {
    const job = defineJob({
      name: 'recompute-health',
      payload: z.strictObject({ organizationId: z.uuid().optional() }),
      schedule: { cron: '15 3 * * *', timeZone: 'America/Sao_Paulo', payload: {} },
      retry: { limit: 5, delaySeconds: 10, backoff: true },
      timeoutSeconds: 600,
      handler: async () => undefined,
    });
    expect(job.name).toBe('recompute-health');
  });

  it.each([
    ['a bad name', { name: 'Prune_Sessions' }, /kebab-case/],
    ['a negative retry', { retry: { limit: -1, delaySeconds: 1, backoff: false } }, /retry/],
    ['a zero timeout', { timeoutSeconds: 0 }, /timeoutSeconds/],
    ['a six-field cron', { schedule: { cron: '0 0 * * * *', payload: {} } }, /five fields/],
    ['a scheduled payload off-schema', { schedule: { cron: '0 * * * *', payload: { n: -1 } } }, /payload/],
  ])('refuses %s at definition time', (_label, override, message) => {
    expect(() =>
      defineJob({
        name: 'valid-name',
        payload: z.strictObject({ n: z.number().min(0).optional() }),
        handler: async () => undefined,
        ...override,
      }),
    ).toThrow(message);
  });

  it('every registered job has a unique name', () => {
    const names = JOBS.map((j) => j.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain('prune-sessions');
  });
});

describe('runJob', () => {
  it('hands the parsed payload (defaults applied) and the injected clock to the handler', async () => {
    const calls: unknown[] = [];
    const at = new Date('2031-05-04T03:02:01.000Z');
    const userId = '01900000-0000-7000-8000-000000000201';
    await runJob(
      echo(calls),
      { userId },
      context(() => at),
    );
    expect(calls).toEqual([{ payload: { userId, times: 1 }, at: at.toISOString(), jobId: 'job-1' }]);
  });

  it('refuses a payload that does not match the schema, without running the handler', async () => {
    const calls: unknown[] = [];
    await expect(
      runJob(
        echo(calls),
        { userId: 'nope' },
        context(() => new Date()),
      ),
    ).rejects.toThrow(/send-digest.*invalid payload/);
    expect(calls).toEqual([]);
  });
});

describe('prune-sessions job', () => {
  const user: SignedInUser = {
    id: '01900000-0000-7000-8000-000000000201',
    email: 'cliente@techcorp.example',
    name: 'Cliente',
    role: 'client',
    organizationId: '01900000-0000-7000-8000-0000000000a0',
    customerId: '01900000-0000-7000-8000-0000000000c1',
    locale: 'pt-BR',
    timeZone: 'America/Sao_Paulo',
  };
  const at = (iso: string) => new Date(iso);

  it('is scheduled hourly and prunes by the injected clock, not the system clock', async () => {
    expect(pruneSessionsJob.schedule?.cron).toBe('0 * * * *');
    const auth = new MemoryAuthStore([{ user, passwordHash: null, disabled: false }]);
    const open = (token: string, createdAt: string, expiresAt: string) =>
      auth.createSession({
        tokenHash: token.padEnd(64, '0'),
        user,
        createdAt: at(createdAt),
        expiresAt: at(expiresAt),
        userAgent: null,
        ip: null,
      });
    // All of these lie in the future of the real clock: only the injected one makes any of them dead.
    await open('a', '2030-12-01T00:00:00Z', '2030-12-20T00:00:00Z'); // expired
    await open('b', '2030-12-01T00:00:00Z', '2031-01-30T00:00:00Z'); // idle since Dec 1st
    await open('c', '2030-12-31T23:00:00Z', '2031-01-30T00:00:00Z'); // live
    await auth.recordLoginAttempt({
      accountKey: user.email,
      ip: '203.0.113.9',
      deviceKey: null,
      userId: user.id,
      succeeded: true,
      at: at('2030-06-01T00:00:00Z'), // older than the 90-day known-device window
    });
    await auth.recordLoginAttempt({
      accountKey: user.email,
      ip: '203.0.113.9',
      deviceKey: null,
      userId: user.id,
      succeeded: true,
      at: at('2030-12-31T22:00:00Z'),
    });

    await runJob(
      pruneSessionsJob,
      {},
      context(() => at('2031-01-01T00:00:00Z'), auth),
    );

    const live = async (token: string) => (await auth.findSession(token.padEnd(64, '0'))) !== null;
    expect([await live('a'), await live('b'), await live('c')]).toEqual([false, false, true]);
    expect(await auth.pruneLoginAttempts(at('2031-01-01T00:00:00Z'))).toBe(1);
  });
});
