/**
 * The Activity tab lives at `/clientes/:id/atividades`, a route of the Customer 360 shell; this feature has no
 * route of its own. Import-free so the service worker can read `deepLinks` (client/sw/deep-links.ts).
 */
export const activityPaths = {
  tabOf: (customerId: string) => `/clientes/${encodeURIComponent(customerId)}/atividades`,
} as const;

export const deepLinks: readonly string[] = [];
