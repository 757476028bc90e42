import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { monthlySummary, type MonthlySummary } from '../../../shared/domain/portal/monthly-summary.ts';
import { monthOf } from '../../../shared/domain/portal/time.ts';
import { monthSchema } from '../../../shared/entities/common.ts';
import { useDeviceData } from '../../db/device-data.tsx';
import { useFormat } from '../../platform/use-format.ts';
import { useNow } from '../../platform/use-now.ts';
import { Button } from '../../ui/button.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { InboxIcon } from '../../ui/icons.tsx';
import { Notice } from '../../ui/notice.tsx';
import { Page } from '../../ui/page.tsx';
import { useMyCustomer } from '../portal-home/use-my-customer.ts';
import { RoiFigures } from './roi-figures.tsx';
import { LoadingCards } from './skeleton.tsx';
import { useMyGoals, useMyMetrics, useToday } from './use-money-data.ts';
import card from '../../ui/card.module.css';
import styles from './money.module.css';

/**
 * `/inicio/resumo[?mes=AAAA-MM]` — the month on one printable page: Score ARCO, impact, goals and ROI, all from
 * the shared `monthlySummary` over the synced data (offline too). "Imprimir ou salvar PDF" opens the browser's
 * print dialog; the print style sheet (money.module.css and the shell's) drops the navigation, banners and
 * controls and keeps each section on one page.
 */
export function SummaryPage() {
  const { t } = useTranslation('money');
  const { error } = useDeviceData();
  const format = useFormat();
  const metrics = useMyMetrics();
  const goals = useMyGoals();
  const customer = useMyCustomer();
  const today = useToday();
  const [params, setParams] = useSearchParams();
  const asked = monthSchema.safeParse(params.get('mes'));
  const month = asked.success ? asked.data : monthOf(today);
  const months = useMemo(
    () => [...new Set([monthOf(today), ...metrics.value.map((m) => m.month)])].sort().reverse(),
    [metrics.value, today],
  );
  const summary = useMemo(
    () => monthlySummary({ month, metrics: [...metrics.value], goals: [...goals.value] }),
    [month, metrics.value, goals.value],
  );
  const monthLabel = format.monthYear(`${month}-01`);
  const selectId = useId();

  return (
    <Page title={t('summary.title')} description={t('summary.description', { month: monthLabel })}>
      {error ? <Notice tone="error">{t('common.deviceError')}</Notice> : null}
      <div className={`${styles.summaryControls} ${styles.noPrint}`}>
        <label htmlFor={selectId} className={styles.label}>
          {t('summary.monthLabel')}
        </label>
        <select
          id={selectId}
          className={styles.input}
          value={month}
          onChange={(e) => setParams({ mes: e.target.value }, { replace: true })}
        >
          {months.map((m) => (
            <option key={m} value={m}>
              {format.monthYear(`${m}-01`)}
            </option>
          ))}
        </select>
        <Button variant="primary" onClick={() => window.print()}>
          {t('summary.print')}
        </Button>
      </div>
      {!metrics.ready || !goals.ready ? (
        error ? null : (
          <LoadingCards label={t('common.loading')} count={4} />
        )
      ) : !summary.hasData ? (
        <EmptyState icon={<InboxIcon />} title={t('summary.emptyTitle')}>
          {t('summary.emptyBody')}
        </EmptyState>
      ) : (
        <SummaryBody summary={summary} company={customer.value?.name ?? null} />
      )}
    </Page>
  );
}

function SummaryBody({ summary, company }: { summary: MonthlySummary; company: string | null }) {
  const { t } = useTranslation('money');
  const format = useFormat();
  const now = useNow();
  const { score, impact } = summary;
  const change = score?.change ?? null;
  return (
    <article className={styles.summary} aria-label={t('summary.title')}>
      <p className={styles.printOnly}>
        {company ? `${t('summary.company')}: ${company} · ` : ''}
        {t('summary.generated', { date: format.dateTime(now) })}
      </p>
      <div className={styles.summaryGrid}>
        <section className={`${card.card} ${styles.keep}`} aria-labelledby="summary-score">
          <h2 id="summary-score" className={card.cardTitle}>
            {t('summary.scoreHeading')}
          </h2>
          {score ? (
            <>
              <p>
                <span className={styles.bigNumber} data-testid="summary-score">
                  {t('summary.scoreValue', { score: score.value })}
                </span>{' '}
                {change === null ? null : (
                  <span className={card.muted}>
                    {change > 0
                      ? t('summary.scoreTrendUp', { delta: change })
                      : change < 0
                        ? t('summary.scoreTrendDown', { delta: change })
                        : t('summary.scoreTrendFlat')}
                  </span>
                )}
              </p>
              <span className={styles.meter} aria-hidden="true">
                <span style={{ width: `${score.value}%` }} />
              </span>
            </>
          ) : (
            <p className={card.muted}>{t('summary.noScore')}</p>
          )}
        </section>

        <section className={`${card.card} ${styles.keep}`} aria-labelledby="summary-impact">
          <h2 id="summary-impact" className={card.cardTitle}>
            {t('summary.impactHeading')}
          </h2>
          <dl className={card.facts}>
            <div className={card.fact}>
              <dt>{t('summary.traffic')}</dt>
              <dd>
                {t('summary.trafficValue', { sessions: format.number(impact.sessions) })}
                {impact.sessionsChangePercent === null ? null : (
                  <>
                    <br />
                    <span className={card.muted}>
                      {t('summary.trafficChange', {
                        sign: impact.sessionsChangePercent > 0 ? '+' : '',
                        percent: format.number(impact.sessionsChangePercent),
                      })}
                    </span>
                  </>
                )}
              </dd>
            </div>
            <div className={card.fact}>
              <dt>{t('summary.conversions')}</dt>
              <dd>{format.money(impact.revenueCents)}</dd>
            </div>
            <div className={card.fact}>
              <dt>{t('summary.leads')}</dt>
              <dd>{format.number(impact.leads)}</dd>
            </div>
          </dl>
        </section>

        <section className={`${card.card} ${styles.keep}`} aria-labelledby="summary-goals">
          <h2 id="summary-goals" className={card.cardTitle}>
            {t('summary.goalsHeading')}
          </h2>
          {summary.goals.length === 0 ? (
            <p className={card.muted}>{t('summary.noGoals')}</p>
          ) : (
            <ul className={styles.goalList}>
              {summary.goals.map((g) => {
                const value = (v: number) => (g.unit === 'cents' ? format.money(v) : format.number(v));
                return (
                  <li key={g.id} className={styles.goal}>
                    <span className={styles.goalTitle}>
                      {/* A text check, not the rule's emoji: printers and some phones lack an emoji font. */}
                      {g.status.state === 'reached' ? <span aria-hidden="true">✓ </span> : null}
                      {g.title}
                    </span>
                    <span className={card.muted}>
                      {g.status.state === 'reached'
                        ? `${t('summary.goalReached')} · ${value(g.currentValue)}`
                        : t('summary.goalProgress', {
                            percent: g.status.percent,
                            current: value(g.currentValue),
                            target: value(g.targetValue),
                          })}
                    </span>
                    <span className={styles.meter} aria-hidden="true">
                      <span style={{ width: `${g.status.percent}%` }} />
                    </span>
                  </li>
                );
              })}
            </ul>
          )}
        </section>

        <section className={`${card.card} ${styles.keep}`} aria-labelledby="summary-roi">
          <h2 id="summary-roi" className={card.cardTitle}>
            {t('summary.roiHeading')}
          </h2>
          <RoiFigures roi={summary.roi} />
        </section>
      </div>
    </article>
  );
}
