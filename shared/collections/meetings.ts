import {
  meetingRequestViewSchema,
  requestAfterMerge,
  type MeetingRequestView,
} from '../domain/portal/meeting-request.ts';
import { meetingSchema } from '../entities/support.ts';
import { CLOCK, type DocFields, defineCollection, limited, write } from './define.ts';
import { firstTime } from './merge-rules.ts';
import { jsonEqual } from './values.ts';

/**
 * Meetings with the account manager. A client may only write a request (`clientRequest`: reschedule or
 * cancel, signed by themselves, or withdrawn with null); staff answer it by moving or cancelling the meeting
 * and recording `requestAnswer` (shared/domain/portal/meeting-request.ts), signed by the staff member who
 * answered. A conflict merge never loses a client's newer request to a concurrent answer to an older one.
 */

const view = (doc: DocFields): MeetingRequestView | null => {
  const parsed = meetingRequestViewSchema.safeParse(doc);
  return parsed.success ? parsed.data : null;
};

export const meetings = defineCollection({
  name: 'meetings',
  schema: meetingSchema,
  scope: 'customer',
  access: {
    staff: write(),
    client: limited({ actions: ['read', 'update'], update: { ...CLOCK, clientRequest: 'set' } }),
  },
  userRefs: ['accountManagerId'],
  invariants: [
    // A request is signed by its author (or withdrawn: null).
    ({ actor, after }) =>
      actor.role === 'client' && after.clientRequest && after.clientRequest.requestedBy !== actor.userId
        ? { reason: 'not_author', field: 'clientRequest', message: 'A request is made as yourself.' }
        : null,
    // An answer is signed by whoever gives it (an unchanged answer may stay as it is).
    ({ actor, before, after }) =>
      after.requestAnswer &&
      !jsonEqual(before?.requestAnswer ?? null, after.requestAnswer) &&
      after.requestAnswer.answeredBy !== actor.userId
        ? { reason: 'not_author', field: 'requestAnswer', message: 'An answer is given as yourself.' }
        : null,
  ],
  merge: {
    fields: { completedAt: firstTime },
    finish: (merged, { base, real, mine }) => {
      const [r, m, x] = [view(real), view(mine), view(merged)];
      const b = base === null ? null : view(base);
      if (r === null || m === null || x === null || (base !== null && b === null)) return merged;
      const clientRequest = requestAfterMerge({ base: b, real: r, mine: m, merged: x });
      return jsonEqual(clientRequest, merged.clientRequest ?? null) ? merged : { ...merged, clientRequest };
    },
  },
});
