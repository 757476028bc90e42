import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useDependencies } from '../platform/dependencies.tsx';
import { useDeviceData } from '../db/device-data.tsx';
import { DEFAULT_LANGUAGE, isAppLanguage, saveLanguagePreference } from './i18n.ts';
import type { AppLanguage } from '../ui/format.ts';

/**
 * The current UI language and a setter that remembers the choice on this device and, when someone is signed
 * in, in their profile (queued while offline; see db/device-settings.ts).
 */
export function useLanguage(): {
  language: AppLanguage;
  setLanguage: (language: AppLanguage) => Promise<void>;
} {
  const { i18n } = useTranslation();
  const { store } = useDependencies();
  const settings = useDeviceData().session?.settings;
  const language = isAppLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : DEFAULT_LANGUAGE;
  const setLanguage = useCallback(
    async (next: AppLanguage) => {
      saveLanguagePreference(store, next);
      await i18n.changeLanguage(next);
      await settings?.updateProfile({ locale: next });
    },
    [i18n, store, settings],
  );
  return { language, setLanguage };
}
