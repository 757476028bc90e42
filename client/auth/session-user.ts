import { z } from 'zod';
import { ROLES, isStaff } from '../../shared/collections.ts';

/**
 * The signed-in user as `/api/auth/login` and `/api/auth/me` return it (server/auth/types.ts `AuthUser`),
 * parsed at the boundary. Extra fields from a newer server are ignored, not rejected.
 */
export const sessionUserSchema = z.object({
  id: z.string().min(1),
  email: z.string().min(1),
  name: z.string().min(1),
  role: z.enum(ROLES),
  organizationId: z.string().min(1),
  customerId: z.string().min(1).nullable(),
  locale: z.string().min(1),
  timeZone: z.string().min(1),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const authResponseSchema = z.object({ user: sessionUserSchema });

export const isStaffUser = (user: SessionUser): boolean => isStaff(user.role);
