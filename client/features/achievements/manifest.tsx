import { lazyPage } from '../../platform/lazy-page.tsx';
import { CLIENT_ROLES, defineFeature } from '../../platform/feature-manifest.ts';
import { ShieldCheckIcon } from '../../ui/icons.tsx';
import { achievementPaths, deepLinks } from './paths.ts';

/** `/inicio/conquistas`, the client's streak, badges, XP and level (dashboard § Gamificação). */
export const achievementsFeature = defineFeature({
  id: 'achievements',
  access: CLIENT_ROLES,
  routes: [
    {
      path: achievementPaths.achievements,
      element: lazyPage(() => import('./achievements-page.tsx'), 'AchievementsPage'),
    },
  ],
  nav: [
    {
      to: achievementPaths.achievements,
      label: { 'pt-BR': 'Conquistas', en: 'Achievements' },
      icon: ShieldCheckIcon,
      roles: CLIENT_ROLES,
      order: 60,
    },
  ],
  i18n: {
    namespace: 'achievements',
    resources: {
      'pt-BR': () => import('./i18n.ts').then((m) => m.achievementsPtBR),
      en: () => import('./i18n-en.ts').then((m) => m.achievementsEn),
    },
  },
  deepLinks,
});
