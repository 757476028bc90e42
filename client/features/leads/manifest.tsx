import { lazyPage } from '../../platform/lazy-page.tsx';
import { Svg } from '../../ui/icons.tsx';
import { CLIENT_ROLES, defineFeature } from '../../platform/feature-manifest.ts';
import { deepLinks, leadPaths } from './paths.ts';

/** A funnel, drawn inline like the shell's icons (decorative: the label carries the meaning). */
function LeadsIcon({ size = 24 }: { size?: number }) {
  return (
    <Svg size={size}>
      <path d="M3 4h18l-7 8v6l-4 2v-8z" />
    </Svg>
  );
}

/**
 * The client's leads (dashboard §3): the pipeline board, a lead's score and communication timeline, and the
 * lead form — all on the device database, so they work offline.
 */
export const leadsFeature = defineFeature({
  id: 'leads',
  access: CLIENT_ROLES,
  routes: [
    { path: leadPaths.pipeline, element: lazyPage(() => import('./pipeline-page.tsx'), 'PipelinePage') },
    { path: leadPaths.new, element: lazyPage(() => import('./lead-form-page.tsx'), 'NewLeadPage') },
    { path: leadPaths.detail, element: lazyPage(() => import('./lead-detail-page.tsx'), 'LeadDetailPage') },
    { path: leadPaths.editPattern, element: lazyPage(() => import('./lead-form-page.tsx'), 'EditLeadPage') },
  ],
  nav: [
    {
      to: leadPaths.pipeline,
      label: { 'pt-BR': 'Leads', en: 'Leads' },
      icon: LeadsIcon,
      roles: CLIENT_ROLES,
      order: 70,
    },
  ],
  i18n: {
    namespace: 'leads',
    resources: {
      'pt-BR': () => import('./i18n.ts').then((m) => m.leadsPtBR),
      en: () => import('./i18n-en.ts').then((m) => m.leadsEn),
    },
  },
  deepLinks,
});
