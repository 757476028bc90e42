import { defineFeature, STAFF_ROLES } from '../../platform/feature-manifest.ts';
import { deepLinks } from './paths.ts';

/**
 * A customer's activity: the timeline tab (`ActivityTab`, mounted by the Customer 360 shell) and the quick log
 * (`QuickLog`, also opened by the Overview's quick actions).
 */
export const activityFeature = defineFeature({
  id: 'activity',
  access: STAFF_ROLES,
  routes: [],
  i18n: {
    namespace: 'activity',
    resources: {
      'pt-BR': () => import('./i18n.ts').then((m) => m.activityPtBR),
      en: () => import('./i18n-en.ts').then((m) => m.activityEn),
    },
  },
  deepLinks,
});
