import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  businessHoursLabel,
  chatBusinessHours,
  openingLabel,
  responseTimeLabel,
} from '../../../shared/domain/portal/chat.ts';
import { DEFAULT_TIME_ZONE } from '../../../shared/domain/portal/time.ts';
import { ButtonLink } from '../../ui/button.tsx';
import { InboxIcon } from '../../ui/icons.tsx';
import { useFormat } from '../../platform/use-format.ts';
import card from '../../ui/card.module.css';
import { chatPaths } from './paths.ts';
import { useChatPresence } from './use-chat-presence.ts';
import styles from './chat.module.css';

/**
 * "💬 Chat com Especialista" (dashboard §7B) on the portal home: the account manager online, away or the office
 * closed (with when it opens), the median response time and the business hours — all from the shared rules
 * (shared/domain/portal/chat.ts) through `GET /api/chat/presence`. Offline the card says presence is unknown and
 * still opens the chat: messages written then are sent on reconnect. The hours' label falls back to the
 * product default, which is what the server applies until organizations can configure it.
 */
export function ChatCard(props: { hasChat: boolean }) {
  const { t } = useTranslation('chat');
  const { language } = useFormat();
  const headingId = useId();
  const presence = useChatPresence();
  const data = presence.kind === 'ok' ? presence.data : null;
  const hours = data?.businessHours ?? chatBusinessHours(DEFAULT_TIME_ZONE);

  let status: { tone: 'online' | 'away' | 'closed' | 'unknown'; text: string };
  if (data === null)
    status = {
      tone: 'unknown',
      text: presence.kind === 'loading' ? t('card.checking') : t('card.unknown'),
    };
  else if (data.presence === 'online') status = { tone: 'online', text: t('card.online') };
  else if (data.presence === 'away') status = { tone: 'away', text: t('card.away') };
  else {
    const when = data.opensAt
      ? openingLabel(hours, Date.parse(data.opensAt), Date.parse(data.now), language)
      : '';
    status = { tone: 'closed', text: t('card.closed', { when }) };
  }

  return (
    <section className={card.card} aria-labelledby={headingId}>
      <div className={card.cardHeader}>
        <InboxIcon size={20} />
        <h2 id={headingId} className={card.cardTitle}>
          {t('card.title')}
        </h2>
      </div>
      <p className={styles.presence} data-tone={status.tone} role="status">
        <span className={styles.dot} aria-hidden="true" />
        {status.text}
      </p>
      {data ? (
        <p className={card.muted}>
          {data.responseTimeMs === null
            ? t('card.noResponseTime')
            : t('card.responseTime', { time: responseTimeLabel(data.responseTimeMs, language) })}
        </p>
      ) : null}
      <div className={card.actions}>
        <ButtonLink to={chatPaths.client} variant="primary">
          {props.hasChat ? t('card.continue') : t('card.start')}
        </ButtonLink>
      </div>
      <p className={card.muted}>{t('card.hours', { hours: businessHoursLabel(hours, language) })}</p>
    </section>
  );
}
