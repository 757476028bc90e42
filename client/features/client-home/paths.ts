/**
 * The client portal's URLs (pt-BR, stable: notifications deep-link to a ticket, and `#mensagem-<id>` to one
 * message of its conversation). Import-free so the service worker can read `deepLinks`.
 */
export const clientHomePaths = { home: '/inicio' } as const;

const TICKETS = '/inicio/tickets';

export const ticketPaths = {
  list: TICKETS,
  new: `${TICKETS}/novo`,
  ticket: (id: string) => `${TICKETS}/${encodeURIComponent(id)}`,
  message: (ticketId: string, messageId: string) =>
    `${TICKETS}/${encodeURIComponent(ticketId)}#${messageAnchor(messageId)}`,
} as const;

export const messageAnchor = (messageId: string) => `mensagem-${messageId}`;

export const deepLinks: readonly string[] = [clientHomePaths.home];
