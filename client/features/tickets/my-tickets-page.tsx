import { useTranslation } from 'react-i18next';
import { useDeviceData, useDeviceUser } from '../../db/device-data.tsx';
import { ButtonLink } from '../../ui/button.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { InboxIcon } from '../../ui/icons.tsx';
import { Notice } from '../../ui/notice.tsx';
import { Page } from '../../ui/page.tsx';
import { useNow } from '../../platform/use-now.ts';
import { canOpenTicket } from './ticket-writes.ts';
import { TicketListItem } from './ticket-parts.tsx';
import { ticketPaths } from './paths.ts';
import { isActiveTicket } from './ticket-view.ts';
import { useMyTickets } from './use-my-tickets.ts';
import card from '../../ui/card.module.css';
import styles from './tickets.module.css';

/**
 * `/inicio/tickets` — every ticket of the client's company, newest first (manifest shortcut "Meus tickets"),
 * each with its number (or "pendente" until the server acknowledges it), status, priority, SLA and last
 * message. Works offline: it reads the device database.
 */
export function MyTicketsPage() {
  const { t } = useTranslation('tickets');
  const { error } = useDeviceData();
  const user = useDeviceUser();
  const now = useNow();
  const tickets = useMyTickets();
  const openCount = tickets.value.filter(isActiveTicket).length;
  const newTicket =
    user && canOpenTicket(user) ? (
      <ButtonLink to={ticketPaths.new} variant="primary">
        {t('tickets.newTicket')}
      </ButtonLink>
    ) : null;

  return (
    <Page title={t('tickets.title')}>
      {error ? <Notice tone="error">{t('tickets.deviceError')}</Notice> : null}
      {!tickets.ready ? (
        error ? null : (
          <p role="status" className={card.muted}>
            {t('tickets.loading')}
          </p>
        )
      ) : tickets.value.length === 0 ? (
        <EmptyState icon={<InboxIcon />} title={t('tickets.emptyTitle')} actions={newTicket}>
          {t('tickets.emptyBody')}
        </EmptyState>
      ) : (
        <>
          <div className={styles.toolbar}>
            <p className={card.muted}>{t('tickets.openCount', { count: openCount })}</p>
            {newTicket}
          </div>
          <ul className={styles.ticketList} aria-label={t('tickets.listLabel')}>
            {tickets.value.map((ticket) => (
              <TicketListItem key={ticket.id} ticket={ticket} now={now} />
            ))}
          </ul>
        </>
      )}
    </Page>
  );
}
