import type { Database } from './database.ts';

/** How long the probe's statement and lock waits may take (the health route has its own overall bound). */
export const PROBE_BOUND_MS = 1_000;

/**
 * Whether the database can serve a signed-in request now — not just whether it answers `SELECT 1`: an app
 * transaction (the requests' role and pool) looks up a session through `arco_find_session`, reading the tables
 * every signed-in request reads, with short statement and lock bounds. A table lock that would hold requests,
 * a pool with no free connection or a server that does not answer make it throw, so `GET /api/health` answers
 * 503 while requests would wait or fail.
 */
export async function probeDatabase(db: Database, boundMs = PROBE_BOUND_MS): Promise<void> {
  await db.transaction(async (c) => {
    await c.query("SELECT set_config('lock_timeout', $1, true), set_config('statement_timeout', $2, true)", [
      String(boundMs),
      String(2 * boundMs),
    ]);
    // A token hash no session has: the lookup's cost and locks without a row.
    await c.query('SELECT count(*) FROM arco_find_session($1)', ['0'.repeat(64)]);
  });
}
