import { lazyPage } from '../../platform/lazy-page.tsx';
import { defineFeature, STAFF_ROLES } from '../../platform/feature-manifest.ts';
import { AlertIcon } from '../../ui/icons.tsx';
import { atRiskPaths, deepLinks } from './paths.ts';
import { AT_RISK_FILTER, customerPaths, HEALTH_FILTER_PARAM } from '../customers/paths.ts';

/** `/em-risco`: the at-risk customers with their alerts' lifecycle (customers spec §2.4); staff only. */
export const atRiskFeature = defineFeature({
  id: 'at-risk',
  access: STAFF_ROLES,
  routes: [{ path: atRiskPaths.list, element: lazyPage(() => import('./at-risk-page.tsx'), 'AtRiskPage') }],
  nav: [
    {
      to: atRiskPaths.list,
      label: { 'pt-BR': 'Em risco', en: 'At risk' },
      icon: AlertIcon,
      roles: STAFF_ROLES,
      order: 20,
      // The customer list filtered to at-risk health (older links, notifications) is the same place for the user.
      isCurrent: (pathname, search) =>
        pathname === atRiskPaths.list ||
        (pathname === customerPaths.list && search.get(HEALTH_FILTER_PARAM) === AT_RISK_FILTER),
    },
  ],
  i18n: {
    namespace: 'atRisk',
    resources: {
      'pt-BR': () => import('./i18n.ts').then((m) => m.atRiskPtBR),
      en: () => import('./i18n-en.ts').then((m) => m.atRiskEn),
    },
  },
  deepLinks,
});
