import { identitySchema, type Identity } from '../../shared/identity.ts';
import { DbError } from './errors.ts';

/**
 * The database boundary of the identity (shared/identity.ts `Identity`: a user, or `system`). `withIdentity`
 * validates it and stores it in transaction-local settings (`arco.organization_id`,
 * `arco.user_id`, `arco.role`, `arco.customer_id`) that the row-level-security policies read (README, "Database").
 *
 * - `admin` / `csm`: a staff user; sees the organization's rows (staff-only tables included).
 * - `client`: a user of one client company; sees only that customer's rows, nothing staff-only.
 * - `system`: the server itself acting inside one organization (jobs, seed loader, server-computed
 *   collections such as `health` and `metrics`); sees and writes every row of that organization only.
 *
 * The identity always comes from the server (session lookup, job payload), never from a request body.
 */
export const APP_ROLE = 'arco_app';
/**
 * The sign-in role (migration 0160): the only one that reads password hashes (`arco_find_sign_in`) and the
 * sign-in throttle's `login_attempts`. Taken for those steps only (`Database.signIn`), never with an identity.
 */
export const SIGN_IN_ROLE = 'arco_auth';

export function parseIdentity(identity: unknown): Identity {
  const parsed = identitySchema.safeParse(identity);
  if (!parsed.success)
    throw new DbError('invalid_identity', 'invalid database identity', parsed.error.issues);
  return parsed.data;
}

/**
 * One statement that switches the transaction to the app role and sets (or clears) the identity, all
 * transaction-local (`is_local = true`): on PGlite every socket connection shares one backend session, so a
 * session-level setting would leak into other connections. `set_config('role', …)` is `SET LOCAL ROLE`.
 * Empty strings mean "nobody": the policies turn them into NULL, which matches no row.
 */
export const SET_APP_IDENTITY_SQL = `SELECT set_config('role', '${APP_ROLE}', true),
  set_config('arco.organization_id', $1, true), set_config('arco.user_id', $2, true),
  set_config('arco.role', $3, true), set_config('arco.customer_id', $4, true)`;

export function identityParams(identity: Identity | null): [string, string, string, string] {
  if (identity === null) return ['', '', '', ''];
  if (identity.role === 'system') return [identity.organizationId, '', 'system', ''];
  return [identity.organizationId, identity.userId, identity.role, identity.customerId ?? ''];
}

/** Switches the transaction to the sign-in role with no identity (see `SIGN_IN_ROLE`). */
export const SET_SIGN_IN_SQL = `SELECT set_config('role', '${SIGN_IN_ROLE}', true),
  set_config('arco.organization_id', '', true), set_config('arco.user_id', '', true),
  set_config('arco.role', '', true), set_config('arco.customer_id', '', true)`;

/** Clears any identity without changing role (for privileged transactions; see Database.privileged). */
export const CLEAR_IDENTITY_SQL = `SELECT set_config('arco.organization_id', '', true),
  set_config('arco.user_id', '', true), set_config('arco.role', '', true), set_config('arco.customer_id', '', true)`;
