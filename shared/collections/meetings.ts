import { meetingSchema } from '../entities/support.ts';
import { CLOCK, defineCollection, limited, write } from './define.ts';
import { firstTime } from './merge-rules.ts';

/** Meetings with the account manager; a client may only request a reschedule or cancellation. */
export const meetings = defineCollection({
  name: 'meetings',
  schema: meetingSchema,
  scope: 'customer',
  access: {
    staff: write(),
    client: limited({ actions: ['read', 'update'], update: { ...CLOCK, clientRequest: 'set' } }),
  },
  invariants: [
    // A request is signed by its author (or withdrawn: null).
    ({ actor, after }) =>
      actor.role === 'client' && after.clientRequest && after.clientRequest.requestedBy !== actor.userId
        ? { reason: 'not_author', field: 'clientRequest', message: 'A request is made as yourself.' }
        : null,
  ],
  merge: { fields: { completedAt: firstTime } },
});
