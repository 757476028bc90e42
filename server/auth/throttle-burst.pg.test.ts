import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { testConfig } from '../config.ts';
import { createLogger } from '../logger.ts';
import { createDatabase, type Database } from '../db/database.ts';
import { createSignInUsers, createTestDatabase, createTestTenant, type TestDatabase } from '../db/testing.ts';
import { countingVerifier, loginBurst, TEST_PASSWORD } from '../http/testing.ts';
import { LOGIN_THROTTLE } from './login-throttle.ts';
import { PgAuthStore } from './pg-store.ts';

/**
 * The sign-in throttle under parallel bursts, on PostgreSQL and across two server instances (two apps, each
 * with its own pool) sharing one database: the attempt is counted before its password is checked, so no
 * burst gets more checks than the limit (issue 15, item 2).
 */
let t: TestDatabase;
let second: Database;
let organizationId: string;
beforeAll(async () => {
  t = await createTestDatabase();
  // A second instance's own connection pool to the same database (one connection on PGlite, which serves one
  // session: its socket accepts only a few connections).
  // The whole burst queues for that one connection, longer than the default wait for a free one.
  second = await createDatabase({
    url: t.db.ownerConnectionString,
    ...(t.kind === 'embedded' ? { poolSize: 1, timeouts: { connectMs: 60_000 } } : {}),
  });
});
afterAll(async () => {
  await second.close();
  await t.close();
});
beforeEach(async () => {
  await t.truncateAll();
  organizationId = (await createTestTenant(t.db)).organizationId;
});

function twoInstances() {
  const verifier = countingVerifier();
  const config = testConfig({ trustProxy: 1 });
  const logger = createLogger({ level: 'silent' });
  const apps = [t.db, second].map((db) =>
    createApp({
      config,
      logger,
      auth: new PgAuthStore(db),
      health: { check: async () => undefined },
      verifyPassword: verifier.verify,
    }),
  );
  return { apps, verifier };
}

describe('sign-in throttle under bursts (PostgreSQL, two instances)', () => {
  const { perAccountAndSource, perAddress } = LOGIN_THROTTLE;

  it(`60 parallel wrong passwords for one account: ${perAccountAndSource} password checks`, async () => {
    await createSignInUsers(t.db, TEST_PASSWORD, [
      { organizationId, email: 'vitima@burst.example', name: 'Vítima', role: 'csm' },
    ]);
    const { apps, verifier } = twoInstances();
    const statuses = await loginBurst(
      apps,
      Array.from({ length: 60 }, (_, i) => ({
        email: 'vitima@burst.example',
        password: `wrong-${i}`,
        ip: '192.0.2.7',
      })),
    );
    expect(verifier.calls()).toBe(perAccountAndSource);
    expect(statuses.filter((s) => s === 401)).toHaveLength(perAccountAndSource);
    expect(statuses.filter((s) => s === 429)).toHaveLength(60 - perAccountAndSource);
    // The right password is refused too now (not even checked), on either instance.
    for (const app of apps) {
      const res = await app.request('/api/auth/login', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          origin: 'http://localhost',
          'x-forwarded-for': '192.0.2.7',
        },
        body: JSON.stringify({ email: 'vitima@burst.example', password: TEST_PASSWORD }),
      });
      expect(res.status).toBe(429);
    }
    expect(verifier.calls()).toBe(perAccountAndSource);
  });

  it(`120 parallel sign-ins to different accounts from one address: ${perAddress} password checks`, async () => {
    const { apps, verifier } = twoInstances();
    const statuses = await loginBurst(
      apps,
      Array.from({ length: 120 }, (_, i) => ({
        email: `user${i}@spray.example`,
        password: 'wrong',
        ip: '192.0.2.8',
      })),
    );
    expect(verifier.calls()).toBe(perAddress);
    expect(statuses.filter((s) => s === 401)).toHaveLength(perAddress);
    expect(statuses.filter((s) => s === 429)).toHaveLength(120 - perAddress);
  });

  it('a correct password admitted in a burst is settled as a success (it resets its counter)', async () => {
    await createSignInUsers(t.db, TEST_PASSWORD, [
      { organizationId, email: 'certa@burst.example', name: 'Certa', role: 'csm' },
    ]);
    const { apps } = twoInstances();
    const statuses = await loginBurst(
      apps,
      Array.from({ length: 4 }, () => ({
        email: 'certa@burst.example',
        password: TEST_PASSWORD,
        ip: '192.0.2.9',
      })),
    );
    expect(statuses).toEqual([200, 200, 200, 200]);
    const { rows } = await t.db.privileged((c) =>
      c.query<{ succeeded: boolean; user_id: string | null }>(
        "SELECT succeeded, user_id FROM login_attempts WHERE account_key = 'certa@burst.example'",
      ),
    );
    expect(rows).toHaveLength(4);
    expect(rows.every((r) => r.succeeded && r.user_id !== null)).toBe(true);
  });
});
