import { lazyPage } from '../../platform/lazy-page.tsx';
import { defineFeature, STAFF_ROLES } from '../../platform/feature-manifest.ts';
import { TicketIcon } from '../../ui/icons.tsx';
import { deepLinks, supportPaths } from './paths.ts';

/**
 * The staff side of tickets and meetings (issue 10 item 10): the ticket queue, a ticket as staff handle it
 * (replies, internal notes, assignment, status) and clients' meeting requests. Staff only; the client's ticket
 * screens (`tickets` feature) are unchanged. Everything reads and writes the device database, so it works
 * offline.
 */
export const supportQueueFeature = defineFeature({
  id: 'support-queue',
  access: STAFF_ROLES,
  routes: [
    {
      path: supportPaths.queue,
      element: lazyPage(() => import('./support-queue-page.tsx'), 'SupportQueuePage'),
    },
    {
      path: supportPaths.detail,
      element: lazyPage(() => import('./staff-ticket-page.tsx'), 'StaffTicketPage'),
    },
    {
      path: supportPaths.meetings,
      element: lazyPage(() => import('./meeting-requests-page.tsx'), 'MeetingRequestsPage'),
    },
  ],
  nav: [
    {
      to: supportPaths.queue,
      label: { 'pt-BR': 'Suporte', en: 'Support' },
      icon: TicketIcon,
      roles: STAFF_ROLES,
      order: 27,
      isCurrent: (pathname) => pathname.startsWith(supportPaths.queue),
    },
  ],
  i18n: {
    namespace: 'supportQueue',
    resources: {
      'pt-BR': () => import('./i18n.ts').then((m) => m.supportQueuePtBR),
      en: () => import('./i18n-en.ts').then((m) => m.supportQueueEn),
    },
  },
  deepLinks,
});
