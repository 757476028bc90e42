import { z } from 'zod';
import { idSchema } from './entities/common.ts';

/**
 * Who is acting: the one identity type of the whole system (docs/architecture.md, "Identity"). Every layer
 * uses these schemas (= types); each boundary maps into them exactly once:
 * - server/auth: the session's user row → `UserIdentity` (`sessionIdentity`, set by `requireUser`);
 * - server/db: `Identity` → the transaction-local RLS settings (`identityParams`);
 * - client: the device's signed-in user → `UserIdentity` (`identityOf`).
 * The identity always comes from the server's session (or a server job), never from a request body.
 *
 * Invariants (enforced by the schemas, so a parsed identity cannot break them):
 * - a `client` user belongs to exactly one customer (`customerId` set); staff (`admin`, `csm`) to none
 *   (`customerId: null`) — they see their whole organization;
 * - `system` is the server itself acting inside one organization (jobs, the seed loader, server-computed
 *   collections); it has no user and no customer. It exists for the database layer only: it is never a
 *   permission subject (`can()` and the sync routes take a `UserIdentity`, and refuse anything else at run
 *   time), and RLS bounds it to its organization.
 */

export const ROLES = ['admin', 'csm', 'client'] as const;
export type Role = (typeof ROLES)[number];
export const isStaff = (role: Role): boolean => role === 'admin' || role === 'csm';

const staffIdentitySchema = z.strictObject({
  role: z.enum(['admin', 'csm']),
  userId: idSchema,
  organizationId: idSchema,
  customerId: z.null(),
});
const clientIdentitySchema = z.strictObject({
  role: z.literal('client'),
  userId: idSchema,
  organizationId: idSchema,
  customerId: idSchema,
});

/** A signed-in user acting: the subject of permissions, sync and RLS. */
export const userIdentitySchema = z.discriminatedUnion('role', [staffIdentitySchema, clientIdentitySchema]);
export type UserIdentity = z.infer<typeof userIdentitySchema>;

export const systemIdentitySchema = z.strictObject({ role: z.literal('system'), organizationId: idSchema });
export type SystemIdentity = z.infer<typeof systemIdentitySchema>;

/** Whoever a database transaction acts for: a user, or the server itself inside one organization. */
export const identitySchema = z.discriminatedUnion('role', [
  staffIdentitySchema,
  clientIdentitySchema,
  systemIdentitySchema,
]);
export type Identity = z.infer<typeof identitySchema>;

export const systemIdentity = (organizationId: string): SystemIdentity => ({
  role: 'system',
  organizationId,
});

/**
 * The signed-in user as the API returns it (`POST /api/auth/login`, `GET /api/auth/me`; docs/api.md): the
 * identity's keys plus the profile the UI shows. Readers are lenient about additions (`z.object`): a newer
 * server may add fields and an older device must still read the user.
 */
export const signedInUserSchema = z
  .object({
    id: idSchema,
    email: z.string().min(1),
    name: z.string().min(1),
    role: z.enum(ROLES),
    organizationId: idSchema,
    customerId: idSchema.nullable(),
    /** BCP 47, e.g. `pt-BR`. */
    locale: z.string().min(1),
    /** IANA zone, e.g. `America/Sao_Paulo`. */
    timeZone: z.string().min(1),
  })
  .refine((u) => (isStaff(u.role) ? u.customerId === null : u.customerId !== null), {
    message: 'a client user belongs to exactly one customer; staff to none',
    path: ['customerId'],
  });
export type SignedInUser = z.infer<typeof signedInUserSchema>;

/**
 * The identity a signed-in user acts with, or null when the user breaks the identity's invariants (a client
 * without a customer, a malformed id): such a user may do nothing. A user parsed with `signedInUserSchema`
 * always maps; the users table has the same CHECK (`(role = 'client') = (customer_id IS NOT NULL)`).
 */
export function identityOf(
  user: Pick<SignedInUser, 'id' | 'role' | 'organizationId' | 'customerId'>,
): UserIdentity | null {
  const parsed = userIdentitySchema.safeParse({
    role: user.role,
    userId: user.id,
    organizationId: user.organizationId,
    customerId: user.customerId,
  });
  return parsed.success ? parsed.data : null;
}
