import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../platform/use-format.ts';
import { useLivePanel } from './use-live-panel.ts';
import card from '../../ui/card.module.css';
import styles from './performance.module.css';

/**
 * "🔴 Ao vivo" (dashboard §2A): visitors now, conversions in the last 2 h and the month's conversion rate with
 * its change — the server's snapshot (shared rule liveSnapshot) as the live stream delivers it, and offline the
 * last one received with "atualizado às HH:MM". When the live source is GA4 realtime, its figures are shown
 * under what they measure — active users and conversions of the last 30 minutes — with the source named.
 */
export function LivePanel() {
  const { t } = useTranslation('performance');
  const format = useFormat();
  const { snapshot, live, online } = useLivePanel();
  const headingId = useId();

  const status = snapshot
    ? t('live.updatedAt', { time: format.time(snapshot.computedAt) })
    : online
      ? t('live.connecting')
      : t('live.never');
  const change = (points: number | null) =>
    points === null
      ? t('live.rateChangeNone')
      : points > 0
        ? t('live.rateChangeUp', { points: format.number(points) })
        : points < 0
          ? t('live.rateChangeDown', { points: format.number(-points) })
          : t('live.rateChangeFlat');
  const ga4 =
    snapshot !== null && (snapshot.activeUsersLast30m !== null || snapshot.conversionsLast30m !== null);
  const count = (value: number | null) => (value === null ? t('live.noData') : format.number(value));

  return (
    <section className={`${card.card} ${styles.live}`} aria-labelledby={headingId}>
      <div className={card.cardHeader}>
        <span className={styles.liveDot} data-live={live} aria-hidden="true" />
        <h2 id={headingId} className={card.cardTitle}>
          {t('live.heading')}
        </h2>
        <span className={card.aside}>{status}</span>
      </div>
      {!online && snapshot ? <p className={card.muted}>{t('live.offline')}</p> : null}
      {snapshot ? (
        <ul className={styles.liveList}>
          {ga4 ? (
            <>
              <li>
                <span className={styles.liveValue}>{count(snapshot.activeUsersLast30m)}</span>{' '}
                {t('live.activeUsers30m')}
              </li>
              <li>
                <span className={styles.liveValue}>{count(snapshot.conversionsLast30m)}</span>{' '}
                {t('live.conversions30m')}
              </li>
            </>
          ) : (
            <>
              <li>
                <span className={styles.liveValue}>{count(snapshot.visitorsNow)}</span>{' '}
                {t('live.visitorsNow')}
              </li>
              <li>
                <span className={styles.liveValue}>{count(snapshot.conversionsLast2h)}</span>{' '}
                {t('live.conversions2h')}
              </li>
            </>
          )}
          <li>
            {t('live.conversionRate')}:{' '}
            <span className={styles.liveValue}>
              {snapshot.conversionRate === null
                ? t('live.noData')
                : `${format.number(snapshot.conversionRate)}%`}
            </span>{' '}
            <span className={card.muted}>({change(snapshot.rateChangePoints)})</span>
          </li>
          {ga4 ? <li className={card.muted}>{t('live.sourceGa4')}</li> : null}
        </ul>
      ) : null}
    </section>
  );
}
