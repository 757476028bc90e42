import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { SessionService } from '../auth/sessions.ts';
import type { AppEnv } from './context.ts';
import { isSecureRequest } from './request-info.ts';

/** An incoming X-Request-Id is reused only from a trusted proxy and only if it is short and plain. */
const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * Paths that carry a secret (a calendar feed's token, server/calendar/routes.ts): the access log writes the
 * replacement instead. Everything under `/api/calendar/` but the session-guarded `/feed` is redacted — also a
 * malformed or mistyped feed URL (any letter case, doubled slashes), which may still hold a real token.
 */
const SECRET_PATHS: readonly (readonly [RegExp, string])[] = [
  [/^\/+api\/+calendar\/+(?!feed\/?$)./is, '/api/calendar/[redacted]'],
];

/** The path as the access log may write it (see SECRET_PATHS). */
export function loggedPath(path: string): string {
  for (const [pattern, replacement] of SECRET_PATHS) if (pattern.test(path)) return replacement;
  return path;
}

/**
 * First middleware of the app: gives the request an id (echoed as `X-Request-Id`), a child logger, the
 * HTTPS flag and the session service, then writes one access-log line when the response is ready:
 * `{reqId, method, path, status, durationMs, userId?}`. Only the path is logged (with secrets redacted, see
 * SECRET_PATHS) — never the query string (sync checkpoints), headers (cookies) or bodies (passwords).
 */
export function requestContext(deps: {
  readonly config: Pick<Config, 'publicOrigin' | 'trustProxy'>;
  readonly logger: Logger;
  readonly sessions: SessionService;
}): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    const incoming = c.req.header('x-request-id');
    const requestId =
      deps.config.trustProxy > 0 && incoming && REQUEST_ID_PATTERN.test(incoming) ? incoming : randomUUID();
    const log = deps.logger.child({ reqId: requestId });
    c.set('requestId', requestId);
    c.set('log', log);
    c.set('secure', isSecureRequest(c, deps.config));
    c.set('sessions', deps.sessions);
    c.header('X-Request-Id', requestId);

    await next();

    const status = c.res.status;
    const user = (c.var as { user?: { id: string } }).user;
    const line = {
      method: c.req.method,
      path: loggedPath(c.req.path),
      status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      ...(user ? { userId: user.id } : {}),
    };
    if (status >= 500) log.error(line, 'request failed');
    else log.info(line, 'request');
  };
}
