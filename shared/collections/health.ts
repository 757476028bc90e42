import { healthSchema } from '../entities/csm.ts';
import { defineCollection, none, readOnly } from './define.ts';

/** A customer's computed health score (a server job writes it): staff read it, the server's state wins. */
export const health = defineCollection({
  name: 'health',
  schema: healthSchema,
  scope: 'customer',
  access: { staff: readOnly, client: none },
  merge: { serverWins: true },
});
