import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { isStaff, type Role } from '../../../shared/collections.ts';
import { AlertIcon, HomeIcon, SettingsIcon, TicketIcon, UsersIcon } from '../../ui/icons.tsx';
import { AT_RISK_FILTER, HEALTH_FILTER_PARAM, paths } from '../paths.ts';
import styles from './app-shell.module.css';

interface NavItem {
  readonly to: string;
  readonly label: string;
  readonly icon: ReactNode;
  readonly isCurrent: (pathname: string, search: URLSearchParams) => boolean;
}

/** One navigation landmark: a bottom tab bar on phones, inline in the top bar from tablet width up. */
export function PrimaryNav({ role }: { role: Role }) {
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  const params = new URLSearchParams(search);
  const atRisk = (s: URLSearchParams) => s.get(HEALTH_FILTER_PARAM) === AT_RISK_FILTER;

  const items: NavItem[] = isStaff(role)
    ? [
        {
          to: paths.customers,
          label: t('nav.customers'),
          icon: <UsersIcon size={22} />,
          isCurrent: (p, s) => p.startsWith(paths.customers) && !atRisk(s),
        },
        {
          to: paths.atRiskCustomers,
          label: t('nav.atRisk'),
          icon: <AlertIcon size={22} />,
          isCurrent: (p, s) => p === paths.customers && atRisk(s),
        },
      ]
    : [
        {
          to: paths.clientHome,
          label: t('nav.home'),
          icon: <HomeIcon size={22} />,
          isCurrent: (p) => p === paths.clientHome,
        },
        {
          to: paths.myTickets,
          label: t('nav.tickets'),
          icon: <TicketIcon size={22} />,
          isCurrent: (p) => p.startsWith(paths.myTickets),
        },
      ];
  items.push({
    to: paths.settings,
    label: t('nav.settings'),
    icon: <SettingsIcon size={22} />,
    isCurrent: (p) => p.startsWith(paths.settings),
  });

  return (
    <nav className={styles.nav} aria-label={t('nav.primary')}>
      <ul className={styles.navList}>
        {items.map((item) => (
          <li key={item.to}>
            <Link
              to={item.to}
              className={styles.navLink}
              aria-current={item.isCurrent(pathname, params) ? 'page' : undefined}
            >
              {item.icon}
              <span>{item.label}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
