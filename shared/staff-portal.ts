import { z } from 'zod';
import { idSchema } from './entities/common.ts';
import { contentSchema, engagementSchema, leadSchema } from './entities/portal.ts';

/**
 * What `GET /api/staff-portal/customers/:customerId/leads` answers (docs/api.md): one customer's leads, each with
 * its interactions, for the staff view of the client's pipeline. Staff devices do not sync `leads` (their 12
 * collections are the RxDB open-core limit, and a client's prospects' personal data stays off every CSM's
 * phone — docs/architecture.md §4.2), so the staff screens read them online through this endpoint; parsed by
 * the device with this schema.
 */
export const staffLeadsResponseSchema = z.strictObject({
  customerId: idSchema,
  leads: z.array(leadSchema),
});
export type StaffLeadsResponse = z.infer<typeof staffLeadsResponseSchema>;

/**
 * What `GET /api/staff-portal/customers/:customerId/content` answers: the agency's content (staff devices do not
 * sync `content` either) and, for each of the customer's client users, their reading progress and event
 * registrations — the staff view of the customer's content progress and events (`/clientes/:id/conteudo`). The
 * device derives the figures with the same shared rules as the client's hub (`learningProgress`,
 * `upcomingEvents`, `seatsLeft`).
 */
export const staffContentPersonSchema = z.strictObject({
  userId: idSchema,
  name: z.string(),
  reading: engagementSchema.shape.reading,
  eventRegistrations: engagementSchema.shape.eventRegistrations,
});
export type StaffContentPerson = z.infer<typeof staffContentPersonSchema>;

export const staffContentResponseSchema = z.strictObject({
  customerId: idSchema,
  content: z.array(contentSchema),
  people: z.array(staffContentPersonSchema),
});
export type StaffContentResponse = z.infer<typeof staffContentResponseSchema>;
