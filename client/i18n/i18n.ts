import i18next, { type BackendModule, type i18n, type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { AppLanguage } from '../ui/format.ts';
import type { KeyValueStore } from '../platform/key-value-store.ts';

export const LANGUAGES: readonly AppLanguage[] = ['pt-BR', 'en'];
export const DEFAULT_LANGUAGE: AppLanguage = 'pt-BR';
const LANGUAGE_KEY = 'arco.language';

/** Per language, each namespace's strings: the shell's `translation` and the features' (client/app/i18n.ts). */
export type AppResources = Readonly<Partial<Record<AppLanguage, Readonly<Record<string, object>>>>>;

/** Fetches one namespace of a language that is not bundled (client/app/i18n.ts: English is a lazy chunk). */
export type LoadLanguage = (language: AppLanguage, namespace: string) => Promise<object>;

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
 * One i18next instance per app (no global singleton, so tests can run several side by side). The bundled
 * resources (the shell's pt-BR) make initialisation synchronous; `namespaces` are those loaded at start, any
 * other is fetched on first use (react-i18next suspends the component until it is here). A namespace missing
 * from the bundled resources is fetched through `load` (an i18next backend) — also every namespace already in
 * use when `changeLanguage` switches, before it resolves: a lazy chunk, precached by the service worker, so
 * also offline. Until it arrives, the app keeps the language it had.
 */
export function createI18nInstance(
  language: AppLanguage,
  options: { resources: AppResources; namespaces: readonly string[]; load: LoadLanguage },
): i18n {
  const instance = i18next.createInstance();
  const backend: BackendModule = {
    type: 'backend',
    init: () => undefined,
    read: (lng, ns, callback) => {
      if (!isAppLanguage(lng)) return callback(null, {});
      options.load(lng, ns).then(
        (strings) => callback(null, strings as ResourceKey),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), null),
      );
    },
  };
  void instance
    .use(backend)
    .use(initReactI18next)
    .init({
      lng: language,
      fallbackLng: DEFAULT_LANGUAGE,
      supportedLngs: LANGUAGES,
      resources: options.resources,
      // Bundled strings are used as they are; the backend is asked only for the namespaces they lack.
      partialBundledLanguages: true,
      ns: [...options.namespaces],
      defaultNS: 'translation',
      initAsync: false,
      interpolation: { escapeValue: false }, // React escapes.
      returnNull: false,
    });
  return instance;
}
