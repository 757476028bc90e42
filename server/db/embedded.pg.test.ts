import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDatabase } from './database.ts';

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe.skipIf(process.env.DATABASE_URL)('embedded PostgreSQL (PGlite) on disk', () => {
  it('keeps data and migration history across restarts', async () => {
    const dataDir = join(await mkdtemp(join(tmpdir(), 'arco-pglite-')), 'pglite');
    dirs.push(dataDir);

    const first = await createDatabase({ dataDir });
    expect(first.kind).toBe('embedded');
    expect(first.ownerConnectionString).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/postgres/);
    expect((await first.migrate()).applied.length).toBeGreaterThanOrEqual(4);
    await first.privileged((c) =>
      c.query(`INSERT INTO app_settings (key, value) VALUES ('vapid', '{"publicKey":"k"}')`),
    );
    await first.close();

    const second = await createDatabase({ dataDir });
    try {
      expect(await second.migrate()).toEqual({ applied: [] });
      const { rows } = await second.query<{ value: unknown }>(
        `SELECT value FROM app_settings WHERE key = 'vapid'`,
      );
      expect(rows).toEqual([{ value: { publicKey: 'k' } }]);
    } finally {
      await second.close();
    }
  });
});
