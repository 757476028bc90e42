import { ALL_ROLES, defineFeature } from '../../platform/feature-manifest.ts';

/**
 * Passkeys and signed-in devices: two sections of `/ajustes` (passkeys-section.tsx, devices-section.tsx) and
 * the passkey sign-in of `/entrar` (passkey-sign-in.tsx). No routes of its own; the manifest brings its strings.
 */
export const securityFeature = defineFeature({
  id: 'security',
  access: ALL_ROLES,
  routes: [],
  i18n: {
    namespace: 'security',
    resources: {
      'pt-BR': () => import('./i18n.ts').then((m) => m.securityPtBR),
      en: () => import('./i18n-en.ts').then((m) => m.securityEn),
    },
  },
});
