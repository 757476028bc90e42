import { lazy, Suspense } from 'react';
import type { ChartPoint, ChartProps } from './chart-types.ts';
import styles from './charts.module.css';

/**
 * A chart with its text alternative: the drawing (recharts, fetched on first use through `React.lazy`, so
 * screens without a chart never download it) is hidden from assistive technology, and a table with the same
 * numbers — visually hidden, read by screen readers — carries the content. The caption names the figure.
 */
const BarChartView = lazy(() => import('./bar-chart.tsx'));
const LineChartView = lazy(() => import('./line-chart.tsx'));

export function Chart({
  kind,
  caption,
  labelHeader,
  valueHeader,
  points,
  formatValue,
  domain,
}: ChartProps & {
  kind: 'bar' | 'line';
  caption: string;
  labelHeader: string;
  valueHeader: string;
}) {
  const View = kind === 'bar' ? BarChartView : LineChartView;
  return (
    <figure className={styles.chartFigure}>
      <div className={styles.chart} aria-hidden="true">
        <Suspense fallback={<div className={styles.chartSkeleton} />}>
          <View points={points} formatValue={formatValue} domain={domain} />
        </Suspense>
      </div>
      <ChartTable
        caption={caption}
        labelHeader={labelHeader}
        valueHeader={valueHeader}
        points={points}
        format={formatValue}
      />
    </figure>
  );
}

/** The chart's numbers as a table for screen readers (visually hidden): every chart in the app carries one. */
export function ChartTable({
  caption,
  labelHeader,
  valueHeader,
  points,
  format,
}: {
  caption: string;
  labelHeader: string;
  valueHeader: string;
  points: readonly ChartPoint[];
  format: (value: number) => string;
}) {
  return (
    // Hidden through a wrapper: a table will not shrink to the hiding class's 1 px and would widen the page.
    <div className="visually-hidden">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{labelHeader}</th>
            <th scope="col">{valueHeader}</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.label}>
              <th scope="row">{p.label}</th>
              <td>{format(p.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
