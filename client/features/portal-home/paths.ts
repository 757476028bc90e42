/**
 * The client portal's home (pt-BR, stable: the client's landing page; notifications may open it). The whole
 * `/inicio` area is a deep link for the client role. Import-free so the service worker can read `deepLinks`.
 */
export const portalHomePaths = { home: '/inicio' } as const;

export const deepLinks: readonly string[] = [portalHomePaths.home];
