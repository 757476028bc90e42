import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../../shared/entities/support.ts';
import { ButtonLink } from '../../ui/button.tsx';
import { TicketIcon } from '../../ui/icons.tsx';
import { canOpenTicket } from './portal-writes.ts';
import styles from './portal.module.css';
import { TicketListItem } from './ticket-parts.tsx';
import { ticketPaths } from './paths.ts';
import { homeTicketSummary } from './ticket-view.ts';
import { usePortalUser } from './use-portal-data.ts';

/** "🎫 Seus Tickets" (dashboard §7A): open tickets with their SLA, recently resolved ones, "Abrir novo ticket". */
export function TicketsSummaryCard({ tickets, now }: { tickets: readonly Ticket[]; now: Date }) {
  const { t } = useTranslation('clientHome');
  const user = usePortalUser();
  const headingId = useId();
  const summary = homeTicketSummary(tickets, now);
  return (
    <section className={`${styles.card} ${styles.wide}`} aria-labelledby={headingId}>
      <div className={styles.cardHeader}>
        <TicketIcon size={20} />
        <h2 id={headingId} className={styles.cardTitle}>
          {t('tickets.summaryHeading')}
        </h2>
        {summary.openCount > 0 ? (
          <span className={styles.aside}>{t('tickets.openCount', { count: summary.openCount })}</span>
        ) : null}
      </div>
      {summary.items.length > 0 ? (
        <ul className={`${styles.ticketList} ${styles.flat}`}>
          {summary.items.map((ticket) => (
            <TicketListItem key={ticket.id} ticket={ticket} now={now} compact />
          ))}
        </ul>
      ) : (
        <p className={styles.muted}>{t('tickets.noneOpen')}</p>
      )}
      <div className={styles.actions}>
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
