import { lazy, type ComponentType } from 'react';
import type { Customer } from '../../../shared/entities/customer.ts';
import { OverviewTab } from './overview-tab.tsx';
import { CUSTOMER_TAB_SEGMENTS, type CustomerTab } from './paths.ts';

/**
 * The Customer 360's tabs, in the order of the tab bar (customers spec §2.2). Each tab is a URL of its own under
 * `/clientes/<id>` (paths.ts) and a component that receives the customer. Only tabs that exist are listed: the
 * tab bar and the overview's "see all" links are built from this list, so no link points at a missing screen.
 *
 * Adding a tab (the contracts, contacts and activity features): one entry here, its component loaded lazily from
 * its own feature folder so the first screen's bundle does not grow, e.g.
 *   { id: 'contracts', path: CUSTOMER_TAB_SEGMENTS.contracts, labelKey: 'tabs.contracts',
 *     element: lazy(() => import('../contracts/contracts-tab.tsx').then((m) => ({ default: m.ContractsTab }))) }
 * The label keys of all five tabs are already in this feature's namespace (i18n.ts `tabs`).
 */
export interface Customer360TabProps {
  readonly customer: Customer;
}

export interface Customer360Tab {
  readonly id: CustomerTab;
  /** The URL segment under `/clientes/<id>` ('' = the overview). */
  readonly path: (typeof CUSTOMER_TAB_SEGMENTS)[CustomerTab];
  readonly labelKey: `tabs.${CustomerTab}`;
  readonly element: ComponentType<Customer360TabProps>;
}

export const CUSTOMER_360_TABS: readonly Customer360Tab[] = [
  { id: 'overview', path: CUSTOMER_TAB_SEGMENTS.overview, labelKey: 'tabs.overview', element: OverviewTab },
  {
    id: 'contracts',
    path: CUSTOMER_TAB_SEGMENTS.contracts,
    labelKey: 'tabs.contracts',
    element: lazy(() => import('../contracts/contracts-tab.tsx').then((m) => ({ default: m.ContractsTab }))),
  },
  {
    id: 'contacts',
    path: CUSTOMER_TAB_SEGMENTS.contacts,
    labelKey: 'tabs.contacts',
    element: lazy(() => import('../contacts/contacts-tab.tsx').then((m) => ({ default: m.ContactsTab }))),
  },
  {
    id: 'activity',
    path: CUSTOMER_TAB_SEGMENTS.activity,
    labelKey: 'tabs.activity',
    element: lazy(() => import('../activity/activity-tab.tsx').then((m) => ({ default: m.ActivityTab }))),
  },
  {
    id: 'analytics',
    path: CUSTOMER_TAB_SEGMENTS.analytics,
    labelKey: 'tabs.analytics',
    element: lazy(() => import('./analytics-tab.tsx').then((m) => ({ default: m.AnalyticsTab }))),
  },
];
