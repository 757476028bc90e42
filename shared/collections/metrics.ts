import { metricsSchema } from '../entities/portal.ts';
import { defineCollection, readOnly } from './define.ts';

/** Daily marketing metrics, computed on the server: everyone reads them, the server's state wins. */
export const metrics = defineCollection({
  name: 'metrics',
  schema: metricsSchema,
  scope: 'customer',
  access: { staff: readOnly, client: readOnly },
  embedded: { days: 'json' },
  merge: { serverWins: true },
});
