import { defineFeature, STAFF_ROLES } from '../../platform/feature-manifest.ts';
import { lazyPage } from '../../platform/lazy-page.tsx';
import { deepLinks, staffPortalPaths } from './paths.ts';

/**
 * The client portal's leads, campaigns and content screens as staff see them for one customer, opened from the Customer
 * 360's header; no navigation entry. The pages are the portal's own (features/leads, features/campaigns) in a
 * staff scope.
 */
export const staffPortalFeature = defineFeature({
  id: 'staff-portal',
  access: STAFF_ROLES,
  routes: [
    {
      path: staffPortalPaths.leads,
      element: lazyPage(() => import('./staff-leads-pages.tsx'), 'StaffPipelinePage'),
    },
    {
      path: staffPortalPaths.lead,
      element: lazyPage(() => import('./staff-leads-pages.tsx'), 'StaffLeadDetailPage'),
    },
    {
      path: staffPortalPaths.campaigns,
      element: lazyPage(() => import('./staff-campaigns-pages.tsx'), 'StaffCampaignsPage'),
    },
    {
      path: staffPortalPaths.campaign,
      element: lazyPage(() => import('./staff-campaigns-pages.tsx'), 'StaffCampaignDetailPage'),
    },
    {
      path: staffPortalPaths.content,
      element: lazyPage(() => import('./staff-content-page.tsx'), 'StaffContentPage'),
    },
  ],
  deepLinks,
});
