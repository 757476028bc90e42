/**
 * The contracts' URLs under a customer's Customer 360 (pt-BR, stable once shipped). The tab itself
 * (`/clientes/:id/contratos`) is the 360 shell's route; this feature owns the printable contract. Import-free
 * so the service worker can read `deepLinks` (client/sw/deep-links.ts).
 */
const CUSTOMERS = '/clientes';
const enc = encodeURIComponent;

export const contractPaths = {
  /** The printable contract's route pattern (`printOf` builds a URL). */
  print: `${CUSTOMERS}/:id/contratos/:contractId/imprimir`,
  tabOf: (customerId: string) => `${CUSTOMERS}/${enc(customerId)}/contratos`,
  printOf: (customerId: string, contractId: string) =>
    `${CUSTOMERS}/${enc(customerId)}/contratos/${enc(contractId)}/imprimir`,
} as const;

/** Nothing outside the app links to a contract yet (the customer list's `/clientes` covers the area). */
export const deepLinks: readonly string[] = [];
