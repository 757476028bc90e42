import { z } from 'zod';
import { ROLES, isStaff } from '../shared/collections.ts';

/**
 * Who is syncing, as established by the server's session (never by the payload). Invariant: a client user
 * always has a `customerId`; staff never do (they see their whole organization).
 */
export const syncIdentitySchema = z
  .strictObject({
    userId: z.uuid(),
    organizationId: z.uuid(),
    role: z.enum(ROLES),
    customerId: z.uuid().nullable(),
  })
  .refine((i) => (isStaff(i.role) ? i.customerId === null : i.customerId !== null), {
    message: 'client users belong to exactly one customer; staff to none',
    path: ['customerId'],
  });
export type SyncIdentity = z.infer<typeof syncIdentitySchema>;
