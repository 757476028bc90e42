import { usePageTitle } from '../../ui/page.tsx';
import { useCustomer360Translation } from './use-customer-360-translation.ts';
import styles from './customer-360.module.css';

/** The Customer 360's shape while its code or the customer's documents load: header, tab bar and a panel. */
export function Customer360Skeleton() {
  const { t } = useCustomer360Translation();
  usePageTitle(t('loading'));
  return (
    <div className={styles.page} aria-busy="true">
      <p role="status" className="visually-hidden">
        {t('loading')}
      </p>
      <div className={styles.skeletonHeader} />
      <div className={styles.skeletonTabs} />
      <div className={styles.skeletonBody} />
    </div>
  );
}
