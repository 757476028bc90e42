import { lazyPage } from '../../platform/lazy-page.tsx';
import { CLIENT_ROLES, defineFeature } from '../../platform/feature-manifest.ts';
import { HomeIcon } from '../../ui/icons.tsx';
import { deepLinks, portalHomePaths } from './paths.ts';

/** `/inicio`, the client's home: their company, the account-manager card and the tickets summary. */
export const portalHomeFeature = defineFeature({
  id: 'portal-home',
  access: CLIENT_ROLES,
  routes: [
    {
      path: portalHomePaths.home,
      element: lazyPage(() => import('./portal-home-page.tsx'), 'PortalHomePage'),
    },
  ],
  nav: [
    {
      to: portalHomePaths.home,
      label: { 'pt-BR': 'Início', en: 'Home' },
      icon: HomeIcon,
      roles: CLIENT_ROLES,
      order: 10,
      // Exactly the home: the tickets under /inicio/tickets have their own entry.
      isCurrent: (pathname) => pathname === portalHomePaths.home,
    },
  ],
  home: { roles: CLIENT_ROLES, path: portalHomePaths.home },
  i18n: {
    namespace: 'portalHome',
    resources: {
      'pt-BR': () => import('./i18n.ts').then((m) => m.portalHomePtBR),
      en: () => import('./i18n-en.ts').then((m) => m.portalHomeEn),
    },
  },
  deepLinks,
});
