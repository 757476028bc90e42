/**
 * The client's goals under the portal's `/inicio` (pt-BR, stable: the demo's action cards and notifications
 * link here — server/seed/routes.ts `goals`). Import-free so the service worker can read `deepLinks`.
 */
export const goalPaths = { goals: '/inicio/metas' } as const;

export const deepLinks: readonly string[] = [goalPaths.goals];
