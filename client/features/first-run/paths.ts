/** The first-run screen's URL (pt-BR, stable). Import-free so the service worker can read `deepLinks`. */
export const firstRunPaths = { firstRun: '/primeiro-acesso' } as const;

export const deepLinks: readonly string[] = [];
