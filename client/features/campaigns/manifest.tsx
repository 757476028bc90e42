import { lazyPage } from '../../platform/lazy-page.tsx';
import { Svg } from '../../ui/icons.tsx';
import { CLIENT_ROLES, defineFeature } from '../../platform/feature-manifest.ts';
import { campaignPaths, deepLinks } from './paths.ts';

/** A megaphone, drawn inline like the shell's icons (decorative: the label carries the meaning). */
function CampaignsIcon({ size = 24 }: { size?: number }) {
  return (
    <Svg size={size}>
      <path d="M3 11v2a1 1 0 0 0 1 1h2l5 4V6L6 10H4a1 1 0 0 0-1 1z" />
      <path d="M15 9a3 3 0 0 1 0 6M18 6a7 7 0 0 1 0 12" />
    </Svg>
  );
}

/** The client's campaigns and A/B tests (dashboard §4), read from the device database (offline too). */
export const campaignsFeature = defineFeature({
  id: 'campaigns',
  access: CLIENT_ROLES,
  routes: [
    { path: campaignPaths.list, element: lazyPage(() => import('./campaigns-page.tsx'), 'CampaignsPage') },
    {
      path: campaignPaths.detail,
      element: lazyPage(() => import('./campaign-detail-page.tsx'), 'CampaignDetailPage'),
    },
  ],
  nav: [
    {
      to: campaignPaths.list,
      label: { 'pt-BR': 'Campanhas', en: 'Campaigns' },
      icon: CampaignsIcon,
      roles: CLIENT_ROLES,
      order: 80,
    },
  ],
  i18n: {
    namespace: 'campaigns',
    resources: {
      'pt-BR': () => import('./i18n.ts').then((m) => m.campaignsPtBR),
      en: () => import('./i18n-en.ts').then((m) => m.campaignsEn),
    },
  },
  deepLinks,
});
