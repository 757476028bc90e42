/**
 * The CSM's home URL (pt-BR, stable once shipped). Import-free so the service worker can read `deepLinks`
 * (client/sw/deep-links.ts). The staff's landing page stays the customer list (`/clientes`): the CSM home is a
 * navigation entry next to it.
 */
export const csmHomePaths = { home: '/painel' } as const;

export const deepLinks: readonly string[] = [csmHomePaths.home];
