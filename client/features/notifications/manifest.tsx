import { lazyPage } from '../../platform/lazy-page.tsx';
import { ALL_ROLES, defineFeature } from '../../platform/feature-manifest.ts';
import { deepLinks, notificationPaths } from './paths.ts';

/**
 * The notifications inbox (`/notificacoes`) for every signed-in role, read from the device. No navigation
 * entry: the bell in the shell's header (notification-bell.tsx) opens it, with the unread count.
 */
export const notificationsFeature = defineFeature({
  id: 'notifications',
  access: ALL_ROLES,
  routes: [
    { path: notificationPaths.inbox, element: lazyPage(() => import('./inbox-page.tsx'), 'InboxPage') },
  ],
  i18n: {
    namespace: 'notifications',
    resources: {
      'pt-BR': () => import('./i18n.ts').then((m) => m.notificationsPtBR),
      en: () => import('./i18n-en.ts').then((m) => m.notificationsEn),
    },
  },
  deepLinks,
});
