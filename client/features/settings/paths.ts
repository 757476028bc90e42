/** The settings page's URL (pt-BR, stable). Import-free so the service worker can read `deepLinks`. */
export const settingsPaths = { settings: '/ajustes' } as const;

export const deepLinks: readonly string[] = [settingsPaths.settings];
