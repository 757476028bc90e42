/**
 * The notifications inbox's URL (pt-BR, stable: the bell and a notification about the inbox itself point at
 * it). Import-free so the service worker can read `deepLinks` (client/sw/deep-links.ts).
 */
export const notificationPaths = { inbox: '/notificacoes' } as const;

export const deepLinks: readonly string[] = [notificationPaths.inbox];
