import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../../shared/entities/customer.ts';
import type { Meeting, Ticket } from '../../../shared/entities/support.ts';
import { UsersIcon } from '../../ui/icons.tsx';
import { ACCOUNT_MANAGER_LOCAL_DOC, accountManagerView } from './account-manager.ts';
import { MeetingAnswerNotice } from '../meetings/meeting-answer-notice.tsx';
import { MeetingRequest } from '../meetings/meeting-request.tsx';
import { useLocalValue } from '../../db/local-documents.ts';
import { useFormat } from '../../platform/use-format.ts';
import card from '../../ui/card.module.css';
import styles from './account-manager.module.css';

/**
 * "👤 Seu Account Manager": who they are and how to reach them, the last meeting, and the next
 * one with the client's reschedule/cancel request. Details come from what the device has (account-manager.ts).
 */
export function AccountManagerCard(props: {
  customer: Customer | null;
  tickets: readonly Ticket[];
  meetings: readonly Meeting[];
  now: Date;
}) {
  const { t } = useTranslation('accountManager');
  const format = useFormat();
  const headingId = useId();
  const profile = useLocalValue(ACCOUNT_MANAGER_LOCAL_DOC);
  const manager = accountManagerView({ ...props, profile });
  const name = manager.name ?? t('manager.unknownName');
  return (
    <section className={card.card} aria-labelledby={headingId}>
      <div className={card.cardHeader}>
        <UsersIcon size={20} />
        <h2 id={headingId} className={card.cardTitle}>
          {t('manager.heading')}
        </h2>
      </div>
      {manager.name ? <p className={card.headline}>{manager.name}</p> : null}
      {manager.name && manager.jobTitle ? <p className={card.muted}>{manager.jobTitle}</p> : null}
      {manager.email || manager.phone ? (
        <ul className={styles.contactList}>
          {manager.email ? (
            <li>
              {/* The visible address starts the link's name (WCAG 2.5.3 label in name); the purpose follows. */}
              <a href={`mailto:${manager.email}`}>
                {manager.email}
                <span className="visually-hidden"> ({t('manager.emailTo', { name })})</span>
              </a>
            </li>
          ) : null}
          {manager.phone ? (
            <li>
              <a href={`tel:${manager.phone.replace(/[^\d+]/g, '')}`}>
                {manager.phone}
                <span className="visually-hidden"> ({t('manager.callTo', { name })})</span>
              </a>
            </li>
          ) : null}
        </ul>
      ) : (
        <p className={card.muted}>{t('manager.contactPending')}</p>
      )}
      {manager.lastMeeting ? (
        <p className={card.muted}>
          {t('manager.lastMeeting', { date: format.dayMonth(manager.lastMeeting.scheduledAt) })}
        </p>
      ) : null}
      <MeetingAnswerNotice meetings={props.meetings} now={props.now} />
      {manager.nextMeeting ? (
        <MeetingRequest meeting={manager.nextMeeting} now={props.now} />
      ) : (
        <p className={card.muted}>{t('manager.noNextMeeting')}</p>
      )}
    </section>
  );
}
