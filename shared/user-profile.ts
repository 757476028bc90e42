import { z } from 'zod';
import { ROLES } from './identity.ts';

/**
 * The signed-in user's profile as a device keeps it (a local document from `GET /api/settings`, see
 * shared/device-settings.ts, which re-exports it). Readers are lenient (`z.object`): a newer server may add fields.
 */
export const LOCALES = ['pt-BR', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const userProfileSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  email: z.string().min(1),
  role: z.enum(ROLES),
  customerId: z.string().min(1).nullable(),
  locale: z.enum(LOCALES),
  timeZone: z.string().min(1),
  phone: z.string().nullable(),
  jobTitle: z.string().nullable(),
});
export type UserProfile = z.infer<typeof userProfileSchema>;
