/**
 * The admin dashboard's URL (pt-BR, stable once shipped). Import-free so the service worker can read
 * `deepLinks` (client/sw/deep-links.ts).
 */
export const agencyDashboardPaths = { dashboard: '/agencia' } as const;

export const deepLinks: readonly string[] = [agencyDashboardPaths.dashboard];
