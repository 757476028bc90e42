import { z } from 'zod';
import { idSchema } from './entities/common.ts';
import { leadSchema } from './entities/portal.ts';

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
