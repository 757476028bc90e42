import { useCallback } from 'react';
import type { Activity } from '../../../shared/entities/csm.ts';
import { useSession } from '../../auth/session-context.tsx';
import { useCollection } from '../../db/device-data.tsx';
import { useDependencies } from '../../platform/dependencies.tsx';
import { completeTask } from './tasks.ts';

export type CompleteTaskResult = 'done' | 'notAllowed' | 'failed';

/**
 * "Concluir" as one tap, offline: the shared rule decides (`completeTask`: only the task's person or an admin),
 * then the device stores `completedAt` and the outbox sends it when it can. Used by `/tarefas` and the CSM's
 * home so both complete a task the same way.
 */
export function useCompleteTask(): (task: Activity) => Promise<CompleteTaskResult> {
  const { user } = useSession();
  const { now } = useDependencies();
  const activities = useCollection('activities');
  return useCallback(
    async (task: Activity) => {
      if (!user || !activities) return 'failed';
      const done = completeTask(task, user, now());
      if (!done) return 'notAllowed';
      try {
        const stored = await activities.findOne(task.id).exec();
        if (!stored) return 'failed';
        await stored.incrementalPatch({ completedAt: done.completedAt });
        return 'done';
      } catch {
        return 'failed';
      }
    },
    [user, activities, now],
  );
}
