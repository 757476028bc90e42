import { goalSchema } from '../entities/portal.ts';
import { defineCollection, write } from './define.ts';
import { byDate } from './merge-rules.ts';

/** A client's goal with its daily progress; both sides edit it. */
export const goals = defineCollection({
  name: 'goals',
  schema: goalSchema,
  scope: 'customer',
  access: { staff: write(), client: write() },
  embedded: { progress: 'json' },
  merge: { fields: { progress: byDate } },
});
