import { CLIENT_ROLES, defineFeature } from '../../platform/feature-manifest.ts';
import { TicketIcon } from '../../ui/icons.tsx';
import { ticketsEn, ticketsPtBR } from './i18n.ts';
import { MyTicketsPage } from './my-tickets-page.tsx';
import { NewTicketPage } from './new-ticket-page.tsx';
import { deepLinks, ticketPaths } from './paths.ts';
import { TicketDetailPage } from './ticket-detail-page.tsx';

/**
 * The client's support tickets: the list, a new ticket and one ticket's conversation — written to the device
 * database, so they work offline. Its summary card sits on the portal home (tickets-summary-card.tsx).
 */
export const ticketsFeature = defineFeature({
  id: 'tickets',
  access: CLIENT_ROLES,
  routes: [
    { path: ticketPaths.list, element: <MyTicketsPage /> },
    { path: ticketPaths.new, element: <NewTicketPage /> },
    { path: ticketPaths.detail, element: <TicketDetailPage /> },
  ],
  nav: [
    { to: ticketPaths.list, label: 'tickets:nav.tickets', icon: TicketIcon, roles: CLIENT_ROLES, order: 40 },
  ],
  i18n: { namespace: 'tickets', resources: { 'pt-BR': ticketsPtBR, en: ticketsEn } },
  deepLinks,
});
