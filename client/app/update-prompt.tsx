import { useTranslation } from 'react-i18next';
import styles from './update-prompt.module.css';

/**
 * The "Nova versão disponível — Recarregar" toast (registerType: 'prompt'). Presentational; the service
 * worker wiring is in service-worker-updates.tsx. Lives in a polite live region so it is announced without
 * stealing focus from whatever the user is doing. It floats because it asks for a decision; the calm
 * "pronto para uso offline" news is a line in the page's flow instead (offline-ready.tsx).
 */
export function UpdatePrompt({
  needRefresh,
  onReload,
  onClose,
}: {
  needRefresh: boolean;
  onReload: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className={styles.region} role="status" aria-live="polite">
      {needRefresh ? (
        <div className={styles.toast} data-testid="update-prompt">
          <p className={styles.message}>{t('update.available')}</p>
          <div className={styles.actions}>
            <button type="button" className={styles.ghost} onClick={onClose}>
              {t('update.later')}
            </button>
            <button type="button" className={styles.primary} onClick={onReload}>
              {t('update.reload')}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
