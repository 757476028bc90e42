import { contentSchema } from '../entities/portal.ts';
import { defineCollection, none, readOnly } from './define.ts';

/** The organization's articles and events for its clients: read-only on the device, the server's state wins. */
export const content = defineCollection({
  name: 'content',
  schema: contentSchema,
  scope: 'organization',
  access: { staff: none, client: readOnly },
  merge: { serverWins: true },
});
