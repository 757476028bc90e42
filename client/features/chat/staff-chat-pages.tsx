import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { MangoQuery } from 'rxdb';
import { v7 as uuidv7 } from 'uuid';
import type { Customer } from '../../../shared/entities/customer.ts';
import type { Ticket, TicketMessage } from '../../../shared/entities/support.ts';
import {
  useCollection,
  useDeviceData,
  useDeviceUser,
  useLiveDocument,
  useLiveDocuments,
} from '../../db/device-data.tsx';
import { usePendingIds } from '../../db/pending-writes.ts';
import { useDependencies } from '../../platform/dependencies.tsx';
import { useFormat } from '../../platform/use-format.ts';
import { EmptyState } from '../../ui/empty-state.tsx';
import { InboxIcon } from '../../ui/icons.tsx';
import { Notice } from '../../ui/notice.tsx';
import { Page } from '../../ui/page.tsx';
import card from '../../ui/card.module.css';
import { buildStaffReply, withStaffReply } from '../support-queue/staff-writes.ts';
import { supportPaths } from '../support-queue/paths.ts';
import { changeStoredTicket } from '../tickets/ticket-screen.tsx';
import { ChatThread } from './chat-thread.tsx';
import { inboxOrder } from './chat-writes.ts';
import { chatPaths } from './paths.ts';
import styles from './chat.module.css';

const CHATS: MangoQuery<Ticket> = { selector: { channel: { $eq: 'chat' } } };
const ALL_CUSTOMERS: MangoQuery<Customer> = {};

function Loading(props: { title: string; error: boolean; errorText: string; loadingText: string }) {
  return (
    <Page title={props.title}>
      {props.error ? (
        <Notice tone="error">{props.errorText}</Notice>
      ) : (
        <p role="status" className={card.muted} aria-busy="true">
          {props.loadingText}
        </p>
      )}
    </Page>
  );
}

function useCustomerNames(): ReadonlyMap<string, string> {
  const customers = useLiveDocuments('customers', ALL_CUSTOMERS);
  return useMemo(() => new Map(customers.docs.map((c) => [c.id, c.name])), [customers.docs]);
}

/**
 * `/atendimento/chats` — the staff chat inbox: every chat the device holds, those whose last message is the
 * client's ("Aguardando resposta") first, then by latest activity. Reached from the ticket queue; chats are never
 * in the queue itself. Device database only, so it opens offline.
 */
export function StaffChatInboxPage() {
  const { t } = useTranslation('chat');
  const { error } = useDeviceData();
  const format = useFormat();
  const chats = useLiveDocuments('tickets', CHATS);
  const names = useCustomerNames();
  const items = useMemo(() => inboxOrder(chats.docs), [chats.docs]);
  if (!chats.ready)
    return (
      <Loading
        title={t('inbox.title')}
        error={Boolean(error)}
        errorText={t('inbox.deviceError')}
        loadingText={t('inbox.loading')}
      />
    );
  return (
    <Page title={t('inbox.title')} description={t('inbox.description')}>
      <p>
        <Link to={supportPaths.queue}>{t('inbox.backToQueue')}</Link>
      </p>
      {items.length === 0 ? (
        <EmptyState icon={<InboxIcon />} title={t('inbox.empty')}>
          {null}
        </EmptyState>
      ) : (
        <ul className={styles.inbox}>
          {items.map(({ chat, waiting, lastAt }) => (
            <li key={chat.id}>
              <Link to={chatPaths.chat(chat.id)}>
                <strong>{names.get(chat.customerId) ?? chat.customerId}</strong>
                <span>
                  {waiting ? t('inbox.waiting') : t('inbox.answered')} ·{' '}
                  {t('inbox.lastMessage', { date: format.dateTime(lastAt) })}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}

/** `/atendimento/chats/:ticketId` — one chat as staff answer it (replies signed by the staff member). */
export function StaffChatPage() {
  const { ticketId } = useParams();
  const { t } = useTranslation('chat');
  const { error } = useDeviceData();
  const user = useDeviceUser();
  const { now } = useDependencies();
  const live = useLiveDocument('tickets', ticketId);
  const tickets = useCollection('tickets');
  const pending = usePendingIds('tickets');
  const names = useCustomerNames();
  const stored = live.docs[0] ?? null;
  const chat = stored && stored.channel === 'chat' ? stored : null;

  if (!live.ready || !user)
    return (
      <Loading
        title={t('inbox.title')}
        error={Boolean(error)}
        errorText={t('thread.deviceError')}
        loadingText={t('thread.loading')}
      />
    );
  if (!chat)
    return (
      <Page title={t('thread.notFoundTitle')}>
        <EmptyState
          icon={<InboxIcon />}
          title={t('thread.notFoundTitle')}
          actions={<Link to={chatPaths.inbox}>{t('thread.backToInbox')}</Link>}
        >
          {t('thread.notFoundBody')}
        </EmptyState>
      </Page>
    );

  const customer = names.get(chat.customerId) ?? '';
  return (
    <Page title={t('thread.staffTitle', { customer })}>
      <ChatThread
        chat={chat}
        userId={user.id}
        pending={pending.has(chat.id)}
        build={(body) => buildStaffReply(chat, body, { user, id: uuidv7(), now: now() })}
        save={async (message: TicketMessage) => {
          if (!tickets) return { key: 'notReady' };
          await changeStoredTicket(tickets, chat.id, (doc) =>
            doc.incrementalModify((data) => withStaffReply(data, message)),
          );
          return null;
        }}
      />
      <p>
        <Link to={chatPaths.inbox}>{t('thread.backToInbox')}</Link>
      </p>
    </Page>
  );
}
