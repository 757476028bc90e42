import { z } from 'zod';
import { idSchema, isoDateTime } from './entities/common.ts';
import { businessHoursSchema } from './domain/portal/sla.ts';

/**
 * `GET /api/chat/presence` (docs/api.md "Chat"): whether the customer's account manager is online now, the
 * chat's median response time and the business hours it is computed against — the shared rules of
 * shared/domain/portal/chat.ts applied by the server, which alone knows who holds a live stream. Online only:
 * offline, the device shows the hours' label it last received and says presence is unknown.
 */
export const chatPresenceResponseSchema = z.object({
  customerId: idSchema,
  /** The customer's `csmId`; null when none is assigned (the card then speaks of "the agency"). */
  accountManagerId: idSchema.nullable(),
  presence: z.enum(['online', 'away', 'closed']),
  /** The next opening when `closed`. */
  opensAt: isoDateTime.nullable(),
  /** Median time to the agency's answer over the last 30 days of in-hours chat messages; null = no data. */
  responseTimeMs: z.number().int().min(0).nullable(),
  businessHours: businessHoursSchema,
  /** The server's clock when it answered (labels such as "amanhã às 9h" are relative to it). */
  now: isoDateTime,
});
export type ChatPresenceResponse = z.infer<typeof chatPresenceResponseSchema>;
