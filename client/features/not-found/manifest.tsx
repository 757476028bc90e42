import { defineFeature } from '../../platform/feature-manifest.ts';
import { NotFoundPage } from './not-found-page.tsx';

/** Every URL no other feature claims (react-router ranks `*` last whatever the list order). */
export const notFoundFeature = defineFeature({
  id: 'not-found',
  access: 'public',
  routes: [{ path: '*', element: <NotFoundPage /> }],
});
