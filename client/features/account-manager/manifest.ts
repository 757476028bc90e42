import { CLIENT_ROLES, defineFeature } from '../../platform/feature-manifest.ts';

/**
 * Who the client's account manager is and how to reach them (account-manager-card.tsx, on the portal home).
 * No page of its own yet: the manifest brings its strings.
 */
export const accountManagerFeature = defineFeature({
  id: 'account-manager',
  access: CLIENT_ROLES,
  routes: [],
  i18n: {
    namespace: 'accountManager',
    resources: {
      'pt-BR': () => import('./i18n.ts').then((m) => m.accountManagerPtBR),
      en: () => import('./i18n-en.ts').then((m) => m.accountManagerEn),
    },
  },
});
