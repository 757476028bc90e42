/**
 * The Contacts tab lives at `/clientes/:id/contatos`, a route of the Customer 360 shell; this feature has no
 * route of its own. Import-free so the service worker can read `deepLinks` (client/sw/deep-links.ts).
 */
export const contactPaths = {
  tabOf: (customerId: string) => `/clientes/${encodeURIComponent(customerId)}/contatos`,
} as const;

export const deepLinks: readonly string[] = [];
