import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/button.tsx';
import { BellIcon } from '../../ui/icons.tsx';
import { Notice } from '../../ui/notice.tsx';
import { usePushControl, type PushControl, type PushOutcome } from './use-push.ts';
import styles from './notifications.module.css';

/**
 * The inbox's offer to receive pushes on this device. The user opened the inbox from the bell, so asking here
 * is asking at a moment they chose; the browser's own prompt appears only after a tap on "Ativar". Nothing is
 * shown once pushes are on, on a browser without them, or after a "not now" (settings still offers them).
 * A refusal by the browser is explained once, with how to undo it.
 */
export function PushOptIn() {
  const { t } = useTranslation('notifications');
  const control = usePushControl();
  const titleId = useId();
  const { state, declined, busy, outcome } = control;
  if (state === null || state === 'unsupported') return null;
  if (state === 'on') return outcome === 'on' ? <PushOutcomeNotice outcome="on" /> : null;
  if (declined && outcome === null) return null;
  if (state === 'denied') {
    return (
      <section className={styles.optIn} aria-labelledby={titleId}>
        <h2 id={titleId} className={styles.optInTitle}>
          {t('push.deniedTitle')}
        </h2>
        <p>{t('push.deniedBody')}</p>
        <div className={styles.optInActions}>
          <Button variant="secondary" onClick={control.decline}>
            {t('push.understood')}
          </Button>
        </div>
      </section>
    );
  }
  return (
    <section className={styles.optIn} aria-labelledby={titleId}>
      <h2 id={titleId} className={styles.optInTitle}>
        {t('push.inviteTitle')}
      </h2>
      <p>{t('push.inviteBody')}</p>
      <PushOutcomeNotice outcome={outcome} />
      <div className={styles.optInActions}>
        <EnableButton control={control} />
        <Button variant="secondary" onClick={control.decline} disabled={busy}>
          {t('push.notNow')}
        </Button>
      </div>
    </section>
  );
}

export function EnableButton({ control }: { control: PushControl }) {
  const { t } = useTranslation('notifications');
  return (
    <Button variant="primary" onClick={() => void control.enable()} disabled={control.busy}>
      <BellIcon size={18} />
      {control.busy ? t('push.enabling') : t('push.enable')}
    </Button>
  );
}

/** What the last tap did, said in place: errors as alerts, success as a calm status. */
export function PushOutcomeNotice({ outcome }: { outcome: PushOutcome | null }) {
  const { t } = useTranslation('notifications');
  switch (outcome) {
    case 'on':
      return (
        <Notice tone="info" role="status">
          {t('push.enabled')}
        </Notice>
      );
    case 'disabled':
      return (
        <Notice tone="info" role="status">
          {t('push.disabled')}
        </Notice>
      );
    case 'offline':
      return (
        <Notice tone="warning" role="alert">
          {t('push.offline')}
        </Notice>
      );
    case 'failed':
      return (
        <Notice tone="error" role="alert">
          {t('push.failed')}
        </Notice>
      );
    case 'dismissed':
      return (
        <Notice tone="info" role="status">
          {t('push.dismissed')}
        </Notice>
      );
    case 'unsupported':
      return (
        <Notice tone="info" role="status">
          {t('push.unsupported')}
        </Notice>
      );
    default:
      return null;
  }
}
