import { defineFeature, STAFF_ROLES } from '../../platform/feature-manifest.ts';
import { lazyPage } from '../../platform/lazy-page.tsx';
import { connectionsPaths, deepLinks } from './paths.ts';

/** A customer's data connections (staff), opened from the Customer 360's header; no navigation entry. */
export const connectionsFeature = defineFeature({
  id: 'connections',
  access: STAFF_ROLES,
  routes: [
    {
      path: connectionsPaths.connections,
      element: lazyPage(() => import('./connections-page.tsx'), 'ConnectionsPage'),
    },
  ],
  deepLinks,
});
