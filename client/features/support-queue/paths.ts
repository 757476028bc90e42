/**
 * The staff's support area (pt-BR URLs, stable once shipped: notifications of new tickets deep-link here).
 * Staff have their own ticket screen (`/atendimento/tickets/:id`): it shows internal notes, assignment and every
 * status, which the client's screen (`/inicio/tickets/:id`, unchanged) must never carry. Import-free so the
 * service worker can read `deepLinks` (client/sw/deep-links.ts).
 */
const SUPPORT = '/atendimento';

export const supportPaths = {
  queue: SUPPORT,
  /** The route pattern of one ticket (`ticket(id)` builds its URL). */
  detail: `${SUPPORT}/tickets/:ticketId`,
  ticket: (id: string) => `${SUPPORT}/tickets/${encodeURIComponent(id)}`,
  meetings: `${SUPPORT}/reunioes`,
} as const;

export const deepLinks: readonly string[] = [supportPaths.queue];
