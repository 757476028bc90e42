import { useMemo } from 'react';
import { playbookNameText, templateText } from '../../../shared/domain/csm/playbooks.ts';
import { useDomainTextFor } from '../../domain-text/use-domain-text.ts';
import { useFormat } from '../../platform/use-format.ts';
import type { PlaybookTextShown } from './playbooks-form.ts';

/** Playbook names and task texts as the UI shows them: the defaults in the UI language, an admin's as written. */
export function usePlaybookText(): PlaybookTextShown {
  const { language } = useFormat();
  const render = useDomainTextFor(language);
  return useMemo(
    () => ({
      name: (p) => render(playbookNameText(p)),
      task: (p, t) => {
        const text = templateText(p.id, t);
        return { title: render(text.title), description: text.description ? render(text.description) : null };
      },
    }),
    [render],
  );
}
