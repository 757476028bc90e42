import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { compareWithBenchmark, SEED_INDUSTRY_BENCHMARK } from '../../../shared/domain/portal/benchmarks.ts';
import { monthEndOutlook } from '../../../shared/domain/portal/outlook.ts';
import {
  PERFORMANCE_RANGES,
  performanceSeries,
  type PerformanceMeasure,
} from '../../../shared/domain/portal/performance.ts';
import { localDateOf } from '../../../shared/domain/portal/time.ts';
import { useDeviceData } from '../../db/device-data.tsx';
import { useFormat } from '../../platform/use-format.ts';
import { useNow } from '../../platform/use-now.ts';
import { EmptyState } from '../../ui/empty-state.tsx';
import { Notice } from '../../ui/notice.tsx';
import { Page } from '../../ui/page.tsx';
import { BenchmarkCard } from './benchmark-card.tsx';
import { LivePanel } from './live-panel.tsx';
import { MetricChart } from './metric-chart.tsx';
import { OutlookCard } from './outlook-card.tsx';
import { RANGE_PARAM } from './paths.ts';
import { PerformanceIcon } from './performance-icon.tsx';
import { PerformanceSkeleton } from './performance-skeleton.tsx';
import { measureCharts, parseRange, shortDayLabel } from './performance-view.ts';
import { useMyMetrics } from './use-my-metrics.ts';
import card from '../../ui/card.module.css';
import styles from './performance.module.css';

/**
 * `/inicio/desempenho` — the client's performance (dashboard §2): charts of sessions, conversions, revenue and
 * leads over 30 days, 90 days or 12 months, the comparison with the industry and the month-end projection.
 * Every number is a shared rule's output on the synced `metrics` documents read from the device database, so
 * the screen opens offline after the first sync. "Today" is the user's local calendar day.
 */
export function PerformancePage() {
  const { t } = useTranslation('performance');
  const { error } = useDeviceData();
  const format = useFormat();
  const now = useNow(60_000);
  const metrics = useMyMetrics();
  const trendsId = useId();
  const [params, setParams] = useSearchParams();
  const range = parseRange(params.get(RANGE_PARAM));
  const asOf = localDateOf(now.getTime(), format.timeZone);

  const view = useMemo(() => {
    if (metrics.value.length === 0) return null;
    const docs = metrics.value.map((m) => ({ month: m.month, days: m.days }));
    const series = performanceSeries({ metrics: docs, range, asOf });
    const label = (key: string, granularity: 'day' | 'month') =>
      granularity === 'month' ? format.monthYear(`${key}-01`) : shortDayLabel(key, format.language);
    return {
      series,
      charts: measureCharts(series, label),
      benchmark: compareWithBenchmark({ metrics: docs, asOf, benchmark: SEED_INDUSTRY_BENCHMARK }),
      outlook: monthEndOutlook({ metrics: docs, asOf }),
    };
  }, [metrics.value, range, asOf, format]);

  const formatOf = (measure: PerformanceMeasure) => (value: number) =>
    measure === 'revenueCents' ? format.moneyCompact(value) : format.number(value);
  const formatChange = (percent: number) => `${percent > 0 ? '+' : ''}${format.number(percent)}%`;

  if (!metrics.ready && !error) return <PerformanceSkeleton />;

  return (
    <Page title={t('page.title')} description={t('page.description')}>
      {error ? <Notice tone="error">{t('page.deviceError')}</Notice> : null}
      {view === null ? (
        error ? null : (
          <EmptyState icon={<PerformanceIcon />} title={t('page.emptyTitle')}>
            {t('page.emptyBody')}
          </EmptyState>
        )
      ) : (
        <>
          <div className={card.grid}>
            <LivePanel />
            <BenchmarkCard comparison={view.benchmark} />
            <OutlookCard outlook={view.outlook} />
          </div>
          <section className={styles.trends} aria-labelledby={trendsId}>
            <div className={styles.trendsHeader}>
              <h2 id={trendsId} className={card.cardTitle}>
                {t('charts.heading')}
              </h2>
              <div role="group" aria-label={t('range.label')} className={styles.rangePicker}>
                {PERFORMANCE_RANGES.map((r) => (
                  <button
                    key={r}
                    type="button"
                    className={styles.rangeButton}
                    aria-pressed={r === range}
                    onClick={() =>
                      setParams(
                        (p) => {
                          const next = new URLSearchParams(p);
                          next.set(RANGE_PARAM, r);
                          return next;
                        },
                        { replace: true },
                      )
                    }
                  >
                    {t(`range.${r}`)}
                  </button>
                ))}
              </div>
            </div>
            <div className={styles.chartGrid}>
              {view.charts.map((chart) => (
                <MetricChart
                  key={chart.measure}
                  chart={chart}
                  range={range}
                  granularity={view.series.granularity}
                  format={formatOf(chart.measure)}
                  formatChange={formatChange}
                />
              ))}
            </div>
          </section>
        </>
      )}
    </Page>
  );
}
