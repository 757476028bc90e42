import { leadSchema } from '../entities/portal.ts';
import { defineCollection, none, write } from './define.ts';
import { chronological } from './merge-rules.ts';

/** The client's own lead pipeline with its interactions; the agency does not sync it. */
export const leads = defineCollection({
  name: 'leads',
  schema: leadSchema,
  scope: 'customer',
  access: { staff: none, client: write() },
  embedded: { interactions: { table: 'lead_interactions', parentColumn: 'lead_id' } },
  merge: { fields: { interactions: chronological } },
});
