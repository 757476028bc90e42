import { defineFeature, STAFF_ROLES } from '../../platform/feature-manifest.ts';
import { AlertIcon } from '../../ui/icons.tsx';
import { AtRiskPage } from './at-risk-page.tsx';
import { atRiskEn, atRiskPtBR } from './i18n.ts';
import { atRiskPaths, deepLinks } from './paths.ts';

/** `/em-risco`: the at-risk customers with their alerts' lifecycle (customers spec §2.4); staff only. */
export const atRiskFeature = defineFeature({
  id: 'at-risk',
  access: STAFF_ROLES,
  routes: [{ path: atRiskPaths.list, element: <AtRiskPage /> }],
  nav: [{ to: atRiskPaths.list, label: 'atRisk:nav.atRisk', icon: AlertIcon, roles: STAFF_ROLES, order: 20 }],
  i18n: { namespace: 'atRisk', resources: { 'pt-BR': atRiskPtBR, en: atRiskEn } },
  deepLinks,
});
