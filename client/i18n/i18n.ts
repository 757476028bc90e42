import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { AppLanguage } from '../ui/format.ts';
import type { KeyValueStore } from '../platform/key-value-store.ts';

export const LANGUAGES: readonly AppLanguage[] = ['pt-BR', 'en'];
export const DEFAULT_LANGUAGE: AppLanguage = 'pt-BR';
const LANGUAGE_KEY = 'arco.language';

/** Per language, each namespace's strings: the shell's `translation` and the features' (client/app/i18n.ts). */
export type AppResources = Readonly<Record<AppLanguage, Readonly<Record<string, object>>>>;

export function isAppLanguage(value: unknown): value is AppLanguage {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Maps a BCP 47 tag from a profile ("pt", "pt-BR", "en-US") to a UI language, or null. */
export function languageFromLocale(locale: string | null | undefined): AppLanguage | null {
  if (!locale) return null;
  const lower = locale.toLowerCase();
  if (lower === 'pt' || lower.startsWith('pt-')) return 'pt-BR';
  if (lower === 'en' || lower.startsWith('en-')) return 'en';
  return null;
}

/** The language the user chose on this device, if any. */
export function readLanguagePreference(store: KeyValueStore): AppLanguage | null {
  const stored = store.getItem(LANGUAGE_KEY);
  return isAppLanguage(stored) ? stored : null;
}

export function saveLanguagePreference(store: KeyValueStore, language: AppLanguage): void {
  store.setItem(LANGUAGE_KEY, language);
}

/**
 * One i18next instance per app (no global singleton, so tests can run several side by side). Resources are
 * bundled, so initialisation is synchronous and the first render is already translated — also offline.
 */
export function createI18nInstance(language: AppLanguage, resources: AppResources): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: LANGUAGES,
    resources,
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes.
    returnNull: false,
  });
  return instance;
}
