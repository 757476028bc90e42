import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';

/**
 * The HTTP error family (DESIGN §2): every failure leaves the server as
 * `{"error":{"code","message","details?"}}` with one of these string-literal codes.
 *
 * Invariants:
 * - The code decides the status; handlers never pick a status by hand.
 * - Messages are written for the user and never reveal whether another tenant's row exists: a row the
 *   caller may not see is `not_found`, exactly like a row that does not exist.
 * - Unexpected errors become `internal` with a fixed message; their stack goes to the log only.
 */
export const ERROR_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation_failed: 422,
  upgrade_required: 426,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ErrorCode = keyof typeof ERROR_STATUS;
export const ERROR_CODES = Object.keys(ERROR_STATUS) as ErrorCode[];

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

export class ApiError extends Error {
  readonly status: ContentfulStatusCode;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    /** Extra response headers, e.g. Retry-After for rate_limited. */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = ERROR_STATUS[code];
  }

  toBody(): ErrorBody {
    return errorBody(this.code, this.message, this.details);
  }
}

export function errorBody(code: ErrorCode, message: string, details?: unknown): ErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

export const isErrorCode = (value: unknown): value is ErrorCode =>
  typeof value === 'string' && Object.hasOwn(ERROR_STATUS, value);

/**
 * Errors from layers that cannot import this module (sync/ must not import server/) are recognised by shape:
 * an Error whose `code` is one of ERROR_CODES and that is marked `expose: true`. Anything else is internal.
 */
export function asApiError(err: unknown): ApiError | undefined {
  if (err instanceof ApiError) return err;
  if (
    err instanceof Error &&
    'expose' in err &&
    err.expose === true &&
    'code' in err &&
    isErrorCode(err.code)
  ) {
    return new ApiError(err.code, err.message, 'details' in err ? err.details : undefined);
  }
  return undefined;
}

export const badRequest = (message: string, details?: unknown) =>
  new ApiError('bad_request', message, details);
export const unauthorized = (message = 'Sign in to continue.') => new ApiError('unauthorized', message);
export const forbidden = (message = 'You are not allowed to do this.') => new ApiError('forbidden', message);
export const notFound = (message = 'Not found.') => new ApiError('not_found', message);
export const conflict = (message: string, details?: unknown) => new ApiError('conflict', message, details);
export const payloadTooLarge = (maxBytes: number) =>
  new ApiError('payload_too_large', `The request body is larger than ${maxBytes} bytes.`, { maxBytes });
export const unsupportedMediaType = (message = 'Send the request body as application/json.') =>
  new ApiError('unsupported_media_type', message);
export const upgradeRequired = (message = 'This version of the app is too old; update it to continue.') =>
  new ApiError('upgrade_required', message);
export const internal = () => new ApiError('internal', 'Something went wrong on our side. Please try again.');
export const unavailable = (message = 'The service is temporarily unavailable.') =>
  new ApiError('unavailable', message);
export const rateLimited = (retryAfterSeconds: number, message = 'Too many attempts. Try again later.') => {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  return new ApiError(
    'rate_limited',
    message,
    { retryAfterSeconds: seconds },
    { 'Retry-After': String(seconds) },
  );
};

/** One entry per zod issue, with a dotted path ("contacts.0.email"); input values are never echoed. */
export function validationFailed(error: z.ZodError, message = 'Some fields are invalid.'): ApiError {
  const issues = error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    code: issue.code,
    message: issue.message,
  }));
  return new ApiError('validation_failed', message, { issues });
}
