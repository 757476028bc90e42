import { activitySchema } from '../entities/csm.ts';
import { defineCollection, none, write } from './define.ts';

/** The CSM timeline of a customer: staff only. */
export const activities = defineCollection({
  name: 'activities',
  schema: activitySchema,
  scope: 'customer',
  access: { staff: write(), client: none },
});
