import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  monthRoi,
  previousMonth,
  revenueByMonth,
  type MonthRevenue,
} from '../../../shared/domain/portal/money.ts';
import { monthOf } from '../../../shared/domain/portal/time.ts';
import { useDeviceData } from '../../db/device-data.tsx';
import { useFormat } from '../../platform/use-format.ts';
import { EmptyState } from '../../ui/empty-state.tsx';
import { InboxIcon } from '../../ui/icons.tsx';
import { Notice } from '../../ui/notice.tsx';
import { Page } from '../../ui/page.tsx';
import { formatMoneyInput, parseMoneyCents } from '../contracts/money-input.ts';
import { moneyPaths } from './paths.ts';
import { RoiFigures } from './roi-figures.tsx';
import { LoadingCards } from './skeleton.tsx';
import { useMyMetrics, useToday } from './use-money-data.ts';
import card from '../../ui/card.module.css';
import styles from './money.module.css';

/**
 * `/inicio/financeiro` — revenue by month with its change (dashboard §5A) and the ROI calculator (§5B) with a
 * what-if investment. Every figure is a shared rule (shared/domain/portal/money.ts, roi.ts) over the synced
 * metrics, read from the device database: it opens offline.
 */
export function FinancePage() {
  const { t } = useTranslation('money');
  const { error } = useDeviceData();
  const metrics = useMyMetrics();
  const today = useToday();
  const months = useMemo(() => revenueByMonth(metrics.value), [metrics.value]);
  const thisMonth = monthOf(today);
  const current = months.find((m) => m.month === thisMonth) ?? null;
  const last = months.find((m) => m.month === previousMonth(thisMonth)) ?? null;

  return (
    <Page title={t('finance.title')} description={t('finance.description')}>
      {error ? <Notice tone="error">{t('common.deviceError')}</Notice> : null}
      {!metrics.ready ? (
        error ? null : (
          <LoadingCards label={t('common.loading')} count={2} />
        )
      ) : months.length === 0 ? (
        <EmptyState icon={<InboxIcon />} title={t('finance.emptyTitle')}>
          {t('finance.emptyBody')}
        </EmptyState>
      ) : (
        <div className={card.grid}>
          <RevenueCard months={months} current={current} last={last} />
          {current ? <RoiCard month={current} /> : null}
        </div>
      )}
      <nav className={styles.links} aria-label={t('finance.title')}>
        <Link to={moneyPaths.invoices}>{t('finance.invoicesLink')}</Link>
        <Link to={moneyPaths.summary}>{t('finance.summaryLink')}</Link>
      </nav>
    </Page>
  );
}

/** "↑ 23%" with a spoken form ("alta de 23% sobre o mês anterior"). */
export function ChangeBadge({ percent }: { percent: number | null }) {
  const { t } = useTranslation('money');
  if (percent === null) return <span className={card.muted}>{t('finance.noChange')}</span>;
  const key = percent > 0 ? 'Up' : percent < 0 ? 'Down' : 'Flat';
  const shown = Math.abs(percent);
  return (
    <span className={`${styles.change} ${styles[`change${key}`]}`}>
      <span aria-hidden="true">{t(`finance.change${key}`, { percent: shown })}</span>
      <span className="visually-hidden">{t(`finance.change${key}Label`, { percent: shown })}</span>
    </span>
  );
}

function RevenueCard({
  months,
  current,
  last,
}: {
  months: readonly MonthRevenue[];
  current: MonthRevenue | null;
  last: MonthRevenue | null;
}) {
  const { t } = useTranslation('money');
  const format = useFormat();
  const headingId = useId();
  const recent = months.slice(-6);
  const max = Math.max(1, ...recent.map((m) => m.revenueCents));
  return (
    <section className={card.card} aria-labelledby={headingId}>
      <h2 id={headingId} className={card.cardTitle}>
        {t('finance.revenueHeading')}
      </h2>
      <dl className={card.facts}>
        <div className={card.fact}>
          <dt>{t('finance.thisMonth')}</dt>
          <dd>
            <span className={styles.bigNumber}>{format.money(current?.revenueCents ?? 0)}</span>{' '}
            <ChangeBadge percent={current?.changePercentDisplay ?? null} />
          </dd>
        </div>
        {last ? (
          <div className={card.fact}>
            <dt>{t('finance.lastMonth')}</dt>
            <dd>{format.money(last.revenueCents)}</dd>
          </div>
        ) : null}
      </dl>
      <table className={styles.bars}>
        <caption className="visually-hidden">{t('finance.byMonthCaption')}</caption>
        <thead className="visually-hidden">
          <tr>
            <th scope="col">{t('finance.month')}</th>
            <th scope="col">{t('finance.revenue')}</th>
            <th scope="col">{t('finance.change')}</th>
          </tr>
        </thead>
        <tbody>
          {recent.map((m) => (
            <tr key={m.month}>
              <th scope="row" className={styles.barMonth}>
                {format.monthYear(`${m.month}-01`)}
              </th>
              <td className={styles.barCell}>
                <span
                  className={styles.bar}
                  style={{ width: `${Math.max(2, (m.revenueCents / max) * 100)}%` }}
                  aria-hidden="true"
                />
                <span className={styles.barValue}>{format.moneyCompact(m.revenueCents)}</span>
              </td>
              <td className={styles.barChange}>
                <ChangeBadge percent={m.changePercentDisplay} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function RoiCard({ month }: { month: MonthRevenue }) {
  const { t } = useTranslation('money');
  const format = useFormat();
  const headingId = useId();
  const inputId = useId();
  const hintId = useId();
  const [text, setText] = useState(() => formatMoneyInput(month.investmentCents, format.language));
  const roi = monthRoi(month);
  const parsed = parseMoneyCents(text, format.language);
  const whatIf = parsed.ok
    ? monthRoi({ revenueCents: month.revenueCents, investmentCents: parsed.cents })
    : null;
  const whatIfError = parsed.ok
    ? null
    : parsed.reason === 'tooLarge'
      ? t('roi.whatIfTooLarge')
      : parsed.reason === 'invalid'
        ? t('roi.whatIfInvalid')
        : null;

  return (
    <section className={card.card} aria-labelledby={headingId}>
      <h2 id={headingId} className={card.cardTitle}>
        {t('roi.heading')}
      </h2>
      <p className={card.muted}>{t('roi.period', { month: format.monthYear(`${month.month}-01`) })}</p>
      <RoiFigures roi={roi} />
      <div className={styles.whatIf}>
        <h3 className={styles.subTitle}>{t('roi.whatIfHeading')}</h3>
        <label htmlFor={inputId} className={styles.label}>
          {t('roi.whatIfLabel')}
        </label>
        <input
          id={inputId}
          className={styles.input}
          inputMode="decimal"
          autoComplete="off"
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-describedby={hintId}
          aria-invalid={whatIfError ? true : undefined}
        />
        <p id={hintId} className={card.muted}>
          {whatIfError ?? t('roi.whatIfHint')}
        </p>
        <p role="status" className={styles.whatIfResult}>
          {whatIf === null
            ? ''
            : whatIf.kind === 'computed'
              ? t('roi.whatIfResult', {
                  roi: format.number(whatIf.roiPercentDisplay),
                  amount: format.money(Math.round(whatIf.returnPerRealDisplay * 100)),
                })
              : t('roi.notComputable')}
        </p>
      </div>
    </section>
  );
}
