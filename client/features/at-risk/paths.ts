/**
 * The at-risk page's URL (pt-BR, stable once shipped: the PWA manifest's "Clientes em risco" shortcut,
 * notifications and bookmarks point at it). Import-free so the service worker can read `deepLinks`
 * (client/sw/deep-links.ts).
 */
export const atRiskPaths = { list: '/em-risco' } as const;

export const deepLinks: readonly string[] = [atRiskPaths.list];
