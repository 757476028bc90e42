import { lazyPage } from '../../platform/lazy-page.tsx';
import { CLIENT_ROLES, defineFeature } from '../../platform/feature-manifest.ts';
import { WalletIcon } from './icons.tsx';
import { deepLinks, moneyPaths } from './paths.ts';

/**
 * The client's money (dashboard §5A–C): revenue and ROI, invoices with Pix and "Pagar", and the printable
 * monthly summary. Everything reads the device database, so each screen opens offline; only "Pagar" needs the
 * network.
 */
export const moneyFeature = defineFeature({
  id: 'money',
  access: CLIENT_ROLES,
  routes: [
    { path: moneyPaths.finance, element: lazyPage(() => import('./finance-page.tsx'), 'FinancePage') },
    { path: moneyPaths.invoices, element: lazyPage(() => import('./invoices-page.tsx'), 'InvoicesPage') },
    { path: moneyPaths.invoiceDetail, element: lazyPage(() => import('./invoice-page.tsx'), 'InvoicePage') },
    { path: moneyPaths.summary, element: lazyPage(() => import('./summary-page.tsx'), 'SummaryPage') },
  ],
  nav: [
    {
      to: moneyPaths.finance,
      label: { 'pt-BR': 'Finanças', en: 'Finance' },
      icon: WalletIcon,
      roles: CLIENT_ROLES,
      order: 30,
    },
  ],
  i18n: {
    namespace: 'money',
    resources: {
      'pt-BR': () => import('./i18n.ts').then((m) => m.moneyPtBR),
      en: () => import('./i18n-en.ts').then((m) => m.moneyEn),
    },
  },
  deepLinks,
});
