import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { v7 as uuidv7 } from 'uuid';
import { useCollection, useDeviceData, useDeviceUser } from '../../db/device-data.tsx';
import { usePendingIds } from '../../db/pending-writes.ts';
import { useDependencies } from '../../platform/dependencies.tsx';
import { Notice } from '../../ui/notice.tsx';
import { Page } from '../../ui/page.tsx';
import card from '../../ui/card.module.css';
import { changeStoredTicket } from '../tickets/ticket-screen.tsx';
import { withReply } from '../tickets/ticket-writes.ts';
import { useMyTickets } from '../tickets/use-my-tickets.ts';
import { buildClientChatMessage, buildNewChat, currentChat } from './chat-writes.ts';
import { ChatThread } from './chat-thread.tsx';
import { ChatCard } from './chat-card.tsx';
import type { Ticket, TicketMessage } from '../../../shared/entities/support.ts';

/**
 * `/inicio/chat` — the client's chat with the agency: the §7B card's facts on top, then the current chat (or an
 * empty one: the first message creates it). Everything is read from and written to the device database, so it
 * works offline; the sync state is the header's, and messages not yet sent say so.
 */
export function ChatPage() {
  const { t } = useTranslation('chat');
  const { error } = useDeviceData();
  const user = useDeviceUser();
  const { now } = useDependencies();
  const chats = useMyTickets('chat');
  const tickets = useCollection('tickets');
  const pending = usePendingIds('tickets');
  const chat = useMemo(() => currentChat(chats.value), [chats.value]);

  if (!chats.ready || !user) {
    return (
      <Page title={t('thread.title')}>
        {error ? (
          <Notice tone="error">{t('thread.deviceError')}</Notice>
        ) : (
          <p role="status" className={card.muted} aria-busy="true">
            {t('thread.loading')}
          </p>
        )}
      </Page>
    );
  }

  type Write = { kind: 'new'; chat: Ticket } | { kind: 'reply'; chat: Ticket; message: TicketMessage };
  const build = (body: string) => {
    if (chat === null) {
      const made = buildNewChat(body, { user, id: uuidv7(), messageId: uuidv7(), now: now() });
      return made.ok ? { ok: true as const, value: { kind: 'new', chat: made.value } as Write } : made;
    }
    const reply = buildClientChatMessage(chat, body, { user, id: uuidv7(), now: now() });
    return reply.ok
      ? { ok: true as const, value: { kind: 'reply', chat, message: reply.value } as Write }
      : reply;
  };
  const save = async (write: Write) => {
    if (!tickets) return { key: 'notReady' };
    if (write.kind === 'new') await tickets.insert(write.chat);
    else
      await changeStoredTicket(tickets, write.chat.id, (doc) =>
        doc.incrementalModify((data) => withReply(data, write.message)),
      );
    return null;
  };

  return (
    <Page title={t('thread.title')} description={t('thread.description')}>
      <ChatCard hasChat={chat !== null} />
      <ChatThread
        chat={chat}
        userId={user.id}
        pending={chat !== null && pending.has(chat.id)}
        build={build}
        save={save}
      />
      <p>
        <Link to="/inicio">{t('thread.backToHome')}</Link>
      </p>
    </Page>
  );
}
