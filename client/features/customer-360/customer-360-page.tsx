import { Suspense, useMemo } from 'react';
import { Link, Navigate, Route, Routes, useParams } from 'react-router';
import type { Customer } from '../../../shared/entities/customer.ts';
import { useCollection, useLiveDocument } from '../../db/device-data.tsx';
import { useFormat } from '../../platform/use-format.ts';
import { useNow } from '../../platform/use-now.ts';
import { useOnline } from '../../platform/use-online.ts';
import { EmptyState } from '../../ui/empty-state.tsx';
import { ButtonLink } from '../../ui/button.tsx';
import { usePageTitle } from '../../ui/page.tsx';
import { UsersIcon } from '../../ui/icons.tsx';
import { customerPaths } from '../customers/paths.ts';
import { Customer360Context, useCustomer360, type Customer360Data } from './customer-360-context.ts';
import { CustomerHeader } from './customer-header.tsx';
import { Customer360Skeleton } from './customer-360-skeleton.tsx';
import { customerSummary } from './customer-summary.ts';
import { customerPath } from './paths.ts';
import { TabNav } from './tab-nav.tsx';
import { CUSTOMER_360_TABS, type Customer360Tab } from './tabs.ts';
import { useCustomer360Translation } from './use-customer-360-translation.ts';
import { useCustomerDocuments } from './use-customer-docs.ts';
import { useCustomerHealth } from './use-customer-health.ts';
import styles from './customer-360.module.css';

/**
 * `/clientes/:customerId[/<tab>]` — the Customer 360 (customers spec §2.2): header with the KPI cards, a tab bar
 * whose tabs are URLs (tabs.ts, routed here as descendant routes), and the current tab. Everything is read from the device database, so it opens
 * offline; an id the device does not have shows "cliente não encontrado" (not an error screen).
 */
export function Customer360Page() {
  const { customerId = '' } = useParams();
  // A new id is a new screen: nothing of the previous customer's state carries over.
  return <Customer360Route key={customerId} customerId={customerId} />;
}

function Customer360Route({ customerId }: { customerId: string }) {
  const collection = useCollection('customers');
  const found = useLiveDocument('customers', customerId);
  const customer = found.docs[0];
  if (collection === null || !found.ready) return <Customer360Skeleton />;
  if (customer === undefined) return <NotFound />;
  return <Customer360View customer={customer} />;
}

function NotFound() {
  const { t } = useCustomer360Translation();
  const online = useOnline();
  usePageTitle(t('notFound.title'));
  return (
    <div className={styles.page}>
      <h1 className="visually-hidden" tabIndex={-1} data-page-heading="">
        {t('notFound.title')}
      </h1>
      <EmptyState
        icon={<UsersIcon />}
        title={t('notFound.title')}
        actions={
          <ButtonLink to={customerPaths.list} variant="primary">
            {t('notFound.backToList')}
          </ButtonLink>
        }
      >
        {t('notFound.body')} {online ? null : t('notFound.offline')}
      </EmptyState>
    </div>
  );
}

function Customer360View({ customer }: { customer: Customer }) {
  const { t } = useCustomer360Translation();
  const now = useNow(60_000);
  const { timeZone } = useFormat();
  const docs = useCustomerDocuments(customer.id);
  const health = useCustomerHealth(customer, docs, now, timeZone);
  const summary = useMemo(() => customerSummary(customer, now, timeZone), [customer, now, timeZone]);
  const data = useMemo<Customer360Data>(
    () => ({ customer, docs, health, summary, now, timeZone, tabs: CUSTOMER_360_TABS }),
    [customer, docs, health, summary, now, timeZone],
  );
  usePageTitle(customer.name);

  return (
    <Customer360Context.Provider value={data}>
      <div className={styles.page}>
        <Link to={customerPaths.list} className={styles.back} aria-label={t('backLabel')}>
          <span aria-hidden="true">←</span> {t('back')}
        </Link>
        <CustomerHeader />
        <TabNav customerId={customer.id} tabs={CUSTOMER_360_TABS} />
        <Routes>
          {CUSTOMER_360_TABS.map((tab) =>
            tab.path === '' ? (
              <Route key={tab.id} index element={<TabPanel tab={tab} />} />
            ) : (
              <Route key={tab.id} path={tab.path} element={<TabPanel tab={tab} />} />
            ),
          )}
          {/* A tab that does not exist (yet): the overview, at its own URL. */}
          <Route path="*" element={<Navigate to={customerPath(customer.id)} replace />} />
        </Routes>
      </div>
    </Customer360Context.Provider>
  );
}

/** One tab's route: its component, given the customer, loaded lazily behind a skeleton. */
function TabPanel({ tab }: { tab: Customer360Tab }) {
  const { customer } = useCustomer360();
  const { t } = useCustomer360Translation();
  const Tab = tab.element;
  return (
    <section className={styles.panel} aria-labelledby={`tab-heading-${tab.id}`}>
      <h2 id={`tab-heading-${tab.id}`} className="visually-hidden">
        {t(tab.labelKey)}
      </h2>
      <Suspense
        fallback={
          <div className={styles.skeletonBody} aria-busy="true">
            <span className="visually-hidden">{t('tabs.loading')}</span>
          </div>
        }
      >
        <Tab customer={customer} />
      </Suspense>
    </section>
  );
}
