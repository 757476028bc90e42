import { campaignSchema } from '../entities/portal.ts';
import { defineCollection, readOnly, write } from './define.ts';
import { byDate, byId } from './merge-rules.ts';

/** Marketing campaigns with their daily series and A/B tests; the client reads them. */
export const campaigns = defineCollection({
  name: 'campaigns',
  schema: campaignSchema,
  scope: 'customer',
  access: { staff: write(), client: readOnly },
  embedded: { daily: 'json', abTests: 'json' },
  merge: { fields: { daily: byDate, abTests: byId } },
});
