import { useCallback, useEffect, useState, type ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { useDependencies } from '../../platform/dependencies.tsx';
import { OnlineSection, type SectionMessage } from '../../ui/online-section.tsx';
import type { SecurityFailure, SecurityResult } from './security-api.ts';

export type SecurityMessage = SectionMessage;

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

/** The online section frame with the security namespace's offline and retry texts. */
export function SecuritySection(props: Omit<ComponentProps<typeof OnlineSection>, 'text'>) {
  const { t } = useTranslation('security');
  return <OnlineSection {...props} text={{ offline: t('errors.offline'), retry: t('errors.retry') }} />;
}
