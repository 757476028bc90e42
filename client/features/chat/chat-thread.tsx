import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ticket, TicketMessage } from '../../../shared/entities/support.ts';
import type { ErrorMessage, WriteResult } from '../../platform/local-writes.ts';
import { useFormat } from '../../platform/use-format.ts';
import { useOnline } from '../../platform/use-online.ts';
import { Notice } from '../../ui/notice.tsx';
import { TextEntryForm } from '../../ui/text-entry-form.tsx';
import card from '../../ui/card.module.css';
import { isPendingMessage } from './chat-writes.ts';
import styles from './chat.module.css';

/**
 * One chat's conversation and composer, for the client and for staff: messages oldest first (each labelled with
 * its author and time; the user's own still on this device say "Aguardando envio"), an offline notice, and the
 * composer over the caller's pure builder and device write. Messages arriving from the other side appear as the
 * device database changes (the live stream nudges the pull), without a reload; the list is a polite live region.
 */
export function ChatThread<T>(props: {
  chat: Ticket | null;
  userId: string;
  pending: boolean;
  build: (body: string) => WriteResult<T, 'body'>;
  save: (value: T) => Promise<ErrorMessage | null>;
}) {
  const { chat, userId, pending } = props;
  const { t } = useTranslation('chat');
  const format = useFormat();
  const online = useOnline();
  const [announcement, setAnnouncement] = useState('');
  const endRef = useRef<HTMLDivElement>(null);
  const messages: TicketMessage[] = chat
    ? [...chat.messages].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt))
    : [];
  const count = messages.length;
  useEffect(() => {
    endRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [count]);
  const errorText = (error: ErrorMessage | null) =>
    error
      ? t(`errors.${error.key as 'invalid'}`, {
          max: error.max === undefined ? '' : format.number(error.max),
        })
      : undefined;

  return (
    <>
      {online ? null : <Notice tone="info">{t('thread.offline')}</Notice>}
      <section className={card.card} aria-label={t('thread.messagesLabel')}>
        {count === 0 ? (
          <p className={card.muted}>{t('thread.empty')}</p>
        ) : (
          <ol className={styles.thread} aria-live="polite" aria-label={t('thread.messagesLabel')}>
            {messages.map((m) => {
              const mine = m.senderId === userId;
              const waiting = chat !== null && isPendingMessage(chat, m, { pending, userId });
              return (
                <li key={m.id} className={styles.message} data-mine={mine} data-testid="chat-message">
                  <span className={styles.meta}>
                    {mine ? t('thread.you') : m.senderName} · {format.dateTime(m.createdAt)}
                    {waiting ? <span className={styles.pending}> · {t('thread.pending')}</span> : null}
                  </span>
                  {m.body}
                </li>
              );
            })}
          </ol>
        )}
        <div ref={endRef} />
      </section>
      <section className={card.card} aria-label={t('thread.composerRegion')}>
        <TextEntryForm
          label={t('thread.composerLabel')}
          rows={3}
          sendLabel={t('thread.send')}
          savingLabel={t('thread.sending')}
          actionsClassName={card.actions}
          build={props.build}
          save={props.save}
          saveFailed={{ key: 'saveFailed' }}
          errorText={errorText}
          onSaved={() => setAnnouncement(t('thread.sentAnnouncement'))}
        />
        <p className="visually-hidden" role="status">
          {announcement}
        </p>
      </section>
    </>
  );
}
