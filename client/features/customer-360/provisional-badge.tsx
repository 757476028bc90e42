import { useCustomer360Translation } from './use-customer-360-translation.ts';
import styles from './customer-360.module.css';

/**
 * The "provisório" mark next to a health score computed on this device (provisional-health.ts). The mark is
 * tied to its explanation (`ProvisionalNote`, shown as text under the KPI cards) by `aria-describedby`, so a
 * screen reader hears why the score is provisional; sighted users read the same sentence.
 */
export const PROVISIONAL_NOTE_ID = 'customer-360-provisional-note';

export function ProvisionalBadge() {
  const { t } = useCustomer360Translation();
  return (
    <span className={styles.provisionalBadge} aria-describedby={PROVISIONAL_NOTE_ID}>
      {t('provisional.badge')}
    </span>
  );
}

export function ProvisionalNote({ serverScore }: { serverScore: number | null }) {
  const { t } = useCustomer360Translation();
  return (
    <p id={PROVISIONAL_NOTE_ID} className={styles.provisionalNote}>
      <strong>{t('provisional.badge')}:</strong> {t('provisional.explanation')}
      {serverScore === null ? null : ` ${t('provisional.serverScore', { score: serverScore })}`}
    </p>
  );
}
