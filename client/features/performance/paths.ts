/**
 * The client's performance screen under the portal's `/inicio` (pt-BR, stable: the demo data's notifications
 * and action cards link to it, server/seed/routes.ts `performance`). `?periodo=` picks the charts' range.
 * Import-free so the service worker can read `deepLinks` (client/sw/deep-links.ts).
 */
export const performancePaths = { performance: '/inicio/desempenho' } as const;

/** The URL search parameter of the charts' range and its values (the shared rule's ranges). */
export const RANGE_PARAM = 'periodo';

export const deepLinks: readonly string[] = [performancePaths.performance];
