/**
 * The tickets area's URLs under the portal's `/inicio` (pt-BR, stable: notifications deep-link to a ticket,
 * and `#mensagem-<id>` to one message of its conversation). Import-free so the service worker can read
 * `deepLinks` (client/sw/deep-links.ts).
 */
const TICKETS = '/inicio/tickets';

export const ticketPaths = {
  list: TICKETS,
  new: `${TICKETS}/novo`,
  /** The route pattern of one ticket (`ticket(id)` builds its URL). */
  detail: `${TICKETS}/:ticketId`,
  ticket: (id: string) => `${TICKETS}/${encodeURIComponent(id)}`,
  message: (ticketId: string, messageId: string) =>
    `${TICKETS}/${encodeURIComponent(ticketId)}#${messageAnchor(messageId)}`,
} as const;

export const messageAnchor = (messageId: string) => `mensagem-${messageId}`;

export const deepLinks: readonly string[] = [ticketPaths.list];
