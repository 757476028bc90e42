import type { Context, Env, ErrorHandler, Hono, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ApiError, ERROR_STATUS, errorBody, internal, isErrorCode } from '../../shared/api-errors.ts';

/**
 * The one handler that turns whatever a route threw into the API's error body (shared/api-errors.ts;
 * docs/api.md "Errors"). It lives here, the lowest layer that may use Hono, so the sync routes and the server's
 * app install the same function: `withErrorHandling(app)` at the root of every app that serves requests (the
 * server's app; the sync routes when tests serve them alone). Sub-apps mounted with `route()` install nothing
 * and throw: the root's handler answers for them.
 *
 * - an `ApiError` → its code, status, message, details and headers;
 * - a Hono `HTTPException` below 500 (middleware we did not write) → the code of its status;
 * - what the app's `translate` recognises (the server: a database that cannot serve → `unavailable`, 503);
 * - anything else → `internal` (500) with a fixed message. `report` sees the original error of every 5xx
 *   answer (the server logs it with the request id; `err !== answer` means it was not ours); nothing of it
 *   reaches the response.
 */

export type ErrorReport<E extends Env = Env> = (c: Context<E>, err: unknown, answer: ApiError) => void;

/** Recognises errors of lower layers that have an answer of their own; undefined for the rest. */
export type ErrorTranslation = (err: unknown) => ApiError | undefined;

/** The `ApiError` a thrown value answers as (`internal` for anything that is not ours: a bug). */
function toApiError(err: unknown, translate?: ErrorTranslation): ApiError {
  if (err instanceof ApiError) return err;
  const translated = translate?.(err);
  if (translated) return translated;
  if (err instanceof HTTPException && err.status < 500) {
    const code = Object.entries(ERROR_STATUS).find(([, status]) => status === err.status)?.[0];
    if (isErrorCode(code)) return new ApiError(code, err.message || 'The request could not be processed.');
  }
  return internal();
}

function apiErrorHandler<E extends Env>(
  report?: ErrorReport<E>,
  translate?: ErrorTranslation,
): ErrorHandler<E> {
  return (err, c) => {
    const answer = toApiError(err, translate);
    if (answer.status >= 500) report?.(c, err, answer);
    for (const [name, value] of Object.entries(answer.headers)) c.header(name, value);
    return c.json(answer.toBody(), answer.status);
  };
}

const apiNotFound: NotFoundHandler = (c) => c.json(errorBody('not_found', 'Not found.'), 404);

/** Installs the handler and the 404 on `app` (the root of whatever serves requests). */
export function withErrorHandling<E extends Env>(
  app: Hono<E>,
  report?: ErrorReport<E>,
  translate?: ErrorTranslation,
): Hono<E> {
  app.onError(apiErrorHandler(report, translate));
  app.notFound(apiNotFound);
  return app;
}
