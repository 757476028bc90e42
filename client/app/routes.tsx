import type { RouteObject } from 'react-router';
import { ROLES } from '../../shared/collections.ts';
import { ClientHomePage } from '../features/client-home/client-home-page.tsx';
import { MyTicketsPage } from '../features/client-home/my-tickets-page.tsx';
import { NewTicketPage } from '../features/client-home/new-ticket-page.tsx';
import { TicketDetailPage } from '../features/client-home/ticket-detail-page.tsx';
import { CustomerListPage } from '../features/customers/customer-list-page.tsx';
import { NotFoundPage } from '../features/not-found/not-found-page.tsx';
import { SettingsPage } from '../features/settings/settings-page.tsx';
import { SignInPage } from '../features/sign-in/sign-in-page.tsx';
import { RouteErrorScreen } from './error-screen.tsx';
import { HomeRedirect, RequireRole } from './guards.tsx';
import { AppShell } from './shell/app-shell.tsx';

const STAFF = ['admin', 'csm'] as const;
const CLIENT = ['client'] as const;

/**
 * The route table. Paths are pt-BR and stable (client/app/paths.ts). Features add their screens as children
 * of the matching guard. A crashing page renders the error screen *inside* the shell (pathless error route);
 * only a crash of the shell itself replaces the whole screen.
 */
export function createAppRoutes(): RouteObject[] {
  return [
    {
      path: '/',
      element: <AppShell />,
      errorElement: <RouteErrorScreen />,
      children: [
        {
          errorElement: <RouteErrorScreen />,
          children: [
            { index: true, element: <HomeRedirect /> },
            { path: 'entrar', element: <SignInPage /> },
            {
              element: <RequireRole roles={STAFF} />,
              children: [{ path: 'clientes', element: <CustomerListPage /> }],
            },
            {
              element: <RequireRole roles={CLIENT} />,
              children: [
                { path: 'inicio', element: <ClientHomePage /> },
                { path: 'inicio/tickets', element: <MyTicketsPage /> },
                { path: 'inicio/tickets/novo', element: <NewTicketPage /> },
                { path: 'inicio/tickets/:ticketId', element: <TicketDetailPage /> },
              ],
            },
            {
              element: <RequireRole roles={ROLES} />,
              children: [{ path: 'ajustes', element: <SettingsPage /> }],
            },
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ];
}
