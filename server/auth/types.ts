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
 * Who is asking, as the database layer needs it for `db.withIdentity(identity, fn)` (RLS settings).
 * Derived from the session only — never from a request body.
 */
export interface Identity {
  readonly userId: string;
  readonly organizationId: string;
  readonly role: Role;
  readonly customerId: string | null;
}

export const identityOf = (user: AuthUser): Identity => ({
  userId: user.id,
  organizationId: user.organizationId,
  role: user.role,
  customerId: user.customerId,
});

/** A live session as handlers see it (`c.get('session')`). */
export interface ActiveSession {
  readonly id: string;
  readonly createdAt: Date;
  readonly lastSeenAt: Date;
  /** Absolute expiry; the idle expiry moves with `lastSeenAt`. */
  readonly expiresAt: Date;
}
