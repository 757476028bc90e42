import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../../shared/entities/customer.ts';
import { CompassIcon } from '../../ui/icons.tsx';
import { useFormat } from '../../platform/use-format.ts';
import card from '../../ui/card.module.css';

/**
 * The client's company (a status and recognition hook: "Cliente desde jan/2024"): name, plan,
 * seats in use and renewal. Staff-only facts (health, risk, MRR) are deliberately absent.
 */
export function CompanyCard({ customer }: { customer: Customer }) {
  const { t } = useTranslation('portalHome');
  const format = useFormat();
  const headingId = useId();
  return (
    <section className={card.card} aria-labelledby={headingId}>
      <div className={card.cardHeader}>
        <CompassIcon size={20} />
        <h2 id={headingId} className={card.cardTitle}>
          {t('company.heading')}
        </h2>
      </div>
      <p className={card.headline}>{customer.name}</p>
      <p className={card.muted}>
        {t('company.customerSince', { date: format.monthYear(customer.customerSince) })}
      </p>
      <dl className={card.facts}>
        <div className={card.fact}>
          <dt>{t('company.plan')}</dt>
          <dd>{t(`company.tiers.${customer.tier}`)}</dd>
        </div>
        {customer.totalSeats > 0 ? (
          <div className={card.fact}>
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
          <div className={card.fact}>
            <dt>{t('company.renewal')}</dt>
            <dd>{format.date(customer.renewalDate)}</dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}
