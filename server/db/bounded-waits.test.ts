import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from './database.ts';
import { DbError } from './errors.ts';
import { silentServer, type FaultServer } from './fault-servers.ts';

/**
 * A database that accepts connections and never answers must not hang anything (issue 15, item 3): not
 * start-up (migrate), not a request's transaction. Against a loopback server that accepts and stays silent.
 */
const ROOT = resolve(import.meta.dirname, '..', '..');

let silent: FaultServer;
beforeAll(async () => {
  silent = await silentServer();
});
afterAll(() => silent.close());

describe('a database that accepts connections and never answers', () => {
  it('fails migrate (start-up) after the connect bound, naming the server and the setting', async () => {
    const db = await createDatabase({ url: silent.url(), timeouts: { connectMs: 300 } });
    const started = Date.now();
    const error = await db.migrate().catch((e: unknown) => e);
    const waited = Date.now() - started;
    await db.close();
    expect(error).toBeInstanceOf(DbError);
    expect((error as DbError).code).toBe('unavailable');
    expect((error as DbError).message).toContain(`127.0.0.1:${silent.port}`);
    expect((error as DbError).message).toContain('DATABASE_CONNECT_TIMEOUT_MS');
    expect(waited).toBeGreaterThanOrEqual(250);
    expect(waited).toBeLessThan(5_000);
  });

  it('fails a request transaction as unavailable instead of waiting', async () => {
    const db = await createDatabase({ url: silent.url(), timeouts: { connectMs: 300 } });
    const error = await db.query('SELECT 1').catch((e: unknown) => e);
    await db.close();
    expect(error).toMatchObject({ code: 'unavailable' });
  });

  it('makes the real server process exit 1 with one clear line, within the bound', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'test',
        PORT: '0',
        DATABASE_URL: silent.url(),
        DATABASE_CONNECT_TIMEOUT_MS: '500',
        LOG_LEVEL: 'silent',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((done) => child.once('exit', (c) => done(c)));
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(
      `Arco could not start: cannot reach the database at 127.0.0.1:${silent.port}: ` +
        'no answer within 500 ms (DATABASE_CONNECT_TIMEOUT_MS)',
    );
    // Without the bound the process never exits (the test would time out); tsx start-up is most of the wait.
  }, 120_000);
});
