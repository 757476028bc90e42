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
  /** A child id (contact, payment, message…) already belongs to another parent of the same organization. */
  | 'child_id_conflict'
  /** The connecting (owner) role can neither bypass RLS nor is it safe to use, or `arco_app` is over-privileged. */
  | 'unsafe_roles'
  /** The pool hands back values without Arco's type parsers (e.g. a `date` as a JS Date). */
  | 'missing_type_parsers';

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
