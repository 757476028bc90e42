import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { BenchmarkComparison, BenchmarkRow } from '../../../shared/domain/portal/benchmarks.ts';
import { useFormat } from '../../platform/use-format.ts';
import card from '../../ui/card.module.css';
import styles from './performance.module.css';

/**
 * "Você vs Indústria" (dashboard §2B): each measure as "2,7% vs 1,9%" with its verdict written out (the colour
 * and mark only repeat it), from the shared rule compareWithBenchmark.
 */
export function BenchmarkCard({ comparison }: { comparison: BenchmarkComparison }) {
  const { t } = useTranslation('performance');
  const format = useFormat();
  const headingId = useId();
  const show = (row: BenchmarkRow, value: number) =>
    row.measure === 'costPerLead' ? format.money(value) : `${format.number(value)}%`;
  return (
    <section className={card.card} aria-labelledby={headingId}>
      <h2 id={headingId} className={card.cardTitle}>
        {t('benchmark.heading')}
      </h2>
      <p className={card.muted}>{t('benchmark.description')}</p>
      <ul className={styles.benchmarkList}>
        {comparison.rows.map((row) => (
          <li key={row.measure} className={styles.benchmarkRow} data-verdict={row.verdict}>
            <span className={styles.benchmarkName}>{t(`benchmark.${row.measure}`)}</span>
            <span className={styles.benchmarkValues}>
              {row.youDisplay === null
                ? t('benchmark.no_data')
                : t('benchmark.versus', {
                    you: show(row, row.youDisplay),
                    industry: show(row, row.industryDisplay),
                  })}
            </span>
            {row.verdict === 'no_data' ? null : (
              <span className={styles.verdict} data-verdict={row.verdict}>
                <span aria-hidden="true">
                  {row.verdict === 'better' ? '✓ ' : row.verdict === 'worse' ? '! ' : '= '}
                </span>
                {t(`benchmark.${row.verdict}`)}
              </span>
            )}
          </li>
        ))}
      </ul>
      <p className={card.muted}>{t('benchmark.summary', { count: comparison.better })}</p>
    </section>
  );
}
