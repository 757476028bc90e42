/**
 * `npm run migrate`: applies pending migrations as the owner to DATABASE_URL, or to the embedded database in
 * `$DATA_DIR/pglite` (DATA_DIR defaults to `.data`, as in server/config.ts). Stop the server first when using
 * the embedded database: PGlite allows one process per data directory. The server also migrates at start-up;
 * this is for operators and CI.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { createDatabase } from './database.ts';

const env = z
  .object({
    DATABASE_URL: z.string().min(1).optional(),
    DATA_DIR: z.string().trim().min(1).default('.data'),
  })
  .parse(process.env);

const db = await createDatabase(
  env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: join(env.DATA_DIR, 'pglite') },
);
try {
  const started = performance.now();
  const { applied } = await db.migrate({ log: (line) => console.log(line) });
  const ms = Math.round(performance.now() - started);
  console.log(
    applied.length ? `applied ${applied.join(', ')} in ${ms} ms` : `schema is up to date (${ms} ms)`,
  );
} finally {
  await db.close();
}
