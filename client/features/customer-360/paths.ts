/**
 * The Customer 360's URLs (pt-BR, stable: the list's links, alerts, notifications and bookmarks point at them):
 * `/clientes/<id>` is the overview, and every other tab is a URL of its own under it. Import-free so the service
 * worker can read `deepLinks` (client/sw/deep-links.ts); the customer list's `/clientes` prefix already admits
 * these paths, the same prefix is declared here so this feature does not depend on the list's declaration.
 */
const CUSTOMERS = '/clientes';

/** The tabs' URL segments under `/clientes/<id>` ('' is the overview, the tab the bare URL opens). */
export const CUSTOMER_TAB_SEGMENTS = {
  overview: '',
  contracts: 'contratos',
  contacts: 'contatos',
  activity: 'atividades',
  analytics: 'analise',
} as const;
export type CustomerTab = keyof typeof CUSTOMER_TAB_SEGMENTS;

export const customer360Paths = {
  /** The route pattern (`customerPath(id)` builds a customer's URL). */
  detail: `${CUSTOMERS}/:customerId`,
} as const;

/** `/clientes/<id>` or `/clientes/<id>/<tab segment>`. */
export function customerPath(id: string, tab: CustomerTab = 'overview'): string {
  const base = `${CUSTOMERS}/${encodeURIComponent(id)}`;
  const segment = CUSTOMER_TAB_SEGMENTS[tab];
  return segment === '' ? base : `${base}/${segment}`;
}

export const deepLinks: readonly string[] = [CUSTOMERS];
