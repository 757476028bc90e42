import { activitySchema, TASK_FIELDS } from '../entities/csm.ts';
import { defineCollection, none, write } from './define.ts';
import { firstTime } from './merge-rules.ts';

/**
 * The CSM timeline of a customer, tasks included (docs/domain.md §6): staff only.
 *
 * - A task is an activity of type `task` with `dueAt`, `completedAt` and `assignedTo`; no other type carries
 *   those fields (also a SQL CHECK). Any activity may name the alert it was done for (`signalId`).
 * - A CSM completes a task that is theirs or nobody's; an admin completes any.
 * - Merge: a completed task stays completed — the first completion wins over a concurrent edit that has none.
 * - Internal ticket notes are activities of type `note` with `ticketId` (docs/architecture.md §4.2): clients
 *   sync `tickets`, so a note embedded there would reach them. Only a note names a ticket (also a SQL CHECK),
 *   and a note stays with the ticket it was written on (`ticketId` never changes once stored), so an edit can
 *   never move it under another conversation. `ticketId` is not a foreign key: collections replicate
 *   independently, so a note may reach the server before its ticket does (migration 0111).
 */
export const activities = defineCollection({
  name: 'activities',
  schema: activitySchema,
  scope: 'customer',
  access: { staff: write(), client: none },
  userRefs: ['assignedTo'],
  invariants: [
    ({ after }) => {
      if (after.type === 'task') return null;
      const field = TASK_FIELDS.find((f) => after[f] !== null);
      return field === undefined
        ? null
        : {
            reason: 'field_rules',
            field,
            message: 'Only a task has a due date, a completion and an assignee.',
          };
    },
    ({ actor, before, after }) => {
      if (after.type !== 'task' || after.completedAt === null || (before?.completedAt ?? null) !== null)
        return null;
      const assignee = before === null ? after.assignedTo : before.assignedTo;
      return actor.role === 'csm' && assignee !== null && assignee !== actor.userId
        ? { reason: 'not_author', field: 'completedAt', message: 'Complete only your own tasks.' }
        : null;
    },
    ({ after }) =>
      (after.ticketId ?? null) !== null && after.type !== 'note'
        ? { reason: 'invalid_transition', field: 'ticketId', message: 'Only a note belongs to a ticket.' }
        : null,
    ({ before, after }) =>
      before !== null && (before.ticketId ?? null) !== (after.ticketId ?? null)
        ? { reason: 'invalid_transition', field: 'ticketId', message: 'A note stays with its ticket.' }
        : null,
  ],
  merge: { fields: { completedAt: firstTime } },
});
