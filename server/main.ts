import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { serve } from '@hono/node-server';
import { v7 as uuidv7 } from 'uuid';
import { createApp } from './app.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { createLogger, type Logger } from './logger.ts';
import { PgAccountStore } from './auth/account-pg-store.ts';
import { PgAuthStore } from './auth/pg-store.ts';
import { createDatabase, type Database } from './db/database.ts';
import { DbError } from './db/errors.ts';
import { probeDatabase } from './db/health-probe.ts';
import { StreamRegistry } from './http/streams.ts';
import { openChangeFeed } from './sync/change-feed.ts';
import { createSyncApp } from './sync/sync-app.ts';
import { directoryRoutes } from './directory/routes.ts';
import { pgEngagementSource, portfolioRoutes } from './portfolio/routes.ts';
import { demoLiveActivitySource } from './portal/demo-live-feed.ts';
import { liveRoutes, pgLiveSource } from './portal/live-routes.ts';
import { createRealtimePoller, pgRealtimeConnections } from './integrations/realtime-poller.ts';
import { settingsRoutes } from './settings/routes.ts';
import { meRoutes } from './notifications/routes.ts';
import { pushRoutes } from './push/routes.ts';
import { pushSessionHandler } from './push/subscriptions.ts';
import { loadVapidKeys } from './push/vapid.ts';
import { createPushSender, type PushSender } from './push/sender.ts';
import { createMailer, type Mailer } from './mail/mailer.ts';
import { subscribeNotificationTriggers } from './notifications/triggers.ts';
import { notifyChangesJob } from './jobs/notify-changes.ts';
import { createServerWriter } from './sync/server-writes.ts';
import { JOBS } from './jobs/index.ts';
import { createJobRunner, type JobRunner } from './jobs/runner.ts';
import { createOpenAiCompatibleWriter } from './llm/openai-compatible.ts';
import {
  organizationKey,
  recomputeChangedHealthJob,
  SETTLE_SECONDS,
} from './jobs/recompute-changed-health.ts';
import { subscribeHealthTriggers } from './health/triggers.ts';
import { createPaymentGateway } from './payments/setup.ts';
import { paymentsRoutes } from './payments/routes.ts';
import { importsRoutes } from './imports/routes.ts';
import { pgStaffPortalSource, staffPortalRoutes } from './staff-portal/routes.ts';
import { calendarRoutes } from './calendar/routes.ts';
import { createIntegrations } from './integrations/setup.ts';
import { nfseRoutes } from './nfse/routes.ts';
import { createNfse } from './nfse/setup.ts';
import { integrationsRoutes } from './integrations/routes.ts';
import { PgAccountsStore } from './users/pg-store.ts';
import { invitationRoutes, setupRoutes, usersRoutes } from './users/routes.ts';
import { systemRandomBytes } from './auth/tokens.ts';
import { chatRoutes, pgChatSource } from './chat/routes.ts';

/**
 * `npm start` (via scripts/start.mjs): configuration → database (embedded PGlite under DATA_DIR, or
 * DATABASE_URL) → migrations → demo data on an empty database (not in production) → background jobs
 * (server/jobs/) → HTTP server serving the API and the built PWA from dist/ → graceful shutdown on
 * SIGINT/SIGTERM: stop taking requests and jobs, let running ones finish (bounded), close the database.
 */

export const DIST_DIR = fileURLToPath(new URL('../dist', import.meta.url));

/** Password of every demo account (README "Quick start"). */
export const DEMO_PASSWORD = 'arco-demo';
export const DEMO_LOGINS = [
  { email: 'admin@arco.example', who: 'admin, Arco Digital' },
  { email: 'maria@arco.example', who: 'CSM Maria Santos' },
  { email: 'joao@arco.example', who: 'CSM João Silva' },
  { email: 'cliente@techcorp.example', who: 'client, TechCorp LTDA' },
  { email: 'admin@outra.example', who: 'admin, Outra Agência' },
] as const;

export interface RunningServer {
  readonly url: string;
  readonly server: Server;
  readonly db: Database;
  readonly jobs: JobRunner;
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
  /** The server's clock, handed to the sync store, server writes and jobs. Default: the system clock. */
  readonly clock?: () => Date;
  /** pg-boss tuning (tests poll faster); see server/jobs/runner.ts. */
  readonly jobs?: { readonly pollingIntervalSeconds?: number; readonly cronIntervalSeconds?: number };
}

export async function startServer(options: StartOptions): Promise<RunningServer> {
  const { config, logger } = options;
  const db = options.db ?? (await openDatabase(config, logger));
  const clock = options.clock ?? (() => new Date());
  let jobs: JobRunner | undefined;
  let stopTriggers = () => {};
  let stopNotificationTriggers = () => {};
  let push: PushSender | null = null;
  let mailer: Mailer | null = null;
  try {
    const { applied } = await db.migrate({
      log: (message) => logger.debug({ migration: message }, 'migrate'),
    });
    logger.info({ applied: applied.length, database: db.kind }, 'database ready');
    if (options.seed ?? config.env !== 'production') await seedIfEmpty(db, logger);

    const auth = new PgAuthStore(db);
    // Push works on a fresh install: a VAPID pair is generated on the first start and kept (server/push/vapid.ts).
    const vapid = await loadVapidKeys(db, config);
    push = createPushSender({ vapid });
    mailer = createMailer(config, logger);
    const staticRoot =
      options.staticRoot === undefined
        ? existsSync(join(DIST_DIR, 'index.html'))
          ? DIST_DIR
          : undefined
        : (options.staticRoot ?? undefined);
    if (!staticRoot)
      logger.warn('no built client (dist/index.html): serving the API only — run `npm run build`');
    const changes = await openChangeFeed(db, (err) => logger.error({ err }, 'change feed'));
    const writer = createServerWriter({
      db,
      feed: changes.feed,
      clock,
      ...(changes.notifier ? { notifier: changes.notifier } : {}),
    });
    const sync = createSyncApp({
      db,
      feed: changes.feed,
      clock,
      verifyStoredJson: config.verifyStoredJson,
      ...(changes.notifier ? { notifier: changes.notifier } : {}),
    });
    // The fake gateway "pays" by posting signed webhooks to this very app, in process (server/payments/setup.ts).
    const selfRequest = (path: string, init: RequestInit) => app.request(path, init);
    const gateway = createPaymentGateway({ config, clock, logger, selfRequest });
    const onSessionEnded = pushSessionHandler(db);
    const accounts = {
      store: new PgAccountsStore(db),
      mailer,
      clock: { now: clock },
      random: systemRandomBytes,
      config,
      onSessionEnded,
    };
    // Open event streams: capped, tied to their session, and ended with a reconnect hint on shutdown.
    const streams = new StreamRegistry({
      limits: config.streams,
      now: () => clock().getTime(),
      onRecheckError: (err) => logger.warn({ err }, 'stream session re-check failed'),
    });
    const accountStore = new PgAccountStore(db);
    // Data sources (GA4, Google Ads, Meta Ads): null when off (production without INTEGRATIONS_KEY).
    const integrations = await createIntegrations({ config, db, writer, clock, logger, push, newId: uuidv7 });
    // GA4 realtime for the "ao vivo" panel: polled per customer while a client has it open (integrations on).
    const realtime = integrations
      ? createRealtimePoller({
          load: pgRealtimeConnections(integrations),
          fetch: integrations.fetch,
          clock,
          timers: {
            setTimeout: (fn, ms) => setTimeout(fn, ms),
            clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
          },
          ga4BaseUrl: config.integrations.ga4BaseUrl,
          oauthBaseUrl: config.integrations.googleOAuthBaseUrl,
          logger,
        })
      : null;
    // NFS-e for paid invoices (NFSE_TOKEN and the issuer's NFSE_* data); null → the job and the route do nothing.
    const nfse = createNfse(config, {
      fetch: (url, init) => globalThis.fetch(url, init),
      clock,
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    });
    const app = createApp({
      config,
      logger,
      auth,
      streams,
      accounts: { store: accountStore, mailer },
      apiRoutes: {
        sync,
        directory: directoryRoutes(db),
        portfolio: portfolioRoutes({ source: pgEngagementSource(db), clock: { now: clock } }),
        // GA4 realtime for customers with GA4 connected; for the others, outside production, the demo live feed
        // stands in for an analytics integration, like the demo data.
        portal: liveRoutes({
          source: pgLiveSource(db),
          clock: { now: clock },
          ...(realtime ? { realtime } : {}),
          ...(config.env === 'production' ? {} : { activity: demoLiveActivitySource }),
        }),
        settings: settingsRoutes({ db, writer }),
        me: meRoutes({ db }),
        push: pushRoutes({ db, vapidPublicKey: vapid.publicKey, allowedHosts: config.pushAllowedHosts }),
        payments: paymentsRoutes({ db, writer, gateway, clock, newId: uuidv7 }),
        imports: importsRoutes({ db, writer, clock, newId: uuidv7 }),
        'staff-portal': staffPortalRoutes({ source: pgStaffPortalSource(db) }),
        calendar: calendarRoutes({ db, config, clock }),
        // Presence: who holds a live stream of this instance (the registry above).
        chat: chatRoutes({ source: pgChatSource(db), presence: streams, clock: { now: clock } }),
        integrations: integrationsRoutes(integrations),
        nfse: nfseRoutes({ db, writer, clock, nfse }),
        users: usersRoutes(accounts),
        invitations: invitationRoutes(accounts),
        setup: setupRoutes(accounts),
      },
      onSessionEnded,
      health: { check: () => probeDatabase(db) },
      ...(staticRoot ? { staticRoot } : {}),
    });

    jobs = createJobRunner({
      connectionString: db.ownerConnectionString,
      jobs: JOBS,
      deps: {
        db,
        auth,
        accounts: accountStore,
        clock,
        logger,
        config,
        writer,
        push,
        mailer,
        integrations,
        nfse,
        // The optional LLM rewrite of at-risk recommendations (LLM_BASE_URL, LLM_MODEL, LLM_API_KEY).
        ...(config.llm
          ? {
              recommendations: createOpenAiCompatibleWriter({
                ...config.llm,
                fetch: globalThis.fetch,
                onFallback: (reason) => logger.warn({ reason }, 'LLM rewrite failed; the template stays'),
              }),
            }
          : {}),
      },
      ...options.jobs,
    });
    await jobs.start();
    const running = jobs;
    // Health follows the data: each committed input change asks for its organization's coalesced recompute,
    // which scores every customer changed since the last one (server/health/).
    stopTriggers = subscribeHealthTriggers(
      changes.feed,
      (organizationId) =>
        running.sendDeduplicated(
          recomputeChangedHealthJob,
          { organizationId },
          organizationKey(organizationId),
          {
            delaySeconds: SETTLE_SECONDS,
          },
        ),
      (err) => logger.error({ err }, 'health recompute request failed'),
    );

    // Notifications follow the data too: each committed batch of a trigger collection is checked for events.
    stopNotificationTriggers = subscribeNotificationTriggers(
      changes.feed,
      (organizationId, collection, ids) =>
        running.send(notifyChangesJob, { organizationId, collection, ids }),
      (err) => logger.error({ err }, 'notification trigger request failed'),
    );

    const server = await listen(app.fetch, config);
    const { port } = server.address() as AddressInfo;
    const url = config.publicOrigin ?? `http://${displayHost(config.host)}:${port}`;

    let closing: Promise<void> | undefined;
    const close = () =>
      (closing ??= (async () => {
        stopTriggers();
        stopNotificationTriggers();
        // Streams never finish by themselves: end them now, each with a reconnect hint (`retry:` + an event),
        // so only real requests in flight hold the shutdown, for at most the grace period.
        streams.endAll('shutdown');
        realtime?.close();
        await Promise.all([
          stopServer(server, config.shutdownGraceMs),
          running.stop({ graceMs: config.shutdownGraceMs }),
        ]);
        await changes.close();
        mailer?.close();
        if (!options.db) await db.close();
      })());
    return { url, server, db, jobs: running, close };
  } catch (error) {
    stopTriggers();
    stopNotificationTriggers();
    mailer?.close();
    await jobs?.stop({ graceMs: 0 });
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
      timeouts: config.databaseTimeouts,
    });
  }
  const dataDir = join(config.dataDir, 'pglite');
  logger.info({ dataDir }, 'starting the embedded PostgreSQL (PGlite)');
  return createDatabase({ dataDir, timeouts: config.databaseTimeouts });
}

async function seedIfEmpty(db: Database, logger: Logger): Promise<void> {
  const { rows } = await db.privileged((c) =>
    c.query<{ empty: boolean }>('SELECT NOT EXISTS (SELECT 1 FROM organizations) AS empty'),
  );
  if (!rows[0]?.empty) return;
  logger.info('empty database: loading demo data…');
  // Imported only when needed: the generator is large and most starts find data already there.
  const { seedDemoData } = await import('./seed/index.ts');
  await seedDemoData(db, { log: (message) => logger.info({ seed: message }, 'seed') });
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

/**
 * Stops listening at once; in-flight requests get `graceMs` (SHUTDOWN_GRACE_MS) to finish, and keep-alive
 * connections are closed as soon as they are idle; then whatever is still open is cut (unfinished jobs are left
 * to pg-boss to retry).
 */
function stopServer(server: Server, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    const idle = setInterval(() => server.closeIdleConnections(), 100);
    const force = setTimeout(() => server.closeAllConnections(), graceMs);
    force.unref();
    server.close(() => {
      clearTimeout(force);
      clearInterval(idle);
      resolve();
    });
    server.closeIdleConnections();
  });
}

/**
 * A second signal this soon after the first is the same request delivered twice — a process manager signalling
 * the whole process group while `npm start` (scripts/start.mjs) also forwards it — not an operator insisting.
 */
const DUPLICATE_SIGNAL_MS = 1_000;

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
  let running: RunningServer;
  try {
    running = await startServer({ config, logger });
  } catch (error) {
    // A database that cannot be reached is an operator's problem, not a bug: one clear line, no stack.
    if (!(error instanceof DbError && error.code === 'unavailable')) throw error;
    console.error(`Arco could not start: ${error.message}`);
    process.exit(1);
  }

  const lines = [`Arco is running at ${running.url}`];
  if (config.env !== 'production' && (await demoAccountsExist(running.db))) {
    lines.push(`Demo logins (password "${DEMO_PASSWORD}"):`);
    for (const { email, who } of DEMO_LOGINS) lines.push(`  ${email.padEnd(26)} ${who}`);
  }
  console.log(`\n${lines.join('\n')}\n`);

  let firstSignalAt: number | null = null;
  const shutdown = (signal: NodeJS.Signals) => {
    if (firstSignalAt !== null) {
      if (Date.now() - firstSignalAt < DUPLICATE_SIGNAL_MS) return;
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    firstSignalAt = Date.now();
    logger.info({ signal, graceMs: config.shutdownGraceMs }, 'shutting down');
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
