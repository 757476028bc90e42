/**
 * "Minhas tarefas" (pt-BR URL, stable once shipped: notifications and bookmarks may point at it). Import-free so
 * the service worker can read `deepLinks` (client/sw/deep-links.ts).
 */
export const taskPaths = { mine: '/tarefas' } as const;

export const deepLinks: readonly string[] = [taskPaths.mine];
