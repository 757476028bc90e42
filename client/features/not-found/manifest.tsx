import { lazyPage } from '../../platform/lazy-page.tsx';
import { defineFeature } from '../../platform/feature-manifest.ts';

/** Every URL no other feature claims (react-router ranks `*` last whatever the list order). */
export const notFoundFeature = defineFeature({
  id: 'not-found',
  access: 'public',
  routes: [{ path: '*', element: lazyPage(() => import('./not-found-page.tsx'), 'NotFoundPage') }],
});
