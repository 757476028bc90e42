import type { AppLanguage } from '../../ui/format.ts';
import { formatNumber, formatPercent } from '../../ui/format.ts';
import { shareOf, type PortfolioKpis } from './customer-rows.ts';
import { formatMoneyWhole } from './money.ts';
import type { CustomersT } from './use-customers-translation.ts';
import styles from './customer-list-page.module.css';

/** The four portfolio cards of the list wireframe: MRR, customers, healthy and at risk (count and share). */
export function KpiCards({
  kpis,
  t,
  language,
}: {
  kpis: PortfolioKpis;
  t: CustomersT;
  language: AppLanguage;
}) {
  const share = (n: number) => formatPercent(shareOf(n, kpis.customers), { language });
  const average = kpis.customers === 0 ? 0 : Math.round(kpis.mrrCents / kpis.customers);
  return (
    <section aria-label={t('kpi.label')}>
      <dl className={styles.kpis}>
        <div className={styles.kpi}>
          <dt>{t('kpi.mrr')}</dt>
          <dd className={styles.kpiValue}>{formatMoneyWhole(kpis.mrrCents, language)}</dd>
          <dd className={styles.kpiNote}>
            {t('kpi.averageMrr', { value: formatMoneyWhole(average, language) })}
          </dd>
        </div>
        <div className={styles.kpi}>
          <dt>{t('kpi.customers')}</dt>
          <dd className={styles.kpiValue}>{formatNumber(kpis.customers, { language })}</dd>
          {kpis.newThisMonth > 0 ? (
            <dd className={styles.kpiNote}>{t('kpi.newThisMonth', { count: kpis.newThisMonth })}</dd>
          ) : null}
        </div>
        <div className={styles.kpi} data-tone="healthy">
          <dt>
            <span aria-hidden="true" className={styles.kpiGlyph}>
              ●
            </span>{' '}
            {t('kpi.healthy')}
          </dt>
          <dd className={styles.kpiValue}>
            {t('kpi.countWithShare', { count: kpis.healthy, share: share(kpis.healthy) })}
          </dd>
        </div>
        <div className={styles.kpi} data-tone="risk">
          <dt>
            <span aria-hidden="true" className={styles.kpiGlyph}>
              ▲
            </span>{' '}
            {t('kpi.atRisk')}
          </dt>
          <dd className={styles.kpiValue}>
            {t('kpi.countWithShare', { count: kpis.atRisk, share: share(kpis.atRisk) })}
          </dd>
          {kpis.critical > 0 ? (
            <dd className={styles.kpiNote} data-tone="critical">
              {t('kpi.critical', { count: kpis.critical })}
            </dd>
          ) : kpis.atRisk > 0 ? (
            <dd className={styles.kpiNote}>{t('kpi.attention')}</dd>
          ) : null}
        </div>
      </dl>
    </section>
  );
}
