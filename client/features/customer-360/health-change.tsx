import { useId, useMemo, useState } from 'react';
import { addDays } from '../../../shared/domain/csm/dates.ts';
import { domainFactorName } from '../../../shared/domain-text/render.ts';
import { useFormat } from '../../platform/use-format.ts';
import { InputField } from '../../ui/form-fields.tsx';
import { useCustomer360 } from './customer-360-context.ts';
import { compareHealth } from './health-change-view.ts';
import { signedPoints } from './overview-view.ts';
import { useHealthConfig } from './use-customer-health.ts';
import { useCustomer360Translation } from './use-customer-360-translation.ts';
import styles from './customer-360.module.css';

/** "Por que o health mudou?" between two chosen dates (health-change-view.ts), factor by factor. */
export function HealthChange() {
  const { t } = useCustomer360Translation();
  const format = useFormat();
  const { customer, docs, health, summary, now, timeZone } = useCustomer360();
  const config = useHealthConfig();
  const [from, setFrom] = useState(() => addDays(summary.today, -30));
  const [to, setTo] = useState(summary.today);
  const captionId = useId();
  const history = health.server?.history;
  const earliest = history?.[0]?.date ?? customer.customerSince;

  const result = useMemo(
    () =>
      /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to)
        ? compareHealth(
            {
              customer,
              activities: docs.activities,
              tickets: docs.tickets,
              invoices: docs.invoices,
              meetings: docs.meetings,
              signals: docs.signals,
              metrics: docs.metrics,
            },
            config,
            history ?? [],
            from,
            to,
            now,
            timeZone,
          )
        : 'invalid_range',
    [customer, docs, config, history, from, to, now, timeZone],
  );
  const number = (v: number) => format.number(Math.round(v * 10) / 10);

  return (
    <section className={`${styles.section} ${styles.wide}`} aria-labelledby="c360-health-change">
      <h3 id="c360-health-change" className={styles.sectionTitle}>
        {t('analytics.change.title')}
      </h3>
      <p className={styles.muted}>{t('analytics.change.intro')}</p>
      <div className={styles.dateRow}>
        <InputField
          type="date"
          label={t('analytics.change.from')}
          value={from}
          min={earliest}
          max={summary.today}
          onChange={(e) => setFrom(e.target.value)}
        />
        <InputField
          type="date"
          label={t('analytics.change.to')}
          value={to}
          min={earliest}
          max={summary.today}
          onChange={(e) => setTo(e.target.value)}
        />
      </div>
      <div aria-live="polite">
        {result === 'invalid_range' ? (
          <p className={styles.muted}>{t('analytics.change.invalidRange')}</p>
        ) : result.explanation === null || result.explanation.delta === null ? (
          <p className={styles.muted}>{t('analytics.change.noDelta')}</p>
        ) : (
          <>
            <p className={styles.itemTitle}>
              {t('analytics.change.summary', {
                before: result.explanation.scoreBefore ?? '–',
                after: result.explanation.scoreAfter ?? '–',
                delta: signedPoints(result.explanation.delta, format.number),
              })}
            </p>
            {result.storedFrom !== null || result.storedTo !== null ? (
              <p className={styles.muted}>
                {t('analytics.change.storedScore', {
                  from: result.storedFrom ?? '–',
                  to: result.storedTo ?? '–',
                })}
              </p>
            ) : null}
            {result.explanation.items.length === 0 ? (
              <p className={styles.muted}>{t('analytics.change.noChange')}</p>
            ) : (
              <div className={styles.tableScroll}>
                <table className={styles.chartTable} aria-describedby={captionId}>
                  <caption id={captionId} className="visually-hidden">
                    {t('analytics.change.title')}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('analytics.change.factor')}</th>
                      <th scope="col">{t('analytics.change.before')}</th>
                      <th scope="col">{t('analytics.change.after')}</th>
                      <th scope="col">{t('analytics.change.impact')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {result.explanation.items.map((item) => (
                      <tr key={`${item.dimension ?? 'total'}-${item.key}`}>
                        <th scope="row">
                          {item.kind === 'rounding'
                            ? t('analytics.change.rounding')
                            : `${item.dimension ? t(`dimensions.${item.dimension}`) : ''} · ${
                                item.kind === 'rules'
                                  ? t('analytics.change.rules')
                                  : domainFactorName(format.language, item.key)
                              }`}
                        </th>
                        <td>{item.before === null ? t('analytics.change.noData') : number(item.before)}</td>
                        <td>{item.after === null ? t('analytics.change.noData') : number(item.after)}</td>
                        <td>{signedPoints(Math.round(item.impact * 10) / 10, format.number)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </>
        )}
      </div>
    </section>
  );
}
