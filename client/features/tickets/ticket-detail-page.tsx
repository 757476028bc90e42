import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { v7 as uuidv7 } from 'uuid';
import type { Ticket, TicketMessage } from '../../../shared/entities/support.ts';
import { useDependencies } from '../../platform/dependencies.tsx';
import type { SignedInUser } from '../../../shared/identity.ts';
import { useCollection, useDeviceData, useDeviceUser, useLiveDocument } from '../../db/device-data.tsx';
import { Button } from '../../ui/button.tsx';
import { Notice } from '../../ui/notice.tsx';
import { Page } from '../../ui/page.tsx';
import { changeStoredTicket, TicketScreenPlaceholder } from './ticket-screen.tsx';
import { useNow } from '../../platform/use-now.ts';
import { TextEntryForm } from '../../ui/text-entry-form.tsx';
import { buildClose, buildReply, ticketActions, withReply, type ErrorMessage } from './ticket-writes.ts';
import { AwaitingSyncBadge, SlaBadge, StatusBadge, TicketNumber, useErrorText } from './ticket-parts.tsx';
import { messageAnchor, ticketPaths } from './paths.ts';
import { isAwaitingSync } from './ticket-view.ts';
import { useFormat } from '../../platform/use-format.ts';
import card from '../../ui/card.module.css';
import styles from './tickets.module.css';

/**
 * `/inicio/tickets/:ticketId` — one ticket: its state and SLA, the conversation, a reply box and "Encerrar
 * ticket" (only what the shared permission rules allow). Replies and closing are local writes that replicate
 * later, so they work offline. `#mensagem-<id>` (notification deep links) scrolls to one message.
 */
export function TicketDetailPage() {
  const { ticketId } = useParams();
  const { t } = useTranslation('tickets');
  const { error } = useDeviceData();
  const user = useDeviceUser();
  const now = useNow();
  const format = useFormat();
  const live = useLiveDocument('tickets', ticketId);
  const [announcement, setAnnouncement] = useState('');
  const stored = live.docs[0] ?? null;
  const ticket = stored && user && stored.customerId === user.customerId ? stored : null;
  useScrollToMessage(ticket !== null);

  if (!live.ready || !user || !ticket) {
    return (
      <TicketScreenPlaceholder
        loading={!live.ready || !user}
        deviceFailed={Boolean(error)}
        text={{
          title: t('tickets.title'),
          deviceError: t('tickets.deviceError'),
          loading: t('tickets.loading'),
          notFoundTitle: t('detail.notFoundTitle'),
          notFoundBody: t('detail.notFoundBody'),
          back: t('detail.backToList'),
        }}
        back={ticketPaths.list}
        loadingClassName={card.muted}
      />
    );
  }

  const actions = ticketActions(ticket, user);
  const firstMessageIsDescription = ticket.messages[0]?.body.trim() === ticket.description.trim();
  return (
    <Page
      title={ticket.subject}
      description={
        <span className={styles.badges}>
          <TicketNumber ticket={ticket} />
          <StatusBadge ticket={ticket} now={now} />
          <AwaitingSyncBadge ticket={ticket} />
        </span>
      }
    >
      <p>
        <Link to={ticketPaths.list}>{t('detail.backToList')}</Link>
      </p>
      {isAwaitingSync(ticket) ? <Notice tone="info">{t('detail.awaitingSyncNotice')}</Notice> : null}

      <section className={card.card} aria-label={t('detail.details')}>
        <dl className={styles.details}>
          <div>
            <dt>{t('detail.status')}</dt>
            <dd>{t(`tickets.status.${ticket.status}`)}</dd>
          </div>
          <div>
            <dt>{t('detail.priority')}</dt>
            <dd>{t(`tickets.priority.${ticket.priority}`)}</dd>
          </div>
          <div>
            <dt>{t('detail.openedAt')}</dt>
            <dd>
              <time dateTime={ticket.createdAt}>{format.dateTime(ticket.createdAt)}</time>
            </dd>
          </div>
          <SlaDetail ticket={ticket} now={now} />
        </dl>
        {!firstMessageIsDescription && ticket.description.trim() !== '' ? (
          <div>
            <h2 className={styles.sectionTitle}>{t('detail.description')}</h2>
            <p className={styles.message}>{ticket.description}</p>
          </div>
        ) : null}
      </section>

      <Conversation ticket={ticket} user={user} />

      {actions.canReply ? <ReplyForm ticket={ticket} user={user} onSaved={setAnnouncement} /> : null}
      {actions.canClose ? <CloseTicket ticket={ticket} user={user} onSaved={setAnnouncement} /> : null}
      {ticket.status === 'closed' ? <Notice tone="info">{t('detail.closedNotice')}</Notice> : null}
      <p role="status" className={announcement ? card.muted : 'visually-hidden'}>
        {announcement}
      </p>
    </Page>
  );
}

function SlaDetail({ ticket, now }: { ticket: Ticket; now: Date }) {
  const { t } = useTranslation('tickets');
  const format = useFormat();
  const badge = <SlaBadge ticket={ticket} now={now} always />;
  return (
    <div>
      <dt>{t('detail.sla')}</dt>
      <dd className={styles.badges}>
        {badge}
        {ticket.slaDeadline ? (
          <span className={card.muted}>
            {t('detail.slaDeadline', { date: format.dateTime(ticket.slaDeadline) })}
          </span>
        ) : null}
      </dd>
    </div>
  );
}

function Conversation({ ticket, user }: { ticket: Ticket; user: SignedInUser }) {
  const { t } = useTranslation('tickets');
  const format = useFormat();
  const headingId = useId();
  const sender = (m: TicketMessage) =>
    m.senderId === user.id ? t('detail.you') : m.senderName.trim() || t('detail.support');
  return (
    <section aria-labelledby={headingId} className={card.facts}>
      <h2 id={headingId} className={styles.sectionTitle}>
        {t('detail.conversation')}
      </h2>
      {ticket.messages.length === 0 ? (
        <p className={card.muted}>{t('detail.noMessages')}</p>
      ) : (
        <ol className={styles.conversation}>
          {ticket.messages.map((m) => (
            <li
              key={m.id}
              id={messageAnchor(m.id)}
              className={`${styles.message} ${m.senderId === user.id ? styles.own : ''}`}
            >
              <span className={styles.messageMeta}>
                <span className={styles.messageSender}>{sender(m)}</span>
                <time dateTime={m.createdAt}>{format.dateTime(m.createdAt)}</time>
              </span>
              {m.body}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function ReplyForm(props: { ticket: Ticket; user: SignedInUser; onSaved: (message: string) => void }) {
  const { ticket, user, onSaved } = props;
  const { t } = useTranslation('tickets');
  const { now } = useDependencies();
  const tickets = useCollection('tickets');
  const errorText = useErrorText();
  return (
    <TextEntryForm
      label={t('detail.replyLabel')}
      rows={4}
      sendLabel={t('detail.send')}
      savingLabel={t('detail.sending')}
      actionsClassName={card.actions}
      build={(body) => buildReply(ticket, body, { user, id: uuidv7(), now: now() })}
      save={async (message) => {
        if (!tickets) return { key: 'notReady' } satisfies ErrorMessage;
        await changeStoredTicket(tickets, ticket.id, (doc) =>
          doc.incrementalModify((data) => withReply(data, message)),
        );
        return null;
      }}
      saveFailed={{ key: 'saveFailed' }}
      errorText={errorText}
      onSaved={() => onSaved(t('detail.replySaved'))}
    />
  );
}

function CloseTicket(props: { ticket: Ticket; user: SignedInUser; onSaved: (message: string) => void }) {
  const { ticket, user, onSaved } = props;
  const { t } = useTranslation('tickets');
  const tickets = useCollection('tickets');
  const errorText = useErrorText();
  const titleId = useId();
  const [confirming, setConfirming] = useState(false);
  const [formError, setFormError] = useState<ErrorMessage | null>(null);
  const [saving, setSaving] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  async function close() {
    const result = buildClose(ticket, user);
    if (!result.ok) return setFormError(result.formError);
    if (!tickets) return setFormError({ key: 'notReady' });
    setSaving(true);
    try {
      await changeStoredTicket(tickets, ticket.id, (doc) => doc.incrementalPatch(result.value));
      onSaved(t('detail.closedSaved'));
    } catch {
      setFormError({ key: 'saveFailed' });
      setSaving(false);
    }
  }

  return (
    <div className={card.facts}>
      {confirming ? (
        <div className={styles.confirm} role="group" aria-labelledby={titleId}>
          <h2 id={titleId} className={styles.sectionTitle}>
            {t('detail.closeConfirmTitle')}
          </h2>
          <p>{t('detail.closeConfirmBody')}</p>
          <div className={card.actions}>
            <Button ref={confirmRef} variant="danger" onClick={() => void close()} disabled={saving}>
              {t('detail.confirmClose')}
            </Button>
            <Button variant="secondary" onClick={() => setConfirming(false)} disabled={saving}>
              {t('detail.keepOpen')}
            </Button>
          </div>
        </div>
      ) : (
        <div className={card.actions}>
          <Button variant="danger" onClick={() => setConfirming(true)}>
            {t('detail.close')}
          </Button>
        </div>
      )}
      {formError ? (
        <Notice tone="error" role="alert">
          {errorText(formError)}
        </Notice>
      ) : null}
    </div>
  );
}

/** Brings `#mensagem-<id>` into view once the conversation has rendered (the router does not scroll to hashes). */
function useScrollToMessage(rendered: boolean): void {
  const { hash } = useLocation();
  useEffect(() => {
    if (!rendered || !hash.startsWith('#mensagem-')) return;
    const target = document.getElementById(decodeURIComponent(hash.slice(1)));
    target?.scrollIntoView?.({ block: 'center' });
  }, [rendered, hash]);
}
