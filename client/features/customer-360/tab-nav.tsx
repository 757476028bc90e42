import { useEffect, useRef } from 'react';
import { NavLink, useLocation } from 'react-router';
import { customerPath } from './paths.ts';
import type { Customer360Tab } from './tabs.ts';
import { useCustomer360Translation } from './use-customer-360-translation.ts';
import styles from './customer-360.module.css';

/**
 * The tab bar: each tab is a link to its own URL (so it can be bookmarked, shared and opened from a
 * notification), the current one marked `aria-current="page"`. Links rather than an ARIA tablist: moving between
 * tabs is navigation, and Tab / Enter work as on any link. On a phone the bar scrolls sideways and keeps the
 * current tab in view.
 */
export function TabNav({ customerId, tabs }: { customerId: string; tabs: readonly Customer360Tab[] }) {
  const { t } = useCustomer360Translation();
  const { pathname } = useLocation();
  const listRef = useRef<HTMLUListElement>(null);
  useEffect(() => {
    const current = listRef.current?.querySelector<HTMLElement>('[aria-current="page"]');
    // jsdom has no layout (nor scrollIntoView).
    if (current && typeof current.scrollIntoView === 'function')
      current.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [pathname]);
  return (
    <nav aria-label={t('tabs.label')} className={styles.tabs}>
      <ul ref={listRef} className={styles.tabList}>
        {tabs.map((tab) => (
          <li key={tab.id}>
            <NavLink
              to={customerPath(customerId, tab.id)}
              end
              className={({ isActive }) => (isActive ? `${styles.tab} ${styles.tabActive}` : styles.tab)}
            >
              {t(tab.labelKey)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
