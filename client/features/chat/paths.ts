/**
 * The chat's URLs (pt-BR, stable once shipped). The client's chat sits in the portal (`/inicio/chat`, opened from
 * the "Chat com Especialista" card on the portal home); staff have the chat inbox beside the ticket queue
 * (`/atendimento/chats`, linked from the queue) and one chat (`/atendimento/chats/:ticketId`). A chat message
 * notifies the other side (shared/domain/notifications/events.ts `chatEvents`), opening the client's chat or the
 * staff's chat, so both are deep links. Import-free so the service worker can read `deepLinks`
 * (client/sw/deep-links.ts).
 */
const CHATS = '/atendimento/chats';

export const chatPaths = {
  client: '/inicio/chat',
  inbox: CHATS,
  /** The route pattern of one chat as staff see it (`chat(id)` builds its URL). */
  detail: `${CHATS}/:ticketId`,
  chat: (id: string) => `${CHATS}/${encodeURIComponent(id)}`,
} as const;

export const deepLinks: readonly string[] = [chatPaths.client, chatPaths.inbox];
