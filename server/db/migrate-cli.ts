/**
 * `npm run migrate`: applies pending migrations to DATABASE_URL, or to the embedded database in
 * PGLITE_DATA_DIR (default `.data/pglite`) — stop the server first, PGlite allows one process per data dir.
 * The server also migrates at start-up; this is for operators and CI.
 */
import { z } from 'zod';
import { createDatabase, DEFAULT_DATA_DIR } from './database.ts';

const env = z
  .object({
    DATABASE_URL: z.string().min(1).optional(),
    PGLITE_DATA_DIR: z.string().min(1).default(DEFAULT_DATA_DIR),
  })
  .parse(process.env);

const db = await createDatabase(
  env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: env.PGLITE_DATA_DIR },
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
