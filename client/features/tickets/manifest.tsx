import { lazyPage } from '../../platform/lazy-page.tsx';
import { CLIENT_ROLES, defineFeature } from '../../platform/feature-manifest.ts';
import { TicketIcon } from '../../ui/icons.tsx';
import { deepLinks, ticketPaths } from './paths.ts';

/**
 * The client's support tickets: the list, a new ticket and one ticket's conversation — written to the device
 * database, so they work offline. Its summary card sits on the portal home (tickets-summary-card.tsx).
 */
export const ticketsFeature = defineFeature({
  id: 'tickets',
  access: CLIENT_ROLES,
  routes: [
    { path: ticketPaths.list, element: lazyPage(() => import('./my-tickets-page.tsx'), 'MyTicketsPage') },
    { path: ticketPaths.new, element: lazyPage(() => import('./new-ticket-page.tsx'), 'NewTicketPage') },
    {
      path: ticketPaths.detail,
      element: lazyPage(() => import('./ticket-detail-page.tsx'), 'TicketDetailPage'),
    },
  ],
  nav: [
    {
      to: ticketPaths.list,
      label: { 'pt-BR': 'Tickets', en: 'Tickets' },
      icon: TicketIcon,
      roles: CLIENT_ROLES,
      order: 40,
    },
  ],
  i18n: {
    namespace: 'tickets',
    resources: {
      'pt-BR': () => import('./i18n.ts').then((m) => m.ticketsPtBR),
      en: () => import('./i18n-en.ts').then((m) => m.ticketsEn),
    },
  },
  deepLinks,
});
