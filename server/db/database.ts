import { AsyncLocalStorage } from 'node:async_hooks';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { PoolClient, QueryResult, QueryResultRow } from 'pg';
import { runner } from 'node-pg-migrate';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded.ts';
import { DbError } from './errors.ts';
import {
  APP_ROLE,
  CLEAR_IDENTITY_SQL,
  identityParams,
  parseIdentity,
  SET_APP_IDENTITY_SQL,
} from './identity.ts';
import type { Identity } from '../../shared/identity.ts';
import { arcoTypeParsers } from './pg-types.ts';

/**
 * The one door to PostgreSQL. Code above never knows whether it talks to the embedded PGlite or to a real
 * server (DATABASE_URL); both get the same roles, migrations, RLS and value parsing.
 *
 * Every method runs exactly one transaction:
 * - `withIdentity(identity, fn)` — the normal path for requests and jobs: `SET LOCAL ROLE arco_app` plus the
 *   identity settings, so row-level security decides what the transaction can see and write (README, "Database").
 * - `transaction(fn)` / `query(sql)` — the app role with **no identity**: RLS shows no tenant row at all. For
 *   the pre-authentication lookups (`arco_find_login(email)`, `arco_find_session(token_hash)`,
 *   `arco_find_passkey(credential_id)`, `arco_find_invitation(token_hash)`: SECURITY DEFINER functions that
 *   are the only narrow way past RLS), `login_attempts` (rate limiting) and reading `app_settings`.
 * - `privileged(fn)` — the owner role (the DATABASE_URL user; `postgres` on PGlite), which bypasses RLS. Only
 *   for migrations, the seed loader, cross-organization job scheduling (listing organizations), writing
 *   `app_settings` and test resets. Never for handling a request.
 *
 * Rules (they keep the embedded single-session database from deadlocking):
 * - Inside `fn`, use only the client you were given. Calling this Database again from inside `fn` throws
 *   `DbError('nested_transaction')` immediately instead of hanging (PGlite has one connection).
 * - Don't hold a transaction open while awaiting anything slow or another pool's connection (pg-boss: enqueue
 *   with the transaction's own client, or after commit).
 * - Publish change events after the method resolves (after commit), never from inside `fn`.
 */
export interface DbClient {
  query<R extends QueryResultRow = QueryResultRow>(
    text: string,
    params?: readonly unknown[],
  ): Promise<QueryResult<R>>;
}

export interface Database {
  readonly kind: 'embedded' | 'postgres';
  /** Owner connection string, for tools that need their own connection (pg-boss, psql). */
  readonly ownerConnectionString: string;
  /** One statement in its own transaction as the app role with no identity (see above). */
  query<R extends QueryResultRow = QueryResultRow>(
    text: string,
    params?: readonly unknown[],
  ): Promise<QueryResult<R>>;
  /** One transaction as the app role with no identity. */
  transaction<T>(fn: (client: DbClient) => Promise<T>): Promise<T>;
  /** One transaction as the app role acting for `identity` (RLS enforced). */
  withIdentity<T>(identity: Identity, fn: (client: DbClient) => Promise<T>): Promise<T>;
  /** One transaction as the owner role (RLS bypassed). Migrations, seed, job scheduling, tests only. */
  privileged<T>(fn: (client: DbClient) => Promise<T>): Promise<T>;
  /** Applies pending migrations (idempotent; concurrent callers wait for each other), then checks the roles. */
  migrate(options?: MigrateOptions): Promise<MigrationResult>;
  close(): Promise<void>;
}

export interface MigrateOptions {
  /** Where node-pg-migrate's progress lines go (default: nowhere). */
  log?: (message: string) => void;
}

export interface MigrationResult {
  /** Names of the migrations applied by this call (empty when the schema was already current). */
  applied: string[];
}

export interface DatabaseOptions {
  /** Owner connection (DATABASE_URL). Omitted: start the embedded PGlite. */
  url?: string;
  /**
   * Optional separate login for app transactions on a real server (e.g. DATABASE_APP_URL for `arco_app` given
   * LOGIN and a password). Without it, app transactions use the owner's connection and `SET LOCAL ROLE
   * arco_app`, which RLS enforces the same way but which SQL injection could undo with `RESET ROLE`.
   */
  appUrl?: string;
  /** Embedded only: data directory (default `.data/pglite` under the working directory). */
  dataDir?: string;
  /** Embedded only: keep everything in memory (tests). */
  inMemory?: boolean;
  /** Real server only: connections per pool (default 10). The embedded database always uses 1. */
  poolSize?: number;
}

export const DEFAULT_DATA_DIR = '.data/pglite';
export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations', import.meta.url));
/** node-pg-migrate's bookkeeping table (owner only; the app role has no grant on it). */
export const MIGRATIONS_TABLE = 'pgmigrations';

export async function createDatabase(options: DatabaseOptions = {}): Promise<Database> {
  if (options.url === undefined) {
    const embedded = await startEmbeddedPostgres(
      options.inMemory ? {} : { dataDir: options.dataDir ?? DEFAULT_DATA_DIR },
    );
    const pool = newPool(embedded.connectionString, 1);
    return makeDatabase({
      kind: 'embedded',
      ownerUrl: embedded.connectionString,
      ownerPool: pool,
      appPool: pool,
      embedded,
    });
  }
  const ownerPool = newPool(options.url, options.poolSize ?? 10);
  const appPool = options.appUrl === undefined ? ownerPool : newPool(options.appUrl, options.poolSize ?? 10);
  return makeDatabase({ kind: 'postgres', ownerUrl: options.url, ownerPool, appPool, embedded: null });
}

function newPool(connectionString: string, max: number): pg.Pool {
  const pool = new pg.Pool({ connectionString, max, types: arcoTypeParsers });
  // An idle client that loses its server emits 'error' on the pool; without a listener Node would crash.
  // The next checkout gets a fresh connection, and the failure surfaces on the query that needs it.
  pool.on('error', () => undefined);
  return pool;
}

interface Parts {
  kind: Database['kind'];
  ownerUrl: string;
  ownerPool: pg.Pool;
  appPool: pg.Pool;
  embedded: EmbeddedPostgres | null;
}

function makeDatabase(parts: Parts): Database {
  // Marks the async context of a running transaction, to refuse re-entrant use (see the rules above).
  const inTransaction = new AsyncLocalStorage<true>();
  let closed = false;

  const assertUsable = () => {
    if (closed) throw new Error('database is closed');
    if (inTransaction.getStore()) {
      throw new DbError(
        'nested_transaction',
        'this Database was called from inside one of its own transactions; use the client passed to fn',
      );
    }
  };

  async function run<T>(
    pool: pg.Pool,
    setup: (client: PoolClient) => Promise<unknown>,
    fn: (client: DbClient) => Promise<T>,
  ): Promise<T> {
    assertUsable();
    const client = await pool.connect();
    let finished = false;
    const tx: DbClient = {
      query: (text, params) => {
        if (finished)
          return Promise.reject(new Error('transaction already finished; this client is no longer usable'));
        return client.query(text, params as unknown[] | undefined);
      },
    };
    let releaseError: Error | undefined;
    try {
      await client.query('BEGIN');
      await setup(client);
      const result = await inTransaction.run(true, () => fn(tx));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      try {
        await client.query('ROLLBACK');
      } catch (rollbackError) {
        // The connection is in an unknown state: destroy it rather than hand it to the next caller.
        releaseError = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
      }
      throw error;
    } finally {
      finished = true;
      client.release(releaseError);
    }
  }

  const asApp = (identity: Identity | null) => (client: PoolClient) =>
    client.query(SET_APP_IDENTITY_SQL, identityParams(identity));

  const db: Database = {
    kind: parts.kind,
    ownerConnectionString: parts.ownerUrl,
    query: (text, params) => run(parts.appPool, asApp(null), (c) => c.query(text, params)),
    transaction: (fn) => run(parts.appPool, asApp(null), fn),
    withIdentity: async (identity, fn) => run(parts.appPool, asApp(parseIdentity(identity)), fn),
    privileged: (fn) => run(parts.ownerPool, (c) => c.query(CLEAR_IDENTITY_SQL), fn),
    async migrate(options = {}) {
      assertUsable();
      const log = options.log ?? (() => undefined);
      const client = await parts.ownerPool.connect();
      try {
        const applied = await runner({
          dbClient: client,
          dir: MIGRATIONS_DIR,
          direction: 'up',
          migrationsTable: MIGRATIONS_TABLE,
          checkOrder: true,
          singleTransaction: true,
          // Two server instances starting together: the second waits, then finds nothing to do.
          advisoryLockMode: 'wait',
          log,
        });
        await verifyRoles(client, parts.appPool === parts.ownerPool ? null : parts.appPool);
        return { applied: applied.map((m) => m.name) };
      } finally {
        client.release();
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await parts.ownerPool.end();
      if (parts.appPool !== parts.ownerPool) await parts.appPool.end();
      await parts.embedded?.close();
    },
  };
  return db;
}

/**
 * The second wall only holds if the roles are what the policies assume: the owner can bypass RLS (superuser or
 * BYPASSRLS — otherwise FORCE ROW LEVEL SECURITY would hide every row from migrations, the seed and the
 * SECURITY DEFINER login lookups) and `arco_app` (and a separate app login, if any) cannot.
 */
async function verifyRoles(owner: PoolClient, appPool: pg.Pool | null): Promise<void> {
  const { rows } = await owner.query<{ owner_bypasses: boolean; app_bypasses: boolean | null }>(
    `SELECT (SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user) AS owner_bypasses,
            (SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = $1) AS app_bypasses`,
    [APP_ROLE],
  );
  const row = rows[0];
  if (!row?.owner_bypasses) {
    throw new DbError(
      'unsafe_roles',
      'the DATABASE_URL role must be a superuser or have BYPASSRLS (it owns the tables, which FORCE row-level security)',
    );
  }
  if (row.app_bypasses !== false) {
    throw new DbError('unsafe_roles', `role ${APP_ROLE} must exist and have neither SUPERUSER nor BYPASSRLS`);
  }
  if (appPool === null) return;
  const app = await appPool.query<{ unsafe: boolean; member: boolean }>(
    `SELECT rolsuper OR rolbypassrls AS unsafe, pg_has_role(current_user, $1, 'MEMBER') AS member
       FROM pg_roles WHERE rolname = current_user`,
    [APP_ROLE],
  );
  if (app.rows[0]?.unsafe !== false || !app.rows[0].member) {
    throw new DbError(
      'unsafe_roles',
      `the app login must be ${APP_ROLE} (or a member of it) without SUPERUSER/BYPASSRLS`,
    );
  }
}
