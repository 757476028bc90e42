import { defineFeature, STAFF_ROLES } from '../../platform/feature-manifest.ts';
import { lazyPage } from '../../platform/lazy-page.tsx';
import { Customer360Skeleton } from './customer-360-skeleton.tsx';
import { customer360Paths, deepLinks } from './paths.ts';

/**
 * The Customer 360 (staff): `/clientes/:customerId` and its tabs below it (tabs.ts; the page routes them, each
 * tab a URL of its own). No navigation entry: it is opened from the customer list, search, alerts and
 * notifications (the list's "Clientes" entry stays current under `/clientes/…`).
 */
export const customer360Feature = defineFeature({
  id: 'customer-360',
  access: STAFF_ROLES,
  routes: [
    {
      path: `${customer360Paths.detail}/*`,
      // The page (and the shared rules it runs) is fetched when a customer is first opened.
      element: lazyPage(() => import('./customer-360-page.tsx'), 'Customer360Page', <Customer360Skeleton />),
    },
  ],
  i18n: {
    namespace: 'customer360',
    resources: {
      'pt-BR': () => import('./i18n.ts').then((m) => m.customer360PtBR),
      en: () => import('./i18n-en.ts').then((m) => m.customer360En),
    },
  },
  deepLinks,
});
