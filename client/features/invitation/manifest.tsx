import { lazyPage } from '../../platform/lazy-page.tsx';
import { defineFeature } from '../../platform/feature-manifest.ts';
import { deepLinks, invitationPaths } from './paths.ts';

/** `/convite#<token>`, open to everyone: the mailed invitation link (accept with a name and a password). */
export const invitationFeature = defineFeature({
  id: 'invitation',
  access: 'public',
  routes: [
    {
      path: invitationPaths.invitation,
      element: lazyPage(() => import('./invitation-page.tsx'), 'InvitationPage'),
    },
  ],
  i18n: {
    namespace: 'invitation',
    resources: {
      'pt-BR': () => import('./i18n.ts').then((m) => m.invitationPtBR),
      en: () => import('./i18n-en.ts').then((m) => m.invitationEn),
    },
  },
  deepLinks,
});
