import { lazyPage } from '../../platform/lazy-page.tsx';
import { defineFeature } from '../../platform/feature-manifest.ts';
import { UsersIcon } from '../../ui/icons.tsx';
import { deepLinks, usersPaths } from './paths.ts';

/** `/usuarios`, admins only: people, invitations and the audit log (online only: docs/api.md "Accounts"). */
export const usersFeature = defineFeature({
  id: 'users',
  access: ['admin'],
  routes: [{ path: usersPaths.users, element: lazyPage(() => import('./users-page.tsx'), 'UsersPage') }],
  nav: [
    {
      to: usersPaths.users,
      label: { 'pt-BR': 'Usuários', en: 'Users' },
      icon: UsersIcon,
      roles: ['admin'],
      order: 85,
    },
  ],
  i18n: {
    namespace: 'users',
    resources: {
      'pt-BR': () => import('./i18n.ts').then((m) => m.usersPtBR),
      en: () => import('./i18n-en.ts').then((m) => m.usersEn),
    },
  },
  deepLinks,
});
