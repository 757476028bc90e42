/**
 * Errors raised by the database layer, with string-literal codes so callers (sync store, auth, jobs) can map
 * them to HTTP answers without parsing messages. PostgreSQL's own errors pass through unchanged; use
 * `pgErrorCode` to recognise the few SQLSTATEs the app reacts to.
 */
export type DbErrorCode =
  /** A Database method was called inside another transaction of the same Database (would deadlock on PGlite). */
  | 'nested_transaction'
  /** `withIdentity` got an identity that does not parse (e.g. a client without a customer). */
  | 'invalid_identity'
  /** `writeDocument(s)` got a document that does not match its collection's schema, or duplicate ids. */
  | 'invalid_document'
  /** A row read back does not parse as its collection's document: a bug or a hand-edited row. */
  | 'stored_document_invalid'
  /**
   * A stored document JSON differs from its row (mapper.ts `readDocumentsJson` with `verifyStored`, test suites
   * only): some writer changed a document without a fresh server_seq or without storing its JSON.
   */
  | 'stored_json_stale'
  /** A child id (contact, payment, message…) already belongs to another parent of the same organization. */
  | 'child_id_conflict'
  /** The connecting (owner) role can neither bypass RLS nor is it safe to use, or `arco_app` is over-privileged. */
  | 'unsafe_roles'
  /** The pool hands back values without Arco's type parsers (e.g. a `date` as a JS Date). */
  | 'missing_type_parsers'
  /**
   * The database cannot serve now: it refused or did not accept a connection in time, the connection broke, or
   * a request transaction's statement or lock wait ran past its bound. Requests answer 503 `unavailable`.
   */
  | 'unavailable';

export class DbError extends Error {
  constructor(
    readonly code: DbErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DbError';
  }
}

/** SQLSTATEs the app maps to user-facing answers (https://www.postgresql.org/docs/current/errcodes-appendix.html). */
export const PG_ERROR = {
  uniqueViolation: '23505',
  foreignKeyViolation: '23503',
  checkViolation: '23514',
  notNullViolation: '23502',
  /** Also what a row-level-security WITH CHECK failure raises ("new row violates row-level security policy"). */
  insufficientPrivilege: '42501',
} as const;

/** The SQLSTATE of an error thrown by `pg`, or undefined for anything else. */
export function pgErrorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code = (error as { code: unknown }).code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/**
 * SQLSTATEs of a database that cannot serve now rather than of a bad request: connection exceptions (class 08),
 * too many connections, shutting down / starting up, a statement cancelled by `statement_timeout`, a lock wait
 * ended by `lock_timeout`.
 */
const UNAVAILABLE_SQLSTATES = new Set(['53300', '57P01', '57P02', '57P03', '57014', '55P03']);

/** Node socket errors of a server that is down or out of reach. */
const UNAVAILABLE_SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

/**
 * `pg`'s own messages for a connection that timed out or broke (it has no codes for them): the pool's wait for
 * a connection, the client's connect timeout, a client-side query timeout, a connection lost mid-query.
 */
const UNAVAILABLE_MESSAGES = [
  /timeout exceeded when trying to connect/i,
  /connection terminated/i,
  /query read timeout/i,
  /connection error and is not queryable/i,
  /not queryable/i,
];

/** Whether `error` means "the database cannot serve now" (see DbErrorCode 'unavailable'). */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof DbError) return error.code === 'unavailable';
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (UNAVAILABLE_SOCKET_CODES.has(code)) return true;
    if (/^[0-9A-Z]{5}$/.test(code)) return code.startsWith('08') || UNAVAILABLE_SQLSTATES.has(code);
  }
  if (error instanceof AggregateError) return error.errors.some(isDatabaseUnavailable);
  const message = (error as { message?: unknown }).message;
  return typeof message === 'string' && UNAVAILABLE_MESSAGES.some((re) => re.test(message));
}
