import { lazyPage } from '../../platform/lazy-page.tsx';
import { defineFeature, STAFF_ROLES } from '../../platform/feature-manifest.ts';
import { ChecklistIcon } from '../../ui/icons.tsx';
import { deepLinks, taskPaths } from './paths.ts';

/** `/tarefas`: the signed-in staff member's tasks (docs/domain.md §6). */
export const tasksFeature = defineFeature({
  id: 'tasks',
  access: STAFF_ROLES,
  routes: [{ path: taskPaths.mine, element: lazyPage(() => import('./tasks-page.tsx'), 'TasksPage') }],
  nav: [
    {
      to: taskPaths.mine,
      label: { 'pt-BR': 'Tarefas', en: 'Tasks' },
      icon: ChecklistIcon,
      roles: STAFF_ROLES,
      order: 25,
    },
  ],
  i18n: {
    namespace: 'tasks',
    resources: {
      'pt-BR': () => import('./i18n.ts').then((m) => m.tasksPtBR),
      en: () => import('./i18n-en.ts').then((m) => m.tasksEn),
    },
  },
  deepLinks,
});
