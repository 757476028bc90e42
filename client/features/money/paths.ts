/**
 * The client's money screens under the portal's `/inicio` (pt-BR, stable: the demo data's notifications and
 * action cards link to `/inicio/faturas` and `/inicio/faturas/<id>`; server/seed/routes.ts). Import-free so the
 * service worker can read `deepLinks` (client/sw/deep-links.ts).
 */
const INVOICES = '/inicio/faturas';

export const moneyPaths = {
  finance: '/inicio/financeiro',
  invoices: INVOICES,
  /** The route pattern of one invoice (`invoice(id)` builds its URL). */
  invoiceDetail: `${INVOICES}/:invoiceId`,
  invoice: (id: string) => `${INVOICES}/${encodeURIComponent(id)}`,
  summary: '/inicio/resumo',
} as const;

export const deepLinks: readonly string[] = [moneyPaths.finance, moneyPaths.invoices, moneyPaths.summary];
