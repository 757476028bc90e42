import { paths } from '../../app/paths.ts';

/**
 * The tickets area's URLs, under the shell's `/inicio/tickets` (pt-BR, stable: notifications deep-link to a
 * ticket, and `#mensagem-<id>` to one message of its conversation).
 */
export const ticketPaths = {
  list: paths.myTickets,
  new: `${paths.myTickets}/novo`,
  ticket: (id: string) => `${paths.myTickets}/${encodeURIComponent(id)}`,
  message: (ticketId: string, messageId: string) =>
    `${paths.myTickets}/${encodeURIComponent(ticketId)}#${messageAnchor(messageId)}`,
} as const;

export const messageAnchor = (messageId: string) => `mensagem-${messageId}`;
