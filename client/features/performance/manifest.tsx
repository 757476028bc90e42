import { CLIENT_ROLES, defineFeature } from '../../platform/feature-manifest.ts';
import { lazyPage } from '../../platform/lazy-page.tsx';
import { deepLinks, performancePaths } from './paths.ts';
import { PerformanceIcon } from './performance-icon.tsx';
import { PerformanceSkeleton } from './performance-skeleton.tsx';

/** `/inicio/desempenho`, the client's performance: charts, industry comparison, month-end projection. */
export const performanceFeature = defineFeature({
  id: 'performance',
  access: CLIENT_ROLES,
  routes: [
    {
      path: performancePaths.performance,
      // The page, its shared rules and (through the page's charts) recharts are fetched when it is first opened.
      element: lazyPage(() => import('./performance-page.tsx'), 'PerformancePage', <PerformanceSkeleton />),
    },
  ],
  nav: [
    {
      to: performancePaths.performance,
      label: { 'pt-BR': 'Métricas', en: 'Metrics' },
      icon: PerformanceIcon,
      roles: CLIENT_ROLES,
      order: 20,
    },
  ],
  i18n: {
    namespace: 'performance',
    resources: {
      'pt-BR': () => import('./i18n.ts').then((m) => m.performancePtBR),
      en: () => import('./i18n-en.ts').then((m) => m.performanceEn),
    },
  },
  deepLinks,
});
