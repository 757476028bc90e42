import { lazyPage } from '../../platform/lazy-page.tsx';
import { defineFeature, STAFF_ROLES } from '../../platform/feature-manifest.ts';
import { HomeIcon } from '../../ui/icons.tsx';
import { csmHomePaths, deepLinks } from './paths.ts';

/**
 * `/painel`, the CSM's own portfolio: at-risk customers and renewals in 90 days. Staff may open it (an admin who
 * keeps accounts sees theirs); the navigation offers it to CSMs. The staff's landing page stays the customer
 * list (`/clientes`), which the journeys and bookmarks expect after sign-in.
 */
export const csmHomeFeature = defineFeature({
  id: 'csm-home',
  access: STAFF_ROLES,
  routes: [
    { path: csmHomePaths.home, element: lazyPage(() => import('./csm-home-page.tsx'), 'CsmHomePage') },
  ],
  nav: [
    {
      to: csmHomePaths.home,
      label: { 'pt-BR': 'Meu painel', en: 'My dashboard' },
      icon: HomeIcon,
      roles: ['csm'],
      order: 5,
    },
  ],
  i18n: {
    namespace: 'csmHome',
    resources: {
      'pt-BR': () => import('./i18n.ts').then((m) => m.csmHomePtBR),
      en: () => import('./i18n-en.ts').then((m) => m.csmHomeEn),
    },
  },
  deepLinks,
});
