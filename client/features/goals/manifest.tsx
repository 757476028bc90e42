import { lazyPage } from '../../platform/lazy-page.tsx';
import { CLIENT_ROLES, defineFeature } from '../../platform/feature-manifest.ts';
import { CompassIcon } from '../../ui/icons.tsx';
import { deepLinks, goalPaths } from './paths.ts';

/** `/inicio/metas`, the client's goals with pacing and outlook (dashboard §1C). */
export const goalsFeature = defineFeature({
  id: 'goals',
  access: CLIENT_ROLES,
  routes: [{ path: goalPaths.goals, element: lazyPage(() => import('./goals-page.tsx'), 'GoalsPage') }],
  nav: [
    {
      to: goalPaths.goals,
      label: { 'pt-BR': 'Metas', en: 'Goals' },
      icon: CompassIcon,
      roles: CLIENT_ROLES,
      order: 50,
    },
  ],
  i18n: {
    namespace: 'goals',
    resources: {
      'pt-BR': () => import('./i18n.ts').then((m) => m.goalsPtBR),
      en: () => import('./i18n-en.ts').then((m) => m.goalsEn),
    },
  },
  deepLinks,
});
