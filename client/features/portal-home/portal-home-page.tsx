import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session-context.tsx';
import { useDeviceData } from '../../db/device-data.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { CompassIcon } from '../../ui/icons.tsx';
import { Notice } from '../../ui/notice.tsx';
import { Page } from '../../ui/page.tsx';
import { useNow } from '../../platform/use-now.ts';
import { AccountManagerCard } from '../account-manager/account-manager-card.tsx';
import { CompanyCard } from './company-card.tsx';
import { TicketsSummaryCard } from '../tickets/tickets-summary-card.tsx';
import { useMyMeetings } from '../meetings/use-my-meetings.ts';
import { useMyTickets } from '../tickets/use-my-tickets.ts';
import { useMyCustomer } from './use-my-customer.ts';
import card from '../../ui/card.module.css';

/**
 * `/inicio` — the client portal's home (an executive summary, support and the account manager): the
 * company, the account manager with the next meeting, and the tickets. Everything comes from the device
 * database, so it opens offline after the first sync; before it, an honest "being prepared" state.
 */
export function PortalHomePage() {
  const { t } = useTranslation('portalHome');
  const { user } = useSession();
  const { error } = useDeviceData();
  const now = useNow();
  const customer = useMyCustomer();
  const tickets = useMyTickets();
  const meetings = useMyMeetings();
  const firstName = user?.name.trim().split(/\s+/)[0] ?? '';
  const hasAccountData = customer.value !== null || meetings.value.length > 0;

  return (
    <Page
      title={firstName ? t('home.greeting', { name: firstName }) : t('home.title')}
      description={t('home.description')}
    >
      {error ? <Notice tone="error">{t('home.deviceError')}</Notice> : null}
      {!customer.ready || !tickets.ready ? (
        error ? null : (
          <p role="status" className={card.muted}>
            {t('home.loading')}
          </p>
        )
      ) : (
        <>
          {customer.value === null ? (
            <EmptyState icon={<CompassIcon />} title={t('home.preparingTitle')}>
              {t('home.preparingBody')}
            </EmptyState>
          ) : null}
          <div className={card.grid}>
            {customer.value ? <CompanyCard customer={customer.value} /> : null}
            {hasAccountData ? (
              <AccountManagerCard
                customer={customer.value}
                tickets={tickets.value}
                meetings={meetings.value}
                now={now}
              />
            ) : null}
            <TicketsSummaryCard tickets={tickets.value} now={now} />
          </div>
        </>
      )}
    </Page>
  );
}
