import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/**
 * The embedded PostgreSQL used when no DATABASE_URL is set: PGlite 0.5.14 (PostgreSQL 18 compiled to WASM) served
 * on 127.0.0.1 (random port) by pglite-socket, so the rest of the server speaks plain `pg` either way.
 *
 * Limits that shape the code above (verified on PGlite 0.5.14; docs/architecture.md §10):
 * - ONE backend session: connections are multiplexed one protocol message at a time, and a connection inside a
 *   transaction blocks all others until it ends. Session-level settings are shared by every connection
 *   (so the Database only ever uses transaction-local settings), and holding a transaction while awaiting a
 *   second connection deadlocks. The Database therefore uses `pg.Pool({ max: 1 })`.
 * - The socket user is the superuser `postgres` (RLS is bypassed for it): app transactions `SET LOCAL ROLE
 *   arco_app` to be subject to row-level security.
 * - LISTEN/NOTIFY does not cross connections; SSL and query cancellation are not supported.
 * - Never open one data directory from two processes at once.
 */
export interface EmbeddedPostgres {
  /** `postgres://postgres@127.0.0.1:<port>/postgres?sslmode=disable` */
  readonly connectionString: string;
  close(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Data directory (created if missing); omit for an in-memory database (tests). */
  dataDir?: string;
  /**
   * Socket connections accepted. The Database's own pool uses one; a few more leave room for tools that open
   * their own (pg-boss, psql) — they are still served one message at a time.
   */
  maxConnections?: number;
}

export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions = {},
): Promise<EmbeddedPostgres> {
  if (options.dataDir !== undefined) await mkdir(options.dataDir, { recursive: true });
  const pglite = await PGlite.create(options.dataDir === undefined ? {} : { dataDir: options.dataDir });
  const server = new PGLiteSocketServer({
    db: pglite,
    host: '127.0.0.1',
    port: 0,
    maxConnections: options.maxConnections ?? 8,
  });
  try {
    await server.start();
  } catch (error) {
    await pglite.close();
    throw error;
  }
  const connectionString = `postgres://postgres@${server.getServerConn()}/postgres?sslmode=disable`;
  let closed = false;
  return {
    connectionString,
    async close() {
      if (closed) return;
      closed = true;
      await server.stop();
      await pglite.close();
    },
  };
}
