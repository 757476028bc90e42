import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { Role } from '../../../shared/collections/index.ts';
import { splitNavEntries, type FeatureManifest, type NavEntry } from '../../platform/feature-manifest.ts';
import { MoreIcon } from '../../ui/icons.tsx';
import { features } from '../features.ts';
import { isAppLanguage, DEFAULT_LANGUAGE } from '../../i18n/i18n.ts';
import styles from './app-shell.module.css';

/** The role's navigation entries from the features' manifests, in their `order`. */
export function navEntriesFor(role: Role, manifests: readonly FeatureManifest[] = features): NavEntry[] {
  return manifests
    .flatMap((f) => f.nav ?? [])
    .filter((entry) => entry.roles.includes(role))
    .sort((a, b) => a.order - b.order);
}

const isUnder = (pathname: string, to: string) => pathname === to || pathname.startsWith(`${to}/`);

const isCurrentEntry = (entry: NavEntry, pathname: string, params: URLSearchParams) =>
  (entry.isCurrent ?? ((p) => isUnder(p, entry.to)))(pathname, params);

/**
 * One navigation landmark: a bottom tab bar on phones, inline in the top bar from tablet width up. A role with
 * more entries than the bar has cells gets a "Mais" button in the last cell (a disclosure, not an ARIA menu:
 * the entries stay ordinary links, reached with Tab, announced as a list): it opens a sheet above the bar on
 * phones and a drop-down under the top bar on wider screens. Escape, a tap outside or following a link closes
 * it; Escape returns focus to the button.
 */
export function PrimaryNav({ role }: { role: Role }) {
  const { t, i18n } = useTranslation();
  // The labels are in the manifests (feature-manifest.ts's NavLabel): no feature's strings need to load first.
  const language = isAppLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
  const { pathname, search } = useLocation();
  const params = new URLSearchParams(search);
  const { bar, more } = splitNavEntries(navEntriesFor(role));

  const entryLink = (entry: NavEntry, className: string | undefined) => (
    <Link
      to={entry.to}
      className={className}
      aria-current={isCurrentEntry(entry, pathname, params) ? 'page' : undefined}
    >
      <entry.icon size={22} />
      <span>{entry.label[language]}</span>
    </Link>
  );

  return (
    <nav className={styles.nav} aria-label={t('nav.primary')}>
      <ul className={styles.navList}>
        {bar.map((entry) => (
          <li key={entry.to}>{entryLink(entry, styles.navLink)}</li>
        ))}
        {more.length > 0 ? (
          <li className={styles.moreCell}>
            <MoreSections
              label={t('nav.more')}
              listLabel={t('nav.moreSections')}
              current={more.some((entry) => isCurrentEntry(entry, pathname, params))}
            >
              {more.map((entry) => (
                <li key={entry.to}>{entryLink(entry, styles.moreLink)}</li>
              ))}
            </MoreSections>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

/** The "Mais" disclosure: a button and the list of the entries that do not fit the bar. */
function MoreSections({
  label,
  listLabel,
  current,
  children,
}: {
  label: string;
  listLabel: string;
  /** One of the hidden entries is the current page: the button carries the "you are here" mark. */
  current: boolean;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const sheetId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const wrapperRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      if (event.target instanceof Node && wrapperRef.current?.contains(event.target)) return;
      setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  return (
    <div ref={wrapperRef} className={styles.moreWrapper}>
      <button
        ref={buttonRef}
        type="button"
        className={styles.navLink}
        aria-expanded={open}
        aria-controls={sheetId}
        data-current={current ? 'true' : undefined}
        onClick={() => setOpen((o) => !o)}
      >
        <MoreIcon size={22} />
        <span>{label}</span>
      </button>
      {/* Following a link closes the sheet (the click bubbles from the link). */}
      <ul
        id={sheetId}
        className={styles.moreSheet}
        aria-label={listLabel}
        hidden={!open}
        onClick={(event) => {
          if (event.target instanceof Element && event.target.closest('a')) setOpen(false);
        }}
      >
        {children}
      </ul>
    </div>
  );
}
