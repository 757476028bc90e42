import { notificationSchema } from '../entities/support.ts';
import { CLOCK, defineCollection, limited } from './define.ts';
import { firstTime } from './merge-rules.ts';

/** One user's inbox: every role reads theirs and marks items read. */
const readAndMark = limited({ actions: ['read', 'update'], update: { ...CLOCK, readAt: 'set' } });

export const notifications = defineCollection({
  name: 'notifications',
  schema: notificationSchema,
  scope: 'user',
  access: { staff: readAndMark, client: readAndMark },
  merge: { fields: { readAt: firstTime } },
});
