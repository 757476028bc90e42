import { lazyPage } from '../../platform/lazy-page.tsx';
import { ALL_ROLES, defineFeature } from '../../platform/feature-manifest.ts';
import { SettingsIcon } from '../../ui/icons.tsx';
import { deepLinks, settingsPaths } from './paths.ts';

/**
 * `/ajustes` for every role. Its strings predate feature namespaces and live in the shell's `translation`
 * namespace (`settings.*`, client/i18n/resources/); the playbooks section's are the `playbooks` namespace.
 */
export const settingsFeature = defineFeature({
  id: 'settings',
  access: ALL_ROLES,
  routes: [
    { path: settingsPaths.settings, element: lazyPage(() => import('./settings-page.tsx'), 'SettingsPage') },
  ],
  nav: [
    {
      to: settingsPaths.settings,
      label: { 'pt-BR': 'Ajustes', en: 'Settings' },
      icon: SettingsIcon,
      roles: ALL_ROLES,
      order: 90,
    },
  ],
  i18n: {
    namespace: 'playbooks',
    resources: {
      'pt-BR': () => import('./playbooks-i18n.ts').then((m) => m.playbooksPtBR),
      en: () => import('./playbooks-i18n-en.ts').then((m) => m.playbooksEn),
    },
  },
  deepLinks,
});
