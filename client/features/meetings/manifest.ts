import { CLIENT_ROLES, defineFeature } from '../../platform/feature-manifest.ts';

/**
 * The client's next meeting and their reschedule/cancel request (meeting-request.tsx, shown on the
 * account-manager card). No page of its own yet: the manifest brings its strings.
 */
export const meetingsFeature = defineFeature({
  id: 'meetings',
  access: CLIENT_ROLES,
  routes: [],
  i18n: {
    namespace: 'meetings',
    resources: {
      'pt-BR': () => import('./i18n.ts').then((m) => m.meetingsPtBR),
      en: () => import('./i18n-en.ts').then((m) => m.meetingsEn),
    },
  },
});
