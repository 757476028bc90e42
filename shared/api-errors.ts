import { z } from 'zod';

/**
 * The one error family of the whole HTTP API (docs/api.md "Errors", docs/sync-protocol.md "HTTP errors"):
 * every failure of every route — the sync routes included — leaves the server as
 * `{"error":{"code","message","details?"}}` with a code from `ERROR_STATUS`. Routes throw an `ApiError`; one
 * handler (sync/server/error-handler.ts, installed at the root of each app) writes the response.
 *
 * Invariants:
 * - The code decides the status; nobody picks a status by hand.
 * - A finer distinction a client may act on travels as `details.reason` (e.g. the sync protocol's
 *   `protocol_outdated`), never as a new code outside this list.
 * - Messages are written for the user and never reveal whether another tenant's row exists: a row the
 *   caller may not see is `not_found`, exactly like a row that does not exist.
 * - Unexpected errors become `internal` with a fixed message; their stack goes to the log only.
 *
 * Pure (no Hono, no Node): the device reads error bodies with `errorBodySchema`.
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
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_STATUS;
export type ErrorStatus = (typeof ERROR_STATUS)[ErrorCode];
export const ERROR_CODES = Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]];

export const isErrorCode = (value: unknown): value is ErrorCode =>
  typeof value === 'string' && Object.hasOwn(ERROR_STATUS, value);

/** Every error response body. `details` is always an object when present. */
export const errorBodySchema = z.strictObject({
  error: z.strictObject({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
export type ErrorDetails = Readonly<Record<string, unknown>>;

export function errorBody(code: ErrorCode, message: string, details?: ErrorDetails): ErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details: { ...details } } };
}

export class ApiError extends Error {
  readonly status: ErrorStatus;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetails,
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

export const badRequest = (message: string, details?: ErrorDetails) =>
  new ApiError('bad_request', message, details);
export const unauthorized = (message = 'Sign in to continue.') => new ApiError('unauthorized', message);
export const forbidden = (message = 'You are not allowed to do this.') => new ApiError('forbidden', message);
export const notFound = (message = 'Not found.') => new ApiError('not_found', message);
export const conflict = (message: string, details?: ErrorDetails) =>
  new ApiError('conflict', message, details);
export const payloadTooLarge = (maxBytes: number) =>
  new ApiError('payload_too_large', `The request body is larger than ${maxBytes} bytes.`, { maxBytes });
export const unsupportedMediaType = (message = 'Send the request body as application/json.') =>
  new ApiError('unsupported_media_type', message);
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

/** One entry per issue, with a dotted path ("contacts.0.email"); input values are never echoed. */
export const issueList = (issues: readonly z.core.$ZodIssue[]) =>
  issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    code: issue.code,
    message: issue.message,
  }));

/** JSON that does not match its schema: `details.issues[] = {path, code, message}`. */
export function validationFailed(error: z.ZodError, message = 'Some fields are invalid.'): ApiError {
  return new ApiError('validation_failed', message, { issues: issueList(error.issues) });
}
