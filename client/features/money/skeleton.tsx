import card from '../../ui/card.module.css';
import styles from './money.module.css';

/**
 * Placeholder cards while the device database answers (usually a few milliseconds; longer on a cold start).
 * One status message for assistive technology; the shapes themselves are hidden from it.
 */
export function LoadingCards({ label, count }: { label: string; count: number }) {
  return (
    <div className={card.grid} aria-busy="true">
      <p role="status" className="visually-hidden">
        {label}
      </p>
      {Array.from({ length: count }, (_, i) => (
        <div key={i} className={`${card.card} ${styles.skeleton}`} aria-hidden="true">
          <span className={styles.skeletonLine} />
          <span className={styles.skeletonLine} />
          <span className={styles.skeletonLineShort} />
        </div>
      ))}
    </div>
  );
}
