import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../platform/use-format.ts';
import { formatNumber } from '../../ui/format.ts';
import type { ErrorMessage } from './staff-writes.ts';

/** The support area's write errors in the UI language (keys of its `errors` strings, with their limit). */
export function useErrorText(): (error: ErrorMessage | null | undefined) => string | undefined {
  const { t } = useTranslation('supportQueue');
  const { language } = useFormat();
  return useCallback(
    (error) =>
      error
        ? t(`errors.${error.key}`, {
            max: error.max === undefined ? '' : formatNumber(error.max, { language }),
          })
        : undefined,
    [t, language],
  );
}
