import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../../shared/entities/support.ts';
import { ButtonLink } from '../../ui/button.tsx';
import { TicketIcon } from '../../ui/icons.tsx';
import { canOpenTicket } from './ticket-writes.ts';
import { TicketListItem } from './ticket-parts.tsx';
import { ticketPaths } from './paths.ts';
import { homeTicketSummary } from './ticket-view.ts';
import { useDeviceUser } from '../../db/device-data.tsx';
import card from '../../ui/card.module.css';
import styles from './tickets.module.css';

/** "🎫 Seus Tickets": open tickets with their SLA, recently resolved ones, "Abrir novo ticket". */
export function TicketsSummaryCard({ tickets, now }: { tickets: readonly Ticket[]; now: Date }) {
  const { t } = useTranslation('tickets');
  const user = useDeviceUser();
  const headingId = useId();
  const summary = homeTicketSummary(tickets, now);
  return (
    <section className={`${card.card} ${card.wide}`} aria-labelledby={headingId}>
      <div className={card.cardHeader}>
        <TicketIcon size={20} />
        <h2 id={headingId} className={card.cardTitle}>
          {t('tickets.summaryHeading')}
        </h2>
        {summary.openCount > 0 ? (
          <span className={card.aside}>{t('tickets.openCount', { count: summary.openCount })}</span>
        ) : null}
      </div>
      {summary.items.length > 0 ? (
        <ul className={`${styles.ticketList} ${styles.flat}`}>
          {summary.items.map((ticket) => (
            <TicketListItem key={ticket.id} ticket={ticket} now={now} compact />
          ))}
        </ul>
      ) : (
        <p className={card.muted}>{t('tickets.noneOpen')}</p>
      )}
      <div className={card.actions}>
        {user && canOpenTicket(user) ? (
          <ButtonLink to={ticketPaths.new} variant="primary">
            {t('tickets.newTicket')}
          </ButtonLink>
        ) : null}
        <ButtonLink to={ticketPaths.list}>{t('tickets.viewAll')}</ButtonLink>
      </div>
    </section>
  );
}
