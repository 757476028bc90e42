import type { FlatNamespace, ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { Role } from '../../../shared/collections/index.ts';
import type { FeatureManifest, NavEntry } from '../../platform/feature-manifest.ts';
import { features } from '../features.ts';
import { namespaces } from '../i18n.ts';
import styles from './app-shell.module.css';

/** The role's navigation entries from the features' manifests, in their `order`. */
export function navEntriesFor(role: Role, manifests: readonly FeatureManifest[] = features): NavEntry[] {
  return manifests
    .flatMap((f) => f.nav ?? [])
    .filter((entry) => entry.roles.includes(role))
    .sort((a, b) => a.order - b.order);
}

/** A translation key of any namespace, `namespace:key`. */
type AnyKey = ParseKeys<readonly FlatNamespace[]>;

const isUnder = (pathname: string, to: string) => pathname === to || pathname.startsWith(`${to}/`);

/** One navigation landmark: a bottom tab bar on phones, inline in the top bar from tablet width up. */
export function PrimaryNav({ role }: { role: Role }) {
  const { t, i18n } = useTranslation(namespaces);
  // Manifest labels are plain strings (their types cannot depend on the resources they feed); narrow them by
  // asking i18next, and show a missing key as itself rather than crash the shell.
  const isKey = (key: string): key is AnyKey => i18n.exists(key);
  const { pathname, search } = useLocation();
  const params = new URLSearchParams(search);

  return (
    <nav className={styles.nav} aria-label={t('nav.primary')}>
      <ul className={styles.navList}>
        {navEntriesFor(role).map(({ to, label, icon: Icon, isCurrent }) => (
          <li key={to}>
            <Link
              to={to}
              className={styles.navLink}
              aria-current={(isCurrent ?? ((p) => isUnder(p, to)))(pathname, params) ? 'page' : undefined}
            >
              <Icon size={22} />
              <span>{isKey(label) ? t(label) : label}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
