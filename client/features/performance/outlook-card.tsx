import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { MonthEndOutlook } from '../../../shared/domain/portal/outlook.ts';
import { useDomainText } from '../../domain-text/use-domain-text.ts';
import { useFormat } from '../../platform/use-format.ts';
import card from '../../ui/card.module.css';
import styles from './performance.module.css';

/**
 * "Projeções Inteligentes" (dashboard §2C): the month-end leads and revenue by linear regression, the projected
 * ROI and the recommendation — all from the shared rule monthEndOutlook; the sentence is domain text rendered
 * in the UI language.
 */
export function OutlookCard({ outlook }: { outlook: MonthEndOutlook }) {
  const { t } = useTranslation('performance');
  const format = useFormat();
  const render = useDomainText();
  const headingId = useId();
  return (
    <section className={card.card} aria-labelledby={headingId}>
      <h2 id={headingId} className={card.cardTitle}>
        {t('outlook.heading')}
      </h2>
      {outlook.kind === 'no_data' ? (
        <p className={card.muted}>{t('outlook.noData')}</p>
      ) : (
        <>
          <p className={card.muted}>
            {t('outlook.pace', { day: outlook.lastDataDay, days: outlook.daysInMonth })}
          </p>
          <ul className={styles.outlookList}>
            <li>{t('outlook.leads', { value: format.number(outlook.leads.projected) })}</li>
            <li>{t('outlook.revenue', { value: format.moneyCompact(outlook.revenue.projected) })}</li>
            <li>
              {outlook.roi.kind === 'computed'
                ? t('outlook.roi', { value: `${format.number(outlook.roi.roiPercentDisplay)}%` })
                : t('outlook.roiNone')}
            </li>
          </ul>
          <div className={styles.recommendation}>
            <h3 className={styles.recommendationTitle}>{t('outlook.recommendation')}</h3>
            <p>{render(outlook.recommendation)}</p>
          </div>
        </>
      )}
    </section>
  );
}
