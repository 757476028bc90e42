import { CLIENT_ROLES, defineFeature } from '../../platform/feature-manifest.ts';
import { HomeIcon, TicketIcon } from '../../ui/icons.tsx';
import { ClientHomePage } from './client-home-page.tsx';
import { clientHomeEn, clientHomePtBR } from './i18n.ts';
import { MyTicketsPage } from './my-tickets-page.tsx';
import { NewTicketPage } from './new-ticket-page.tsx';
import { clientHomePaths, deepLinks, ticketPaths } from './paths.ts';
import { TicketDetailPage } from './ticket-detail-page.tsx';

export const clientHomeFeature = defineFeature({
  id: 'client-home',
  access: CLIENT_ROLES,
  routes: [
    { path: clientHomePaths.home, element: <ClientHomePage /> },
    { path: ticketPaths.list, element: <MyTicketsPage /> },
    { path: ticketPaths.new, element: <NewTicketPage /> },
    { path: `${ticketPaths.list}/:ticketId`, element: <TicketDetailPage /> },
  ],
  nav: [
    {
      to: clientHomePaths.home,
      label: 'clientHome:nav.home',
      icon: HomeIcon,
      roles: CLIENT_ROLES,
      order: 10,
      isCurrent: (pathname) => pathname === clientHomePaths.home,
    },
    {
      to: ticketPaths.list,
      label: 'clientHome:nav.tickets',
      icon: TicketIcon,
      roles: CLIENT_ROLES,
      order: 20,
    },
  ],
  home: { roles: CLIENT_ROLES, path: clientHomePaths.home },
  i18n: { namespace: 'clientHome', resources: { 'pt-BR': clientHomePtBR, en: clientHomeEn } },
  deepLinks,
});
