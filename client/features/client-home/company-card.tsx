import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../../shared/entities/customer.ts';
import { CompassIcon } from '../../ui/icons.tsx';
import styles from './portal.module.css';
import { usePortalFormat } from './use-portal-data.ts';

/**
 * The client's company (dashboard §7C's status & recognition hook: "Cliente desde jan/2024"): name, plan,
 * seats in use and renewal. Staff-only facts (health, risk, MRR) are deliberately absent.
 */
export function CompanyCard({ customer }: { customer: Customer }) {
  const { t } = useTranslation('clientHome');
  const format = usePortalFormat();
  const headingId = useId();
  return (
    <section className={styles.card} aria-labelledby={headingId}>
      <div className={styles.cardHeader}>
        <CompassIcon size={20} />
        <h2 id={headingId} className={styles.cardTitle}>
          {t('company.heading')}
        </h2>
      </div>
      <p className={styles.companyName}>{customer.name}</p>
      <p className={styles.muted}>
        {t('company.customerSince', { date: format.monthYear(customer.customerSince) })}
      </p>
      <dl className={styles.facts}>
        <div className={styles.fact}>
          <dt>{t('company.plan')}</dt>
          <dd>{t(`company.tiers.${customer.tier}`)}</dd>
        </div>
        {customer.totalSeats > 0 ? (
          <div className={styles.fact}>
            <dt>{t('company.users')}</dt>
            <dd>
              {t('company.seats', {
                count: customer.totalSeats,
                active: format.number(customer.activeUsers),
              })}
            </dd>
          </div>
        ) : null}
        {customer.renewalDate ? (
          <div className={styles.fact}>
            <dt>{t('company.renewal')}</dt>
            <dd>{format.date(customer.renewalDate)}</dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}
