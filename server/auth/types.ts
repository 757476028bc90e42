import { identityOf, type SignedInUser, type UserIdentity } from '../../shared/identity.ts';

/**
 * The server's auth boundary of the identity (shared/identity.ts): the session's user row → the `UserIdentity`
 * every request acts with (`c.get('identity')`, `db.withIdentity`). Derived from the session only — never from
 * a request body. The users table's CHECK (`(role = 'client') = (customer_id IS NOT NULL)`) makes the throw
 * unreachable; refusing is safer than widening a scope.
 */
export function sessionIdentity(user: SignedInUser): UserIdentity {
  const identity = identityOf(user);
  if (identity === null) throw new Error(`user ${user.id} has no valid identity`);
  return identity;
}

/** A live session as handlers see it (`c.get('session')`). */
export interface ActiveSession {
  readonly id: string;
  readonly createdAt: Date;
  readonly lastSeenAt: Date;
  /** Absolute expiry; the idle expiry moves with `lastSeenAt`. */
  readonly expiresAt: Date;
}
