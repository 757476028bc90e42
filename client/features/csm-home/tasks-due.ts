import { calendarDate, daysBetween } from '../../../shared/domain/csm/dates.ts';
import type { Activity } from '../../../shared/entities/csm.ts';
import { myTasks } from '../tasks/tasks.ts';

/**
 * The "tasks due" panel of the CSM's home (issue 10 item 12), pure: the signed-in user's open tasks (the tasks
 * feature's `myTasks`, so the home and `/tarefas` count the same tasks) that are overdue, due today or due in
 * the next `TASK_WINDOW_DAYS` days, in the user's time zone.
 *
 * Invariants:
 * - order is `myTasks`' order: overdue first, then the soonest due date (a total order);
 * - overdue means "due before now" (an instant), today / this week are calendar days in `timeZone`;
 * - every open task is counted exactly once: shown in a bucket or counted in `later` (due after the window or
 *   without a due date), so the home never hides how many tasks `/tarefas` holds.
 */

export const TASK_WINDOW_DAYS = 7;

export type DueBucket = 'overdue' | 'today' | 'week';

export interface DueTask {
  readonly task: Activity;
  readonly bucket: DueBucket;
}

export interface TasksDue {
  readonly items: readonly DueTask[];
  readonly overdue: number;
  readonly today: number;
  readonly week: number;
  /** Open tasks not shown: due after the window or without a due date. */
  readonly later: number;
}

export function tasksDue(
  activities: readonly Activity[],
  userId: string,
  now: Date,
  timeZone: string,
): TasksDue {
  const today = calendarDate(now, timeZone);
  const items: DueTask[] = [];
  let later = 0;
  for (const { task, overdue } of myTasks(activities, userId, now).open) {
    const bucket = overdue ? 'overdue' : bucketOf(task.dueAt, today, timeZone);
    if (bucket) items.push({ task, bucket });
    else later += 1;
  }
  const count = (b: DueBucket) => items.filter((i) => i.bucket === b).length;
  return { items, overdue: count('overdue'), today: count('today'), week: count('week'), later };
}

function bucketOf(dueAt: string | null, today: string, timeZone: string): DueBucket | null {
  if (dueAt === null) return null;
  const days = daysBetween(today, calendarDate(new Date(dueAt), timeZone));
  if (days <= 0) return 'today';
  return days <= TASK_WINDOW_DAYS ? 'week' : null;
}
