import type { Activity } from '../../../shared/entities/csm.ts';
import { activitySchema } from '../../../shared/entities/csm.ts';
import { writeAllowed, type PortalUser } from '../../platform/local-writes.ts';

/**
 * "Minhas tarefas" (docs/domain.md §6), pure: the user's tasks (assigned to them, or unassigned ones they
 * created) — open ones overdue first, then by due date (no date last), and the ones completed in the last
 * seven days; completing one is a shared-rule write (`completedAt`, which merges as "a completed task stays
 * completed").
 */
export interface TaskView {
  readonly task: Activity;
  readonly overdue: boolean;
}

export interface MyTasks {
  readonly open: readonly TaskView[];
  readonly overdue: number;
  readonly done: readonly Activity[];
}

const RECENT_MS = 7 * 86_400_000;

export const isMine = (task: Activity, userId: string): boolean =>
  task.type === 'task' &&
  (task.assignedTo === userId || (task.assignedTo === null && task.performedBy === userId));

export function myTasks(activities: readonly Activity[], userId: string, now: Date): MyTasks {
  const mine = activities.filter((a) => isMine(a, userId));
  const nowMs = now.getTime();
  const open = mine
    .filter((t) => t.completedAt === null)
    .map((task) => ({ task, overdue: task.dueAt !== null && Date.parse(task.dueAt) < nowMs }))
    .sort((a, b) => {
      if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
      const [x, y] = [a.task.dueAt, b.task.dueAt];
      if (x !== y) return x === null ? 1 : y === null ? -1 : x.localeCompare(y);
      return a.task.title.localeCompare(b.task.title, 'pt-BR');
    });
  const done = mine
    .filter((t) => t.completedAt !== null && nowMs - Date.parse(t.completedAt) <= RECENT_MS)
    .sort((a, b) => (b.completedAt ?? '').localeCompare(a.completedAt ?? ''));
  return { open, overdue: open.filter((t) => t.overdue).length, done };
}

/** The task completed now by `user`, or null when the shared rules refuse it (someone else's task). */
export function completeTask(task: Activity, user: PortalUser, now: Date): Activity | null {
  if (task.type !== 'task' || task.completedAt !== null) return null;
  const after = activitySchema.parse({ ...task, completedAt: now.toISOString() });
  return writeAllowed(user, 'activities', { organizationId: user.organizationId, before: task, after })
    ? after
    : null;
}
