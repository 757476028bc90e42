import { useCallback, useEffect, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDependencies } from '../../platform/dependencies.tsx';
import { Button } from '../../ui/button.tsx';
import { Notice } from '../../ui/notice.tsx';
import type { SecurityFailure, SecurityResult } from './security-api.ts';
import styles from './security.module.css';

export type SecurityMessage = { readonly tone: 'info' | 'error'; readonly text: string };

/**
 * A security list read from the server while online (passkeys, signed-in devices): loaded when the device is or
 * comes online, kept on screen offline, with the last load's failure for the retry notice.
 */
export function useServerList<T>(
  list: (fetchFn: typeof fetch) => Promise<SecurityResult<T[]>>,
  online: boolean,
  order: (items: T[]) => T[] = (items) => items,
) {
  const { fetch: fetchFn } = useDependencies();
  const [items, setItems] = useState<T[] | null>(null);
  const [loadFailure, setLoadFailure] = useState<SecurityFailure | null>(null);

  const load = useCallback(async () => {
    const result = await list(fetchFn);
    if (result.ok) {
      setItems(order(result.value));
      setLoadFailure(null);
    } else setLoadFailure(result.error);
    // `list` and `order` are module-level functions of the callers; the fetch is what changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- see above
  }, [fetchFn]);

  useEffect(() => {
    if (online) void load();
  }, [load, online]);

  return { items, loadFailure, load, fetchFn };
}

/**
 * The frame every security section shares: title, intro, the offline or load-failure notice (with "Tentar de
 * novo"), the last action's message (an alert when it failed), then the section's own content.
 */
export function SecuritySection({
  title,
  intro,
  online,
  loadFailure,
  onRetry,
  message,
  children,
}: {
  title: string;
  intro: string;
  online: boolean;
  /** The text of the last load's failure, or null. */
  loadFailure: string | null;
  onRetry: () => void;
  message: SecurityMessage | null;
  children: ReactNode;
}) {
  const { t } = useTranslation('security');
  const titleId = useId();
  return (
    <section className={styles.section} aria-labelledby={titleId}>
      <h2 id={titleId} className={styles.sectionTitle}>
        {title}
      </h2>
      <p className={styles.muted}>{intro}</p>

      {!online ? (
        <Notice tone="warning">
          <p>{t('errors.offline')}</p>
        </Notice>
      ) : loadFailure !== null ? (
        <Notice tone="error">
          <p>{loadFailure}</p>
          <Button variant="secondary" onClick={onRetry}>
            {t('errors.retry')}
          </Button>
        </Notice>
      ) : null}
      {message ? (
        <Notice tone={message.tone} role={message.tone === 'error' ? 'alert' : 'status'}>
          <p>{message.text}</p>
        </Notice>
      ) : null}

      {children}
    </section>
  );
}
