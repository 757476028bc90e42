import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../ui/page.tsx';
import styles from './performance.module.css';

/** The performance screen's shape while its code or the device's metrics load: two cards and the charts. */
export function PerformanceSkeleton() {
  const { t } = useTranslation('performance');
  usePageTitle(t('page.title'));
  return (
    <div className={styles.skeleton} aria-busy="true">
      <p role="status" className="visually-hidden">
        {t('page.loading')}
      </p>
      <div className={styles.skeletonTitle} />
      <div className={styles.skeletonCard} />
      <div className={styles.skeletonCard} />
      <div className={styles.skeletonChart} />
    </div>
  );
}
