import type { ReactNode } from 'react';
import styles from './customer-360.module.css';

/**
 * One section card of a 360 tab: a `<section>` named by its h3 (one level below the tab's heading), so screen
 * readers list it among the page's landmarks. `wide` spans the tab's grid row.
 */
export function TabSection({
  id,
  title,
  wide = false,
  children,
}: {
  /** Unique on the page: the heading's id, which names the section. */
  id: string;
  title: string;
  wide?: boolean;
  children: ReactNode;
}) {
  return (
    <section className={wide ? `${styles.section} ${styles.wide}` : styles.section} aria-labelledby={id}>
      <h3 id={id} className={styles.sectionTitle}>
        {title}
      </h3>
      {children}
    </section>
  );
}
