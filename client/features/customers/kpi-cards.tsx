import { memo, type ReactNode } from 'react';
import type { AppLanguage } from '../../ui/format.ts';
import { formatNumber, formatPercent } from '../../ui/format.ts';
import { shareOf, type PortfolioKpis } from './customer-rows.ts';
import { formatMoneyCard, formatMoneyWhole } from './money.ts';
import type { CustomersT } from './use-customers-translation.ts';
import styles from './customer-list-page.module.css';

/**
 * The four portfolio cards of the list wireframe: MRR, customers, healthy and at risk (count and share).
 * `kpis` is null while the portfolio loads: the cards keep their place and height with placeholders (never a
 * partial total), the region is `aria-busy` and each value reads "carregando".
 */
// Memoised: a keystroke's first (urgent) render keeps the previous filter result, so the cards skip it.
export const KpiCards = memo(function KpiCards({
  kpis,
  t,
  language,
}: {
  kpis: PortfolioKpis | null;
  t: CustomersT;
  language: AppLanguage;
}) {
  if (kpis === null) {
    const pending = (
      <>
        <span aria-hidden="true" className={styles.kpiPlaceholder} />
        <span className="visually-hidden">{t('kpi.loading')}</span>
      </>
    );
    const note = (lines: 1 | 2) => (
      <dd aria-hidden="true" className={`${styles.kpiNote} ${styles.kpiNotePending}`} data-lines={lines}>
        <span className={styles.kpiPlaceholder} data-size="note" />
      </dd>
    );
    return (
      <KpiFrame
        t={t}
        busy
        mrr={pending}
        mrrNote={note(2)}
        customers={pending}
        customersNote={null}
        healthy={pending}
        atRisk={pending}
        atRiskNote={note(1)}
      />
    );
  }
  const share = (n: number) => formatPercent(shareOf(n, kpis.customers), { language });
  const average = kpis.customers === 0 ? 0 : Math.round(kpis.mrrCents / kpis.customers);
  const mrr = formatMoneyCard(kpis.mrrCents, language);
  return (
    <KpiFrame
      t={t}
      busy={false}
      mrr={
        mrr.compact === null ? (
          mrr.full
        ) : (
          // Too long for a phone's card in full: compact on screen, the full figure for screen readers and
          // as the tooltip.
          <>
            <span aria-hidden="true" title={mrr.full}>
              {mrr.compact}
            </span>
            <span className="visually-hidden">{mrr.full}</span>
          </>
        )
      }
      mrrNote={
        <dd className={styles.kpiNote}>
          {t('kpi.averageMrr', { value: formatMoneyWhole(average, language) })}
        </dd>
      }
      customers={formatNumber(kpis.customers, { language })}
      customersNote={
        kpis.newThisMonth > 0 ? (
          <dd className={styles.kpiNote}>{t('kpi.newThisMonth', { count: kpis.newThisMonth })}</dd>
        ) : null
      }
      healthy={t('kpi.countWithShare', { count: kpis.healthy, share: share(kpis.healthy) })}
      atRisk={t('kpi.countWithShare', { count: kpis.atRisk, share: share(kpis.atRisk) })}
      atRiskNote={
        kpis.critical > 0 ? (
          <dd className={styles.kpiNote} data-tone="critical">
            {t('kpi.critical', { count: kpis.critical })}
          </dd>
        ) : kpis.atRisk > 0 ? (
          <dd className={styles.kpiNote}>{t('kpi.attention')}</dd>
        ) : null
      }
    />
  );
});

/** The cards' markup, shared by the loaded and the loading state so both take the same space. */
function KpiFrame(props: {
  t: CustomersT;
  busy: boolean;
  mrr: ReactNode;
  mrrNote: ReactNode;
  customers: ReactNode;
  customersNote: ReactNode;
  healthy: ReactNode;
  atRisk: ReactNode;
  atRiskNote: ReactNode;
}) {
  const { t } = props;
  return (
    <section aria-label={t('kpi.label')} aria-busy={props.busy || undefined}>
      <dl className={styles.kpis}>
        <div className={styles.kpi}>
          <dt>{t('kpi.mrr')}</dt>
          <dd className={styles.kpiValue}>{props.mrr}</dd>
          {props.mrrNote}
        </div>
        <div className={styles.kpi}>
          <dt>{t('kpi.customers')}</dt>
          <dd className={styles.kpiValue}>{props.customers}</dd>
          {props.customersNote}
        </div>
        <div className={styles.kpi} data-tone="healthy">
          <dt>
            <span aria-hidden="true" className={styles.kpiGlyph}>
              ●
            </span>{' '}
            {t('kpi.healthy')}
          </dt>
          <dd className={styles.kpiValue}>{props.healthy}</dd>
        </div>
        <div className={styles.kpi} data-tone="risk">
          <dt>
            <span aria-hidden="true" className={styles.kpiGlyph}>
              ▲
            </span>{' '}
            {t('kpi.atRisk')}
          </dt>
          <dd className={styles.kpiValue}>{props.atRisk}</dd>
          {props.atRiskNote}
        </div>
      </dl>
    </section>
  );
}
