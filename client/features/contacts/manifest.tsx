import { defineFeature, STAFF_ROLES } from '../../platform/feature-manifest.ts';
import { deepLinks } from './paths.ts';

/** A customer's contacts: the Contacts tab (`ContactsTab`, mounted by the Customer 360 shell) and its strings. */
export const contactsFeature = defineFeature({
  id: 'contacts',
  access: STAFF_ROLES,
  routes: [],
  i18n: {
    namespace: 'contacts',
    resources: {
      'pt-BR': () => import('./i18n.ts').then((m) => m.contactsPtBR),
      en: () => import('./i18n-en.ts').then((m) => m.contactsEn),
    },
  },
  deepLinks,
});
