import { useTranslation } from 'react-i18next';
import type { RoiResult } from '../../../shared/domain/portal/roi.ts';
import { useFormat } from '../../platform/use-format.ts';
import card from '../../ui/card.module.css';
import styles from './money.module.css';

/**
 * The ROI calculator's figures (dashboard §5B): investment, revenue, ROI, net profit and "Cada R$ 1 investido
 * retornou R$ X" — the shared `computeRoi` result, whose display values are already truncated (never
 * overstated); this component only formats them in the UI language.
 */
export function RoiFigures({ roi }: { roi: RoiResult }) {
  const { t } = useTranslation('money');
  const format = useFormat();
  return (
    <>
      <dl className={card.facts}>
        <div className={card.fact}>
          <dt>{t('roi.investment')}</dt>
          <dd>{format.money(roi.investmentCents)}</dd>
        </div>
        <div className={card.fact}>
          <dt>{t('roi.revenue')}</dt>
          <dd>{format.money(roi.revenueCents)}</dd>
        </div>
        {roi.kind === 'computed' ? (
          <div className={card.fact}>
            <dt>{t('roi.roi')}</dt>
            <dd className={styles.bigNumber} data-testid="roi-percent">
              {format.number(roi.roiPercentDisplay)}%
            </dd>
          </div>
        ) : null}
        <div className={card.fact}>
          <dt>{t('roi.netProfit')}</dt>
          <dd>{format.money(roi.netProfitCents)}</dd>
        </div>
      </dl>
      <p className={styles.callout} data-testid="roi-return">
        {roi.kind === 'computed'
          ? t('roi.returnPerReal', { amount: format.money(Math.round(roi.returnPerRealDisplay * 100)) })
          : t('roi.notComputable')}
      </p>
    </>
  );
}
