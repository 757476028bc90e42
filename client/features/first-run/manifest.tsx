import { lazyPage } from '../../platform/lazy-page.tsx';
import { defineFeature } from '../../platform/feature-manifest.ts';
import { deepLinks, firstRunPaths } from './paths.ts';

/** `/primeiro-acesso`, open to everyone: the server accepts it only while no organization exists. */
export const firstRunFeature = defineFeature({
  id: 'first-run',
  access: 'public',
  routes: [
    { path: firstRunPaths.firstRun, element: lazyPage(() => import('./first-run-page.tsx'), 'FirstRunPage') },
  ],
  i18n: {
    namespace: 'firstRun',
    resources: {
      'pt-BR': () => import('./i18n.ts').then((m) => m.firstRunPtBR),
      en: () => import('./i18n-en.ts').then((m) => m.firstRunEn),
    },
  },
  deepLinks,
});
