import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { AT_RISK_FILTER, HEALTH_FILTER_PARAM, paths } from '../../app/paths.ts';
import { ButtonLink } from '../../ui/button.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { AlertIcon, UsersIcon } from '../../ui/icons.tsx';
import { Page } from '../../ui/page.tsx';
import styles from './customer-list-page.module.css';

/**
 * `/clientes` — the CSM's portfolio (`?saude=risco`: at-risk customers, the manifest shortcut's target).
 * The list itself arrives with the customers feature (RxDB); until the first sync brings customers this is
 * the honest empty state.
 */
export function CustomerListPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const atRisk = params.get(HEALTH_FILTER_PARAM) === AT_RISK_FILTER;

  return (
    <Page title={atRisk ? t('customers.atRiskTitle') : t('customers.title')}>
      <nav aria-label={t('customers.filters')}>
        <ul className={styles.filters}>
          <li>
            <Link to={paths.customers} className={styles.chip} aria-current={atRisk ? undefined : 'page'}>
              <UsersIcon size={16} />
              {t('customers.filterAll')}
            </Link>
          </li>
          <li>
            <Link
              to={paths.atRiskCustomers}
              className={styles.chip}
              aria-current={atRisk ? 'page' : undefined}
            >
              <AlertIcon size={16} />
              {t('customers.filterAtRisk')}
            </Link>
          </li>
        </ul>
      </nav>
      {atRisk ? (
        <EmptyState
          icon={<AlertIcon />}
          title={t('customers.emptyAtRiskTitle')}
          actions={<ButtonLink to={paths.customers}>{t('customers.showAll')}</ButtonLink>}
        >
          {t('customers.emptyAtRiskBody')}
        </EmptyState>
      ) : (
        <EmptyState icon={<UsersIcon />} title={t('customers.emptyTitle')}>
          {t('customers.emptyBody')}
        </EmptyState>
      )}
    </Page>
  );
}
