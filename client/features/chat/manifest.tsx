import { lazyPage } from '../../platform/lazy-page.tsx';
import { CLIENT_ROLES, defineFeature, STAFF_ROLES } from '../../platform/feature-manifest.ts';
import { chatPaths, deepLinks } from './paths.ts';

/**
 * Chat with the agency (issue 17 item 6, dashboard §7B): the client's chat screen (its card also sits on the
 * portal home) and, as `staffChatFeature`, the staff chat inbox and one chat, linked from the ticket queue. A chat
 * is a `tickets` row with `channel: 'chat'`, so it syncs, works offline and arrives live like a ticket. The staff
 * screens use this feature's `chat` strings.
 */
export const chatFeature = defineFeature({
  id: 'chat',
  access: CLIENT_ROLES,
  routes: [{ path: chatPaths.client, element: lazyPage(() => import('./chat-page.tsx'), 'ChatPage') }],
  i18n: {
    namespace: 'chat',
    resources: {
      'pt-BR': () => import('./i18n.ts').then((m) => m.chatPtBR),
      en: () => import('./i18n-en.ts').then((m) => m.chatEn),
    },
  },
  deepLinks,
});

export const staffChatFeature = defineFeature({
  id: 'staff-chat',
  access: STAFF_ROLES,
  routes: [
    {
      path: chatPaths.inbox,
      element: lazyPage(() => import('./staff-chat-pages.tsx'), 'StaffChatInboxPage'),
    },
    {
      path: chatPaths.detail,
      element: lazyPage(() => import('./staff-chat-pages.tsx'), 'StaffChatPage'),
    },
  ],
});
