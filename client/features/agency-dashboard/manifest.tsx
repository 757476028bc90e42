import { lazyPage } from '../../platform/lazy-page.tsx';
import { defineFeature } from '../../platform/feature-manifest.ts';
import { CompassIcon } from '../../ui/icons.tsx';
import { agencyDashboardPaths, deepLinks } from './paths.ts';

/** `/agencia`, the admin's dashboard of the agency's figures (`portfolioKpis`). Admins only. */
export const agencyDashboardFeature = defineFeature({
  id: 'agency-dashboard',
  access: ['admin'],
  routes: [
    {
      path: agencyDashboardPaths.dashboard,
      element: lazyPage(() => import('./agency-dashboard-page.tsx'), 'AgencyDashboardPage'),
    },
  ],
  nav: [
    {
      to: agencyDashboardPaths.dashboard,
      label: { 'pt-BR': 'Agência', en: 'Agency' },
      icon: CompassIcon,
      roles: ['admin'],
      order: 30,
    },
  ],
  i18n: {
    namespace: 'agencyDashboard',
    resources: {
      'pt-BR': () => import('./i18n.ts').then((m) => m.agencyDashboardPtBR),
      en: () => import('./i18n-en.ts').then((m) => m.agencyDashboardEn),
    },
  },
  deepLinks,
});
