import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import styles from './page.module.css';

/** Sets `document.title` to "<page> · Arco" while the page is shown. */
export function usePageTitle(page: string): void {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = t('app.pageTitle', { page });
  }, [page, t]);
}

/**
 * A screen: its `<h1>` (which receives focus after navigation — see route-focus.ts), an optional description,
 * and the content.
 */
export function Page({
  title,
  description,
  children,
}: {
  title: string;
  description?: ReactNode;
  children: ReactNode;
}) {
  usePageTitle(title);
  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <h1 className={styles.title} tabIndex={-1} data-page-heading="">
          {title}
        </h1>
        {description ? <p className={styles.description}>{description}</p> : null}
      </header>
      {children}
    </div>
  );
}
