import { useMemo } from 'react';
import { useFormat } from '../../platform/use-format.ts';
import { useDomainTextFor } from '../../domain-text/use-domain-text.ts';
import { monthlyHealth, seatUsage, topChurnFactors } from './analytics-view.ts';
import { Chart } from '../../ui/charts/chart.tsx';
import { useCustomer360 } from './customer-360-context.ts';
import { HealthChange } from './health-change.tsx';
import { useCustomer360Translation } from './use-customer-360-translation.ts';
import { useMoney } from './use-money.ts';
import { useMrrPoints } from './use-mrr-points.ts';
import { TabSection } from './tab-section.tsx';
import styles from './customer-360.module.css';

const MONTHS = 12;

/**
 * The Customer 360's analytics tab (issue: "Analytics"): health over 12 months (the server's history), active
 * users vs seats, MRR over 12 months (the shared revenue rule), churn probability with its top factors, and
 * "why did the health change" between two dates (health-change.tsx). Loaded lazily (tabs.ts).
 */
export function AnalyticsTab() {
  return (
    <div className={styles.sections}>
      <HealthHistorySection />
      <MrrHistorySection />
      <SeatsSection />
      <ChurnSection />
      <HealthChange />
    </div>
  );
}

function HealthHistorySection() {
  const { t } = useCustomer360Translation();
  const format = useFormat();
  const { health, summary } = useCustomer360();
  const history = health.shown?.history;
  const points = useMemo(
    () =>
      monthlyHealth(history ?? [], summary.today, MONTHS).map((p) => ({
        label: format.monthYear(p.date),
        value: p.score,
      })),
    [history, summary.today, format],
  );
  return (
    <TabSection id="c360-health-history" title={t('analytics.healthHistory.title')}>
      {points.length === 0 ? (
        <p className={styles.muted}>{t('analytics.healthHistory.empty')}</p>
      ) : (
        <Chart
          kind="line"
          caption={t('analytics.healthHistory.tableCaption')}
          labelHeader={t('analytics.healthHistory.month')}
          valueHeader={t('analytics.healthHistory.score')}
          points={points}
          formatValue={format.number}
          domain={[0, 100]}
        />
      )}
    </TabSection>
  );
}

function MrrHistorySection() {
  const { t } = useCustomer360Translation();
  const money = useMoney();
  const points = useMrrPoints(MONTHS);
  return (
    <TabSection id="c360-mrr-history" title={t('analytics.mrrHistory.title')}>
      <Chart
        kind="bar"
        caption={t('analytics.mrrHistory.tableCaption')}
        labelHeader={t('analytics.mrrHistory.month')}
        valueHeader={t('analytics.mrrHistory.mrr')}
        points={points}
        formatValue={money}
      />
    </TabSection>
  );
}

function SeatsSection() {
  const { t } = useCustomer360Translation();
  const format = useFormat();
  const { summary } = useCustomer360();
  const { active, total } = summary.seats;
  const usage = seatUsage(active, total);
  return (
    <TabSection id="c360-seats" title={t('analytics.seats.title')}>
      {usage === null ? (
        <p className={styles.muted}>{t('analytics.seats.noSeats')}</p>
      ) : (
        <>
          <p>
            {t('analytics.seats.summary', {
              active: format.number(active),
              total: format.number(total),
              percent: format.percent(usage),
            })}
          </p>
          <span className={styles.barTrack} aria-hidden="true">
            <span className={styles.barFill} style={{ width: `${Math.min(100, usage * 100)}%` }} />
          </span>
          <dl className={styles.figures}>
            <div className={styles.figure}>
              <dt>{t('analytics.seats.active')}</dt>
              <dd>{format.number(active)}</dd>
            </div>
            <div className={styles.figure}>
              <dt>{t('analytics.seats.free')}</dt>
              <dd>{format.number(Math.max(0, total - active))}</dd>
            </div>
          </dl>
        </>
      )}
    </TabSection>
  );
}

function ChurnSection() {
  const { t } = useCustomer360Translation();
  const format = useFormat();
  const domainText = useDomainTextFor(format.language);
  const { health } = useCustomer360();
  const shown = health.shown;
  const factors = shown ? topChurnFactors(shown.churnFactors) : [];
  return (
    <TabSection id="c360-churn" title={t('analytics.churn.title')}>
      {shown === null ? (
        <p className={styles.muted}>{t('analytics.churn.empty')}</p>
      ) : (
        <>
          <p className={styles.itemTitle}>
            {t('analytics.churn.probability', { value: format.percent(shown.churnProbability / 100) })}
          </p>
          {shown.predictedChurnDate ? (
            <p className={styles.muted}>
              {t('analytics.churn.predicted', { date: format.date(shown.predictedChurnDate) })}
            </p>
          ) : null}
          <h4 className={styles.itemTitle}>{t('analytics.churn.factors')}</h4>
          {factors.length === 0 ? (
            <p className={styles.muted}>{t('analytics.churn.noFactors')}</p>
          ) : (
            <ul className={styles.list}>
              {factors.map((f) => (
                <li key={f.feature} className={styles.item}>
                  {/* The label already says which way it pulls; the arrow and colour repeat it at a glance. */}
                  <span
                    className={`${styles.itemText} ${f.contribution > 0 ? styles.critical : styles.healthy}`}
                  >
                    <span aria-hidden="true">{f.contribution > 0 ? '▲ ' : '▼ '}</span>
                    {domainText(f.label)}
                    <span className="visually-hidden">
                      {' '}
                      ({f.contribution > 0 ? t('analytics.churn.raises') : t('analytics.churn.lowers')})
                    </span>
                  </span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </TabSection>
  );
}
