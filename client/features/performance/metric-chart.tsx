import { lazy, Suspense, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PerformanceRange } from '../../../shared/domain/portal/performance.ts';
import { ChartTable } from '../../ui/charts/chart.tsx';
import type { MeasureChart } from './performance-view.ts';
import card from '../../ui/card.module.css';
import styles from './performance.module.css';

/** recharts arrives with the first chart drawn (its own chunk), never with the app's first screen. */
const ChartDrawing = lazy(() => import('./chart-drawing.tsx'));

/**
 * One measure's card: its total and change (the visible summary), the drawing (hidden from assistive
 * technology) and, for screen readers, a table with every point the drawing shows.
 */
export function MetricChart({
  chart,
  range,
  granularity,
  format,
  formatChange,
}: {
  chart: MeasureChart;
  range: PerformanceRange;
  granularity: 'day' | 'month';
  format: (value: number) => string;
  formatChange: (percent: number) => string;
}) {
  const { t } = useTranslation('performance');
  const headingId = useId();
  const title = t(`charts.${chart.measure}`);
  return (
    <section className={card.card} aria-labelledby={headingId}>
      <h3 id={headingId} className={card.cardTitle}>
        {title}
      </h3>
      {chart.total === null ? (
        <p className={card.muted}>{t('charts.noData')}</p>
      ) : (
        <>
          <p className={styles.total}>
            <span className={card.headline}>{format(chart.total)}</span>{' '}
            <span className={card.muted}>
              {chart.change === null
                ? t('charts.noPrevious')
                : `${formatChange(chart.change)} ${t(`range.previous_${range}`)}`}
            </span>
          </p>
          <figure className={styles.figure}>
            <div className={styles.chart} aria-hidden="true" data-chart={chart.measure}>
              <Suspense fallback={<div className={styles.chartSkeleton} />}>
                <ChartDrawing
                  kind={granularity === 'month' ? 'bar' : 'line'}
                  name={title}
                  points={chart.points}
                  formatValue={format}
                />
              </Suspense>
            </div>
            <ChartTable
              caption={t('charts.caption', {
                measure: title,
                unit: t(`charts.unit_${granularity}`),
                range: t(`range.${range}`),
              })}
              labelHeader={granularity === 'month' ? t('charts.monthHeader') : t('charts.dateHeader')}
              valueHeader={title}
              points={chart.points}
              format={format}
            />
          </figure>
        </>
      )}
    </section>
  );
}
