/** The users screen's URL (pt-BR, stable). Import-free so the service worker can read `deepLinks`. */
export const usersPaths = { users: '/usuarios' } as const;

export const deepLinks: readonly string[] = [usersPaths.users];
