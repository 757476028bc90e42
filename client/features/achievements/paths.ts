/**
 * The client's achievements (streak, badges, XP) under the portal's `/inicio` (pt-BR, stable: a badge's
 * notification and a shared achievement link here). Import-free so the service worker can read `deepLinks`.
 */
export const achievementPaths = { achievements: '/inicio/conquistas' } as const;

export const deepLinks: readonly string[] = [achievementPaths.achievements];
