import { lazyPage } from '../../platform/lazy-page.tsx';
import { defineFeature, STAFF_ROLES } from '../../platform/feature-manifest.ts';
import { UsersIcon } from '../../ui/icons.tsx';
import { AT_RISK_FILTER, customerPaths, deepLinks, HEALTH_FILTER_PARAM } from './paths.ts';

const atRisk = (search: URLSearchParams) => search.get(HEALTH_FILTER_PARAM) === AT_RISK_FILTER;

/** The staff customer list (portfolio, filters, at-risk view, customer form): the staff's home. */
export const customersFeature = defineFeature({
  id: 'customers',
  access: STAFF_ROLES,
  routes: [
    {
      path: customerPaths.list,
      element: lazyPage(() => import('./customer-list-page.tsx'), 'CustomerListPage'),
    },
  ],
  nav: [
    {
      to: customerPaths.list,
      label: { 'pt-BR': 'Clientes', en: 'Customers' },
      icon: UsersIcon,
      roles: STAFF_ROLES,
      order: 10,
      isCurrent: (pathname, search) => pathname.startsWith(customerPaths.list) && !atRisk(search),
    },
  ],
  home: { roles: STAFF_ROLES, path: customerPaths.list },
  i18n: {
    namespace: 'customers',
    resources: {
      'pt-BR': () => import('./i18n.ts').then((m) => m.customersPtBR),
      en: () => import('./i18n-en.ts').then((m) => m.customersEn),
    },
  },
  deepLinks,
});
