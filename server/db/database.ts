import { AsyncLocalStorage } from 'node:async_hooks';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { PoolClient, QueryConfig, QueryResult, QueryResultRow } from 'pg';
import { runner } from 'node-pg-migrate';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded.ts';
import { DbError, isDatabaseUnavailable } from './errors.ts';
import {
  APP_ROLE,
  CLEAR_IDENTITY_SQL,
  identityParams,
  parseIdentity,
  SET_APP_IDENTITY_SQL,
  SET_SIGN_IN_SQL,
  SIGN_IN_ROLE,
} from './identity.ts';
import type { Identity } from '../../shared/identity.ts';
import { arcoTypeParsers } from './pg-types.ts';
import { inlineParams } from './inline-params.ts';

/**
 * The one door to PostgreSQL. Code above never knows whether it talks to the embedded PGlite or to a real
 * server (DATABASE_URL); both get the same roles, migrations, RLS and value parsing.
 *
 * Every method runs exactly one transaction:
 * - `withIdentity(identity, fn)` — the normal path for requests and jobs: `SET LOCAL ROLE arco_app` plus the
 *   identity settings, so row-level security decides what the transaction can see and write (README, "Database").
 *   `queryWithIdentity(identity, text, params)` is the same for a transaction of one statement (a pull page).
 * - `transaction(fn)` / `query(sql)` — the app role with **no identity**: RLS shows no tenant row at all. For
 *   the pre-authentication lookups (`arco_find_login(email)`, `arco_find_session(token_hash)`,
 *   `arco_find_passkey(credential_id)`, `arco_find_invitation(token_hash)`: SECURITY DEFINER functions that
 *   are the only narrow way past RLS) and reading `app_settings`.
 * - `signIn(fn)` — the sign-in role `arco_auth` with no identity: the only role that reads a password hash
 *   (`arco_find_sign_in(email)`) and the throttle's `login_attempts`. For the sign-in path and its throttle
 *   only. It runs on the owner's connection (`SET LOCAL ROLE`), like app transactions without DATABASE_APP_URL.
 * - `privileged(fn)` — the owner role (the DATABASE_URL user; `postgres` on PGlite), which bypasses RLS. Only
 *   for migrations, the seed loader, cross-organization job scheduling (listing organizations), writing
 *   `app_settings` and test resets. Never for handling a request.
 *
 * Bounded waits (`timeouts`; README "Configuration"): opening a connection to a real server is bounded by
 * `connectMs` (so is waiting for a free pooled connection); every app transaction (`query`, `transaction`,
 * `withIdentity` — what requests run) sets `statement_timeout` and `lock_timeout` locally, and its queries also
 * time out on the client side (a server that stops answering cannot hold a request forever). A database that
 * cannot serve surfaces as `DbError('unavailable')` (the HTTP layer answers 503). Privileged transactions
 * (migrations, seed, job scheduling) keep no statement bound: they are not requests and may be long.
 *
 * Round trips (issue 16): BEGIN and the role/identity settings go to PostgreSQL in one message; a transaction of
 * one statement (`query`, `queryWithIdentity`) goes as one message, BEGIN to COMMIT, when its parameters can be
 * inlined as literals (inline-params.ts says when), else with its parameters in the usual three messages.
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
  /** One transaction as the sign-in role with no identity: password hashes and login attempts (see above). */
  signIn<T>(fn: (client: DbClient) => Promise<T>): Promise<T>;
  /** One transaction as the app role acting for `identity` (RLS enforced). */
  withIdentity<T>(
    identity: Identity,
    fn: (client: DbClient) => Promise<T>,
    options?: TransactionOptions,
  ): Promise<T>;
  /**
   * One statement in its own transaction as the app role acting for `identity` (RLS enforced): what
   * `withIdentity(identity, (c) => c.query(text, params))` does, in one round trip when the statement's
   * parameters can be inlined (inline-params.ts; e.g. a pull page), else in the usual ones.
   */
  queryWithIdentity<R extends QueryResultRow = QueryResultRow>(
    identity: Identity,
    text: string,
    params?: readonly unknown[],
  ): Promise<QueryResult<R>>;
  /** One transaction as the owner role (RLS bypassed). Migrations, seed, job scheduling, tests only. */
  privileged<T>(fn: (client: DbClient) => Promise<T>): Promise<T>;
  /** Applies pending migrations (idempotent; concurrent callers wait for each other), then checks the roles. */
  migrate(options?: MigrateOptions): Promise<MigrationResult>;
  close(): Promise<void>;
}

export interface TransactionOptions {
  /**
   * Take this organization's write lock (ordering.ts `lockOrganizationForWrite`) before `fn` runs, in the same
   * message as BEGIN: a writer that would lock first anyway saves a round trip.
   */
  readonly lockOrganization?: string;
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
  /** Bounded waits (defaults: DEFAULT_TIMEOUTS). */
  timeouts?: Partial<DatabaseTimeouts>;
}

export interface DatabaseTimeouts {
  /**
   * Real server only: opening a connection, and waiting for a free one in the pool. (The embedded database's
   * one connection is shared by everything in the process; waiting for it is bounded by the statement bound of
   * whoever holds it.)
   */
  readonly connectMs: number;
  /** App transactions: one statement (server-side `statement_timeout`; client-side with a little slack). */
  readonly statementMs: number;
  /** App transactions: one lock wait (`lock_timeout`), advisory locks included. */
  readonly lockMs: number;
}

export const DEFAULT_TIMEOUTS: DatabaseTimeouts = { connectMs: 5_000, statementMs: 10_000, lockMs: 3_000 };

/** Client-side bound on one app query beyond the server's own `statement_timeout` (network, queueing). */
const CLIENT_SLACK_MS = 2_000;

export const DEFAULT_DATA_DIR = '.data/pglite';
export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations', import.meta.url));
/** node-pg-migrate's bookkeeping table (owner only; the app role has no grant on it). */
export const MIGRATIONS_TABLE = 'pgmigrations';

export async function createDatabase(options: DatabaseOptions = {}): Promise<Database> {
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  if (options.url === undefined) {
    const embedded = await startEmbeddedPostgres(
      options.inMemory ? {} : { dataDir: options.dataDir ?? DEFAULT_DATA_DIR },
    );
    const pool = newPool(embedded.connectionString, 1, 0);
    return makeDatabase({
      kind: 'embedded',
      ownerUrl: embedded.connectionString,
      ownerPool: pool,
      appPool: pool,
      embedded,
      timeouts,
    });
  }
  const ownerPool = newPool(options.url, options.poolSize ?? 10, timeouts.connectMs);
  const appPool =
    options.appUrl === undefined
      ? ownerPool
      : newPool(options.appUrl, options.poolSize ?? 10, timeouts.connectMs);
  return makeDatabase({
    kind: 'postgres',
    ownerUrl: options.url,
    ownerPool,
    appPool,
    embedded: null,
    timeouts,
  });
}

/** `connectMs` 0 = no bound (pg's default). */
function newPool(connectionString: string, max: number, connectMs: number): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max,
    types: arcoTypeParsers,
    connectionTimeoutMillis: connectMs,
  });
  // An idle client that loses its server emits 'error' on the pool; without a listener Node would crash.
  // The next checkout gets a fresh connection, and the failure surfaces on the query that needs it.
  pool.on('error', () => undefined);
  return pool;
}

/** ordering.ts `lockOrganizationForWrite`'s statement (ordering.ts imports this module: no import back). */
const LOCK_ORGANIZATION_SQL = 'SELECT arco_lock_organization($1)';

/** The statement that gives a transaction its role, identity and bounds (run right after BEGIN). */
interface Setup {
  readonly text: string;
  readonly params?: readonly unknown[];
}

interface Parts {
  kind: Database['kind'];
  ownerUrl: string;
  ownerPool: pg.Pool;
  appPool: pg.Pool;
  embedded: EmbeddedPostgres | null;
  timeouts: DatabaseTimeouts;
}

function makeDatabase(parts: Parts): Database {
  const { timeouts } = parts;
  const where = serverAddress(parts.ownerUrl, parts.kind);
  /** A connection that could not be had, as the error requests and start-up report. */
  const connectFailed = (error: unknown) => {
    const timedOut = error instanceof Error && /timeout/i.test(error.message);
    const why =
      timedOut && parts.kind === 'postgres'
        ? `no answer within ${timeouts.connectMs} ms (DATABASE_CONNECT_TIMEOUT_MS)`
        : reason(error);
    return new DbError('unavailable', `cannot reach the database at ${where}: ${why}`, error);
  };
  const connect = async (pool: pg.Pool) => {
    try {
      return await pool.connect();
    } catch (error) {
      throw connectFailed(error);
    }
  };

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

  /**
   * One transaction on a connection from `pool`. `bounded` (app transactions): every query, BEGIN to COMMIT,
   * also times out on the client side, and the statement and lock bounds are set by `setup`.
   */
  async function run<T>(
    pool: pg.Pool,
    setup: Setup,
    fn: (client: DbClient) => Promise<T>,
    bounded: boolean,
    /** One statement that is the whole transaction: sent in the same message as BEGIN and COMMIT if it inlines. */
    single?: { readonly text: string; readonly params?: readonly unknown[] },
    /** A statement run right after the setup, before `fn` (the organization's write lock). */
    first?: Setup,
  ): Promise<T> {
    assertUsable();
    const client = await connect(pool);
    // A connection that dies while checked out between two queries emits 'error' on the client, which would
    // crash the process without a listener; the next query (or ROLLBACK) fails and the client is discarded.
    const onLost = () => undefined;
    client.on('error', onLost);
    const queryTimeout = bounded ? timeouts.statementMs + CLIENT_SLACK_MS : undefined;
    const send = <R extends QueryResultRow = QueryResultRow>(
      text: string,
      params?: readonly unknown[],
    ): Promise<QueryResult<R>> => {
      const values = params as unknown[] | undefined;
      if (queryTimeout === undefined) return client.query<R>(text, values);
      // `query_timeout` per query is honoured by pg's Client but missing from its QueryConfig type.
      const config = { text, values, query_timeout: queryTimeout } as QueryConfig;
      return client.query<R>(config);
    };
    let finished = false;
    const tx: DbClient = {
      query: (text, params) => {
        if (finished)
          return Promise.reject(new Error('transaction already finished; this client is no longer usable'));
        return send(text, params);
      },
    };
    let releaseError: Error | undefined;
    try {
      // BEGIN and the role/identity settings travel in one message (a round trip less per transaction).
      const setupSql = inlineParams(setup.text, setup.params);
      const firstSql = first ? inlineParams(first.text, first.params) : '';
      const prelude =
        setupSql === null || firstSql === null ? null : firstSql ? `${setupSql}; ${firstSql}` : setupSql;
      const statement = single && prelude !== null ? inlineParams(single.text, single.params) : null;
      if (statement !== null) {
        // The whole transaction in one message: BEGIN; settings; the statement; COMMIT (inline-params.ts).
        // An error stops the message at the failing statement, inside the open transaction: ROLLBACK below.
        const results = (await send(`BEGIN; ${prelude}; ${statement}; COMMIT`)) as unknown as QueryResult[];
        return results[2] as T;
      }
      if (prelude !== null) await send(`BEGIN; ${prelude}`);
      else {
        await send('BEGIN');
        await send(setup.text, setup.params);
        if (first) await send(first.text, first.params);
      }
      const result = await inTransaction.run(true, () => fn(tx));
      await send('COMMIT');
      return result;
    } catch (error) {
      try {
        await send('ROLLBACK');
      } catch (rollbackError) {
        // The connection is in an unknown state: destroy it rather than hand it to the next caller.
        releaseError = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
      }
      if (isDatabaseUnavailable(error) && !(error instanceof DbError)) {
        // A broken connection must not go back to the pool either.
        releaseError ??= error instanceof Error ? error : new Error(String(error));
        throw new DbError('unavailable', `the database did not serve the request: ${reason(error)}`, error);
      }
      throw error;
    } finally {
      finished = true;
      client.off('error', onLost);
      client.release(releaseError);
    }
  }

  // The identity and the request bounds in one statement (all transaction-local).
  const setAppSql = `${SET_APP_IDENTITY_SQL}, set_config('statement_timeout', $5, true), set_config('lock_timeout', $6, true)`;
  const asApp = (identity: Identity | null): Setup => ({
    text: setAppSql,
    params: [...identityParams(identity), String(timeouts.statementMs), String(timeouts.lockMs)],
  });

  // The sign-in role, no identity, the same request bounds (the sign-in path is a request like any other).
  const asSignIn: Setup = {
    text: `${SET_SIGN_IN_SQL}, set_config('statement_timeout', $1, true), set_config('lock_timeout', $2, true)`,
    params: [String(timeouts.statementMs), String(timeouts.lockMs)],
  };

  const db: Database = {
    kind: parts.kind,
    ownerConnectionString: parts.ownerUrl,
    query: (text, params) =>
      run(parts.appPool, asApp(null), (c) => c.query(text, params), true, { text, params }),
    transaction: (fn) => run(parts.appPool, asApp(null), fn, true),
    withIdentity: async (identity, fn, options = {}) =>
      run(
        parts.appPool,
        asApp(parseIdentity(identity)),
        fn,
        true,
        undefined,
        options.lockOrganization === undefined
          ? undefined
          : { text: LOCK_ORGANIZATION_SQL, params: [options.lockOrganization] },
      ),
    queryWithIdentity: async (identity, text, params) =>
      run(parts.appPool, asApp(parseIdentity(identity)), (c) => c.query(text, params), true, {
        text,
        params,
      }),
    signIn: (fn) => run(parts.ownerPool, asSignIn, fn, true),
    privileged: (fn) => run(parts.ownerPool, { text: CLEAR_IDENTITY_SQL }, fn, false),
    async migrate(options = {}) {
      assertUsable();
      const log = options.log ?? (() => undefined);
      const client = await connect(parts.ownerPool);
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

/** `host:port` of a connection string, for messages (never the user or password). */
function serverAddress(url: string, kind: Database['kind']): string {
  if (kind === 'embedded') return 'the embedded PostgreSQL';
  try {
    const { hostname, port } = new URL(url);
    return `${hostname || 'localhost'}:${port || '5432'}`;
  } catch {
    return 'DATABASE_URL';
  }
}

function reason(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return reason(error.errors[0]);
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' && !error.message.includes(code)
      ? `${error.message} (${code})`
      : error.message;
  }
  return String(error);
}

/**
 * The second wall only holds if the roles are what the policies assume: the owner can bypass RLS (superuser or
 * BYPASSRLS — otherwise FORCE ROW LEVEL SECURITY would hide every row from migrations, the seed and the
 * SECURITY DEFINER login lookups) and `arco_app` (and a separate app login, if any) cannot.
 */
async function verifyRoles(owner: PoolClient, appPool: pg.Pool | null): Promise<void> {
  const { rows } = await owner.query<{
    owner_bypasses: boolean;
    app_bypasses: boolean | null;
    sign_in_bypasses: boolean | null;
  }>(
    `SELECT (SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user) AS owner_bypasses,
            (SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = $1) AS app_bypasses,
            (SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = $2) AS sign_in_bypasses`,
    [APP_ROLE, SIGN_IN_ROLE],
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
  if (row.sign_in_bypasses !== false) {
    throw new DbError(
      'unsafe_roles',
      `role ${SIGN_IN_ROLE} must exist and have neither SUPERUSER nor BYPASSRLS`,
    );
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
