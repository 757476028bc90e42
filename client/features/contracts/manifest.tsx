import { lazyPage } from '../../platform/lazy-page.tsx';
import { defineFeature, STAFF_ROLES } from '../../platform/feature-manifest.ts';
import { contractPaths, deepLinks } from './paths.ts';

/**
 * A customer's contracts: the Contracts tab (`ContractsTab`, mounted by the Customer 360 shell) and the
 * printable contract, its own route.
 */
export const contractsFeature = defineFeature({
  id: 'contracts',
  access: STAFF_ROLES,
  routes: [
    {
      path: contractPaths.print,
      element: lazyPage(() => import('./contract-print-page.tsx'), 'ContractPrintPage'),
    },
  ],
  i18n: {
    namespace: 'contracts',
    resources: {
      'pt-BR': () => import('./i18n.ts').then((m) => m.contractsPtBR),
      en: () => import('./i18n-en.ts').then((m) => m.contractsEn),
    },
  },
  deepLinks,
});
