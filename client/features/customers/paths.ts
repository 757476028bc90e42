/**
 * The staff customer list's URLs (pt-BR, stable: the manifest shortcut `/clientes?saude=risco`, notifications
 * and bookmarks point at them). Import-free so the service worker can read `deepLinks` (client/sw/deep-links.ts).
 */
export const HEALTH_FILTER_PARAM = 'saude';
export const AT_RISK_FILTER = 'risco';

export const customerPaths = {
  list: '/clientes',
  atRisk: `/clientes?${HEALTH_FILTER_PARAM}=${AT_RISK_FILTER}`,
} as const;

export const deepLinks: readonly string[] = [customerPaths.list];
