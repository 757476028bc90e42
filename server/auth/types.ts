import type { Role } from '../../shared/collections.ts';

/** The signed-in user as the API returns it (`GET /api/auth/me`, `POST /api/auth/login`). */
export interface AuthUser {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly organizationId: string;
  /** Set for `client` users only: the one customer they belong to. */
  readonly customerId: string | null;
  /** BCP 47, e.g. `pt-BR`. */
  readonly locale: string;
  /** IANA zone, e.g. `America/Sao_Paulo`. */
  readonly timeZone: string;
}

/**
 * Who is asking, as the database layer needs it for `db.withIdentity(identity, fn)` (RLS settings): the user
 * subset of server/db's `Identity` (which also has `system`), so it is assignable to it.
 * Derived from the session only — never from a request body.
 */
export type Identity =
  | {
      readonly role: 'admin' | 'csm';
      readonly userId: string;
      readonly organizationId: string;
      readonly customerId: null;
    }
  | {
      readonly role: 'client';
      readonly userId: string;
      readonly organizationId: string;
      readonly customerId: string;
    };

export function identityOf(user: AuthUser): Identity {
  const base = { userId: user.id, organizationId: user.organizationId };
  if (user.role !== 'client') return { ...base, role: user.role, customerId: null };
  // The users table guarantees it (CHECK (role = 'client') = (customer_id IS NOT NULL)); refuse rather than widen.
  if (!user.customerId) throw new Error(`client user ${user.id} has no customer`);
  return { ...base, role: 'client', customerId: user.customerId };
}

/** A live session as handlers see it (`c.get('session')`). */
export interface ActiveSession {
  readonly id: string;
  readonly createdAt: Date;
  readonly lastSeenAt: Date;
  /** Absolute expiry; the idle expiry moves with `lastSeenAt`. */
  readonly expiresAt: Date;
}
