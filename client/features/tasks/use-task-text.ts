import { useCallback } from 'react';
import { taskText } from '../../../shared/domain/csm/playbooks.ts';
import type { Activity } from '../../../shared/entities/csm.ts';
import { useDomainTextFor } from '../../domain-text/use-domain-text.ts';
import { useFormat } from '../../platform/use-format.ts';

export interface ShownTaskText {
  readonly title: string;
  readonly description: string | null;
}

/**
 * An activity's title and description in the UI language: a task a default playbook made reads in the user's
 * language (shared `taskText`), everything else — an admin's playbook, a CSM's own entry — as written. Used
 * wherever a timeline entry or a task is shown (/tarefas, the CSM home, the 360's timeline and overview).
 */
export function useTaskText(): (
  activity: Pick<Activity, 'title' | 'description' | 'metadata'>,
) => ShownTaskText {
  const { language } = useFormat();
  const render = useDomainTextFor(language);
  return useCallback(
    (activity) => {
      const text = taskText(activity);
      return { title: render(text.title), description: text.description ? render(text.description) : null };
    },
    [render],
  );
}
