import { CLIENT_ROLES, defineFeature } from '../../platform/feature-manifest.ts';
import { FinancePage } from './finance-page.tsx';
import { moneyEn, moneyPtBR } from './i18n.ts';
import { WalletIcon } from './icons.tsx';
import { InvoicePage } from './invoice-page.tsx';
import { InvoicesPage } from './invoices-page.tsx';
import { deepLinks, moneyPaths } from './paths.ts';
import { SummaryPage } from './summary-page.tsx';

/**
 * The client's money (dashboard §5A–C): revenue and ROI, invoices with Pix and "Pagar", and the printable
 * monthly summary. Everything reads the device database, so each screen opens offline; only "Pagar" needs the
 * network.
 */
export const moneyFeature = defineFeature({
  id: 'money',
  access: CLIENT_ROLES,
  routes: [
    { path: moneyPaths.finance, element: <FinancePage /> },
    { path: moneyPaths.invoices, element: <InvoicesPage /> },
    { path: moneyPaths.invoiceDetail, element: <InvoicePage /> },
    { path: moneyPaths.summary, element: <SummaryPage /> },
  ],
  nav: [
    { to: moneyPaths.finance, label: 'money:nav.finance', icon: WalletIcon, roles: CLIENT_ROLES, order: 30 },
  ],
  i18n: { namespace: 'money', resources: { 'pt-BR': moneyPtBR, en: moneyEn } },
  deepLinks,
});
