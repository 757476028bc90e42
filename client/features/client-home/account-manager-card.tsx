import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../../shared/entities/customer.ts';
import type { Meeting, Ticket } from '../../../shared/entities/support.ts';
import { UsersIcon } from '../../ui/icons.tsx';
import { ACCOUNT_MANAGER_LOCAL_DOC, accountManagerView } from './account-manager.ts';
import { MeetingRequest } from './meeting-request.tsx';
import styles from './portal.module.css';
import { useLocalDocumentValue, usePortalFormat } from './use-portal-data.ts';

/**
 * "👤 Seu Account Manager" (dashboard §7C): who they are and how to reach them, the last meeting, and the next
 * one with the client's reschedule/cancel request. Details come from what the device has (account-manager.ts).
 */
export function AccountManagerCard(props: {
  customer: Customer | null;
  tickets: readonly Ticket[];
  meetings: readonly Meeting[];
  now: Date;
}) {
  const { t } = useTranslation('clientHome');
  const format = usePortalFormat();
  const headingId = useId();
  const profile = useLocalDocumentValue(ACCOUNT_MANAGER_LOCAL_DOC);
  const manager = accountManagerView({ ...props, profile });
  const name = manager.name ?? t('manager.unknownName');
  return (
    <section className={styles.card} aria-labelledby={headingId}>
      <div className={styles.cardHeader}>
        <UsersIcon size={20} />
        <h2 id={headingId} className={styles.cardTitle}>
          {t('manager.heading')}
        </h2>
      </div>
      {manager.name ? <p className={styles.companyName}>{manager.name}</p> : null}
      {manager.name && manager.jobTitle ? <p className={styles.muted}>{manager.jobTitle}</p> : null}
      {manager.email || manager.phone ? (
        <ul className={styles.contactList}>
          {manager.email ? (
            <li>
              <a href={`mailto:${manager.email}`} aria-label={t('manager.emailTo', { name })}>
                {manager.email}
              </a>
            </li>
          ) : null}
          {manager.phone ? (
            <li>
              <a
                href={`tel:${manager.phone.replace(/[^\d+]/g, '')}`}
                aria-label={t('manager.callTo', { name })}
              >
                {manager.phone}
              </a>
            </li>
          ) : null}
        </ul>
      ) : (
        <p className={styles.muted}>{t('manager.contactPending')}</p>
      )}
      {manager.lastMeeting ? (
        <p className={styles.muted}>
          {t('manager.lastMeeting', { date: format.dayMonth(manager.lastMeeting.scheduledAt) })}
        </p>
      ) : null}
      {manager.nextMeeting ? (
        <MeetingRequest meeting={manager.nextMeeting} now={props.now} />
      ) : (
        <p className={styles.muted}>{t('manager.noNextMeeting')}</p>
      )}
    </section>
  );
}
