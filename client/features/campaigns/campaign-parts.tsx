import { useTranslation } from 'react-i18next';
import type { CampaignPerformance } from '../../../shared/domain/portal/campaign-metrics.ts';
import type { Campaign } from '../../../shared/entities/portal.ts';
import { useFormat } from '../../platform/use-format.ts';
import styles from './campaigns.module.css';

/** A ratio shown truncated (the portal's display policy): the rule hands percent values already truncated. */
const percentOf = (percent: number) => percent / 100;

/** "✓ Performance excelente" / "⚠ Precisa otimização: 94,5% do orçamento já foi gasto, …". */
export function StatusLine({ performance }: { performance: CampaignPerformance }) {
  const { t } = useTranslation('campaigns');
  const format = useFormat();
  const { status } = performance;
  const used = performance.budgetUsed === null ? '' : format.percent(performance.budgetUsed);
  const tone =
    status.kind === 'performing_well'
      ? styles.good
      : status.kind === 'needs_optimization'
        ? styles.warn
        : styles.quiet;
  return (
    <p className={`${styles.status} ${tone}`}>
      <span aria-hidden="true">
        {status.kind === 'performing_well' ? '✓' : status.kind === 'needs_optimization' ? '⚠' : '–'}
      </span>{' '}
      <strong>{t(`status.${status.kind}`)}</strong>
      {status.kind === 'needs_optimization' ? (
        <span>: {status.reasons.map((r) => t(`issue.${r}`, { used })).join('; ')}</span>
      ) : null}
    </p>
  );
}

/** The card's figures: budget and spend, CTR and CPC, conversions with the change since yesterday, CPL, ROAS. */
export function CampaignFigures({
  campaign,
  performance: p,
}: {
  campaign: Campaign;
  performance: CampaignPerformance;
}) {
  const { t } = useTranslation('campaigns');
  const format = useFormat();
  const none = t('metric.none');
  const change = p.conversionsChange;
  return (
    <dl className={styles.figures}>
      <div>
        <dt>{t('metric.budget')}</dt>
        <dd>{format.money(campaign.budgetCents)}</dd>
      </div>
      <div>
        <dt>{t('metric.spend')}</dt>
        <dd>
          {format.money(p.totals.spendCents)}
          {p.budgetUsed !== null ? (
            <span className={styles.budgetBar} aria-hidden="true">
              <span style={{ width: `${Math.min(100, p.budgetUsed * 100)}%` }} />
            </span>
          ) : null}
        </dd>
      </div>
      <div>
        <dt>{t('metric.ctr')}</dt>
        <dd>{p.ctrPercentDisplay === null ? none : format.percent(percentOf(p.ctrPercentDisplay))}</dd>
      </div>
      <div>
        <dt>{t('metric.cpc')}</dt>
        <dd>{p.cpcCents === null ? none : format.money(p.cpcCents)}</dd>
      </div>
      <div>
        <dt>{t('metric.conversions')}</dt>
        <dd>
          {p.conversionsToday === null ? none : format.number(p.conversionsToday)}
          {change !== null ? (
            <span className={change > 0 ? styles.up : change < 0 ? styles.down : styles.quiet}>
              {' '}
              <span aria-hidden="true">
                (
                {change > 0
                  ? t('metric.changeUp', { count: change })
                  : change < 0
                    ? t('metric.changeDown', { count: -change })
                    : t('metric.changeSame')}
                )
              </span>
              <span className="visually-hidden">
                {change > 0
                  ? t('metric.changeUpLabel', { count: change })
                  : change < 0
                    ? t('metric.changeDownLabel', { count: -change })
                    : t('metric.changeSame')}
              </span>
            </span>
          ) : null}
        </dd>
      </div>
      <div>
        <dt>{t('metric.cpl')}</dt>
        <dd>{p.cplCents === null ? none : format.money(p.cplCents)}</dd>
      </div>
      <div>
        <dt>{t('metric.roas')}</dt>
        <dd>
          {p.roasDisplay === null ? none : t('metric.roasValue', { value: format.number(p.roasDisplay) })}
        </dd>
      </div>
    </dl>
  );
}

export function PlatformBadge({ platform }: { platform: Campaign['platform'] }) {
  const { t } = useTranslation('campaigns');
  return <span className={`${styles.platform} ${styles[platform]}`}>{t(`platform.${platform}`)}</span>;
}
