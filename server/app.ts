import { Hono } from 'hono';
import type { Config } from './config.ts';
import type { Logger } from './logger.ts';
import type { AccountStore } from './auth/account-store.ts';
import { passkeyRoutes } from './auth/passkeys-routes.ts';
import { passwordResetRoutes } from './auth/password-reset-routes.ts';
import { authRoutes, type SessionEndedHandler } from './auth/routes.ts';
import { sessionsListRoutes } from './auth/sessions-list-routes.ts';
import { SessionService } from './auth/sessions.ts';
import type { AuthStore } from './auth/store.ts';
import { systemRandomBytes, type RandomBytes } from './auth/tokens.ts';
import { limitBody } from './http/body.ts';
import { systemClock, type AppEnv, type AuthedEnv, type Clock } from './http/context.ts';
import { compressResponses } from './http/compression.ts';
import { csrfProtection } from './http/csrf.ts';
import { healthRoutes, type HealthCheck } from './http/health.ts';
import { guardStreams, StreamRegistry } from './http/streams.ts';
import { requireUser } from './auth/require-user.ts';
import type { Mailer } from './mail/mailer.ts';
import { requestContext } from './http/request-context.ts';
import { securityHeaders } from './http/security-headers.ts';
import { serveSpa } from './static/spa.ts';
import { withErrorHandling } from '../sync/server/error-handler.ts';
import { isDatabaseUnavailable } from './db/errors.ts';
import { ApiError } from '../shared/api-errors.ts';

/** Seconds a client should wait before retrying while the database cannot serve. */
export const UNAVAILABLE_RETRY_SECONDS = 5;

/** 503 `unavailable` (docs/api.md "Errors"), with Retry-After so clients back off instead of hammering. */
const databaseUnavailable = () =>
  new ApiError('unavailable', 'The database is temporarily unavailable. Try again shortly.', undefined, {
    'Retry-After': String(UNAVAILABLE_RETRY_SECONDS),
  });

export interface AppDeps {
  readonly config: Config;
  readonly logger: Logger;
  /** Users, sessions and sign-in attempts (MemoryAuthStore in tests, the PostgreSQL store in production). */
  readonly auth: AuthStore;
  /**
   * Password reset, passkeys and the signed-in devices list (`/api/auth/password-reset`, `/passkeys`,
   * `/sessions`); omitted → those routes are absent. `background` runs what follows a reset request's answer.
   */
  readonly accounts?: {
    readonly store: AccountStore;
    readonly mailer: Mailer;
    readonly background?: (task: Promise<void>) => void;
  };
  /** Database reachability for `GET /api/health`. */
  readonly health: HealthCheck;
  readonly clock?: Clock;
  readonly random?: RandomBytes;
  /** Built PWA to serve (Vite's `dist/`); omitted → API only. */
  readonly staticRoot?: string;
  /**
   * More API sub-apps, mounted under `/api/<name>` behind the same headers, CSRF check, body limit and error
   * mapping — e.g. `{ sync: syncApp }` → `/api/sync/*`. They protect themselves with `requireUser`.
   */
  readonly apiRoutes?: Readonly<Record<string, Hono<AppEnv> | Hono<AuthedEnv>>>;
  /** Called when a sign-out or a new sign-in ends a session (the device's push subscriptions follow it). */
  readonly onSessionEnded?: SessionEndedHandler;
  /** Open event streams (caps, session end, shutdown); default: one for this app with `config.streams`. */
  readonly streams?: StreamRegistry;
  /** The sign-in password check (default argon2id verification; tests count calls). */
  readonly verifyPassword?: (storedHash: string | null, password: string) => Promise<boolean>;
}

/** The event-stream routes (SSE), capped and tied to their session by `guardStreams`. */
export const STREAM_PATHS = ['/api/sync/stream', '/api/portal/live/stream'] as const;

/**
 * The whole HTTP surface (docs/api.md). Middleware order matters:
 * request context (id, log, HTTPS flag) → security headers (wrap everything, errors included) → compression
 * (negotiated br/gzip of what the routes answer, never the SSE streams) → body limit (every route, chunked bodies too) → CSRF on /api → routes → one error mapper and one 404.
 */
export function createApp(deps: AppDeps): Hono<AppEnv> {
  const clock = deps.clock ?? systemClock;
  const random = deps.random ?? systemRandomBytes;
  const { config, logger } = deps;
  const sessions = new SessionService({ store: deps.auth, clock, random, policy: config.session });
  const streams =
    deps.streams ??
    new StreamRegistry({
      limits: config.streams,
      onRecheckError: (err) => logger.warn({ err }, 'stream session re-check failed'),
    });
  // A session signed out or replaced here ends its open streams at once (other ends: StreamRegistry re-check).
  const onSessionEnded: SessionEndedHandler = async (ended) => {
    streams.endSession(ended.session.id);
    await deps.onSessionEnded?.(ended);
  };

  const app = new Hono<AppEnv>();
  app.use(requestContext({ config, logger, sessions }));
  app.use(securityHeaders);
  app.use(compressResponses());
  app.use(limitBody(config.maxBodyBytes));
  app.use('/api/*', csrfProtection(config));

  app.route('/api/health', healthRoutes(deps.health));
  app.route(
    '/api/auth',
    authRoutes({
      store: deps.auth,
      clock,
      random,
      config,
      onSessionEnded,
      ...(deps.verifyPassword ? { verifyPassword: deps.verifyPassword } : {}),
    }),
  );
  for (const path of STREAM_PATHS) app.use(path, requireUser, guardStreams(streams));
  if (deps.accounts) {
    const { store: accounts, mailer, background } = deps.accounts;
    const ended = deps.onSessionEnded ? { onSessionEnded: deps.onSessionEnded } : {};
    app.route(
      '/api/auth/password-reset',
      passwordResetRoutes({
        auth: deps.auth,
        accounts,
        clock,
        random,
        mailer,
        logger,
        config,
        ...ended,
        ...(background ? { background } : {}),
      }),
    );
    app.route('/api/auth/passkeys', passkeyRoutes({ accounts, clock, random, config, ...ended }));
    app.route('/api/auth/sessions', sessionsListRoutes({ accounts, clock, config, ...ended }));
  }
  // Sub-apps that use requireUser are typed Hono<AuthedEnv>; mounting does not depend on the env type.
  for (const [name, sub] of Object.entries(deps.apiRoutes ?? {}))
    app.route(`/api/${name}`, sub as Hono<AuthedEnv>);
  if (deps.staticRoot) app.get('*', serveSpa({ root: deps.staticRoot }));

  // The one error handler of the API (sync/server/error-handler.ts): the sync routes mounted above throw the
  // same ApiErrors and are answered here.
  withErrorHandling(
    app,
    (c, err, answer) => {
      const log = c.get('log') ?? logger;
      if (answer.code === 'unavailable') log.warn({ err }, 'database unavailable');
      else log.error({ err }, err === answer ? answer.message : 'unhandled error');
    },
    (err) => (isDatabaseUnavailable(err) ? databaseUnavailable() : undefined),
  );
  return app;
}
