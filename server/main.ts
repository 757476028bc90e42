import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { createLogger, type Logger } from './logger.ts';
import { LOGIN_THROTTLE } from './auth/login-throttle.ts';
import { PgAuthStore } from './auth/pg-store.ts';
import { createDatabase, type Database } from './db/database.ts';
import { openChangeFeed } from './sync/change-feed.ts';
import { createSyncApp } from './sync/sync-app.ts';
import { directoryRoutes } from './directory/routes.ts';
import { settingsRoutes } from './settings/routes.ts';
import { createServerWriter } from './sync/server-writes.ts';

/**
 * `npm start` (via scripts/start.mjs): configuration → database (embedded PGlite under DATA_DIR, or
 * DATABASE_URL) → migrations → demo data on an empty database (not in production) → HTTP server serving the
 * API and the built PWA from dist/ → graceful shutdown on SIGINT/SIGTERM.
 */

export const DIST_DIR = fileURLToPath(new URL('../dist', import.meta.url));
const SEED_MODULE = new URL('./seed/index.ts', import.meta.url);

/** Password of every demo account (DESIGN §10). */
export const DEMO_PASSWORD = 'arco-demo';
export const DEMO_LOGINS = [
  { email: 'admin@arco.example', who: 'admin, Arco Digital' },
  { email: 'maria@arco.example', who: 'CSM Maria Santos' },
  { email: 'joao@arco.example', who: 'CSM João Silva' },
  { email: 'cliente@techcorp.example', who: 'client, TechCorp LTDA' },
  { email: 'admin@outra.example', who: 'admin, Outra Agência' },
] as const;

/** Attempts older than this count for nothing (known devices are remembered this long). */
const PRUNE_EVERY_MS = 60 * 60_000;
/** In-flight requests get this long to finish on shutdown; then open connections (SSE streams) are cut. */
const SHUTDOWN_GRACE_MS = 5_000;

export interface RunningServer {
  readonly url: string;
  readonly server: Server;
  readonly db: Database;
  close(): Promise<void>;
}

export interface StartOptions {
  readonly config: Config;
  readonly logger: Logger;
  /** An already open (and migrated) database, e.g. a test database; otherwise one is opened from config. */
  readonly db?: Database;
  /** Default: on an empty database, unless NODE_ENV=production. */
  readonly seed?: boolean;
  /** Default: dist/ when it has an index.html. */
  readonly staticRoot?: string | null;
}

export async function startServer(options: StartOptions): Promise<RunningServer> {
  const { config, logger } = options;
  const db = options.db ?? (await openDatabase(config, logger));
  try {
    const { applied } = await db.migrate({
      log: (message) => logger.debug({ migration: message }, 'migrate'),
    });
    logger.info({ applied: applied.length, database: db.kind }, 'database ready');
    if (options.seed ?? config.env !== 'production') await seedIfEmpty(db, logger);

    const auth = new PgAuthStore(db);
    const staticRoot =
      options.staticRoot === undefined
        ? existsSync(join(DIST_DIR, 'index.html'))
          ? DIST_DIR
          : undefined
        : (options.staticRoot ?? undefined);
    if (!staticRoot)
      logger.warn('no built client (dist/index.html): serving the API only — run `npm run build`');
    const changes = await openChangeFeed(db, (err) => logger.error({ err }, 'change feed'));
    const sync = createSyncApp({
      db,
      feed: changes.feed,
      clock: () => new Date(),
      ...(changes.notifier ? { notifier: changes.notifier } : {}),
    });
    const app = createApp({
      config,
      logger,
      auth,
      apiRoutes: {
        sync,
        directory: directoryRoutes(db),
        settings: settingsRoutes({
          db,
          writer: createServerWriter({
            db,
            feed: changes.feed,
            clock: () => new Date(),
            ...(changes.notifier ? { notifier: changes.notifier } : {}),
          }),
        }),
      },
      health: { check: async () => void (await db.query('SELECT 1')) },
      ...(staticRoot ? { staticRoot } : {}),
    });

    const server = await listen(app.fetch, config);
    const { port } = server.address() as AddressInfo;
    const url = config.publicOrigin ?? `http://${displayHost(config.host)}:${port}`;

    // Sign-in attempts are only needed for throttling and known devices; drop what no rule looks at any more.
    const prune = async () => {
      const before = new Date(Date.now() - LOGIN_THROTTLE.knownDeviceMs);
      const removed = await auth.pruneLoginAttempts(before).catch((err: unknown) => {
        logger.warn({ err }, 'pruning sign-in attempts failed');
        return 0;
      });
      if (removed > 0) logger.info({ removed }, 'pruned old sign-in attempts');
      const now = Date.now();
      const sessions = await auth
        .pruneSessions({ deadBefore: new Date(now), idleBefore: new Date(now - config.session.idleMs) })
        .catch((err: unknown) => {
          logger.warn({ err }, 'pruning dead sessions failed');
          return 0;
        });
      if (sessions > 0) logger.info({ removed: sessions }, 'pruned dead sessions');
    };
    const pruneTimer = setInterval(() => void prune(), PRUNE_EVERY_MS);
    pruneTimer.unref();

    let closing: Promise<void> | undefined;
    const close = () =>
      (closing ??= (async () => {
        clearInterval(pruneTimer);
        await stopServer(server);
        await changes.close();
        if (!options.db) await db.close();
      })());
    return { url, server, db, close };
  } catch (error) {
    if (!options.db) await db.close();
    throw error;
  }
}

async function openDatabase(config: Config, logger: Logger): Promise<Database> {
  if (config.databaseUrl) {
    logger.info('connecting to PostgreSQL (DATABASE_URL)');
    return createDatabase({
      url: config.databaseUrl,
      ...(config.databaseAppUrl ? { appUrl: config.databaseAppUrl } : {}),
    });
  }
  const dataDir = join(config.dataDir, 'pglite');
  logger.info({ dataDir }, 'starting the embedded PostgreSQL (PGlite)');
  return createDatabase({ dataDir });
}

interface Seeder {
  seedDemoData(db: Database, options: { log: (message: string) => void }): Promise<unknown>;
}

/**
 * The demo-data loader lives in server/seed/ (another module): `server/seed/index.ts` exporting
 * `seedDemoData(db, { log })`. It runs only on an empty database (no organization yet).
 */
export async function loadSeeder(): Promise<Seeder | null> {
  if (!existsSync(fileURLToPath(SEED_MODULE))) return null;
  const mod = (await import(SEED_MODULE.href)) as Partial<Seeder>;
  return typeof mod.seedDemoData === 'function' ? (mod as Seeder) : null;
}

async function seedIfEmpty(db: Database, logger: Logger): Promise<void> {
  const { rows } = await db.privileged((c) =>
    c.query<{ empty: boolean }>('SELECT NOT EXISTS (SELECT 1 FROM organizations) AS empty'),
  );
  if (!rows[0]?.empty) return;
  const seeder = await loadSeeder();
  if (!seeder) {
    logger.warn(
      'the database is empty and no demo-data loader exists yet (server/seed/index.ts): not seeding',
    );
    return;
  }
  logger.info('empty database: loading demo data…');
  await seeder.seedDemoData(db, { log: (message) => logger.info({ seed: message }, 'seed') });
  logger.info('demo data loaded');
}

function listen(fetch: Parameters<typeof serve>[0]['fetch'], config: Config): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port: config.port, hostname: config.host }) as Server;
    server.once('error', reject);
    server.once('listening', () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

function stopServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    const force = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
    force.unref();
    server.close(() => {
      clearTimeout(force);
      resolve();
    });
    server.closeIdleConnections();
  });
}

const displayHost = (host: string) =>
  ['0.0.0.0', '127.0.0.1', '::', '::1'].includes(host) ? 'localhost' : host;

async function demoAccountsExist(db: Database): Promise<boolean> {
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM arco_find_login($1)', [
    DEMO_LOGINS[0].email,
  ]);
  return (rows[0]?.n ?? 0) > 0;
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  const logger = createLogger({ level: config.logLevel });
  const running = await startServer({ config, logger });

  const lines = [`Arco is running at ${running.url}`];
  if (config.env !== 'production' && (await demoAccountsExist(running.db))) {
    lines.push(`Demo logins (password "${DEMO_PASSWORD}"):`);
    for (const { email, who } of DEMO_LOGINS) lines.push(`  ${email.padEnd(26)} ${who}`);
  }
  console.log(`\n${lines.join('\n')}\n`);

  let signals = 0;
  const shutdown = (signal: NodeJS.Signals) => {
    signals += 1;
    if (signals > 1) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    logger.info({ signal }, 'shutting down');
    running.close().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  process.on('SIGHUP', shutdown);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
