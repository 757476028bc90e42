import type { FlatNamespace, i18n } from 'i18next';
import { createI18nInstance, type AppResources, type LoadLanguage } from '../i18n/i18n.ts';
import { ptBR } from '../i18n/resources/pt-br.ts';
import type { FeatureManifest } from '../platform/feature-manifest.ts';
import type { AppLanguage } from '../ui/format.ts';
import { features } from './features.ts';

/**
 * The pt-BR strings — the shell's `translation` namespace plus every feature's — are in the first load; the
 * English ones are fetched when the app starts or switches to English (each feature's `i18n-en.ts` and the
 * shell's `resources/en.ts`, chunks of their own: ≈ 20 KB brotli the staff's first route no longer carries).
 * The service worker precaches those chunks like every other, so the language switch works offline.
 */
export function bundledResourcesOf(manifests: readonly FeatureManifest[]): AppResources {
  return {
    'pt-BR': {
      translation: ptBR,
      ...Object.fromEntries(
        manifests.flatMap((f) => (f.i18n ? [[f.i18n.namespace, f.i18n.resources['pt-BR']]] : [])),
      ),
    },
  };
}

/** Each namespace's English strings, loaded on demand (the shell's and each feature's). */
export function englishLoadersOf(
  manifests: readonly FeatureManifest[],
): Readonly<Record<string, () => Promise<object>>> {
  return {
    translation: () => import('../i18n/resources/en.ts').then((m) => m.en),
    ...Object.fromEntries(
      manifests.flatMap((f) => (f.i18n ? [[f.i18n.namespace, f.i18n.resources.en]] : [])),
    ),
  };
}

export const bundledResources = bundledResourcesOf(features);
const englishLoaders = englishLoadersOf(features);

const isNamespace = (ns: string): ns is FlatNamespace => ns in bundledResources['pt-BR']!;

/** Every namespace of the app (the shell's first), for code that shows keys of any feature (the navigation). */
export const namespaces: readonly FlatNamespace[] = Object.keys(bundledResources['pt-BR']!).filter(
  isNamespace,
);

/** One namespace's strings in a language that is not bundled (today English). */
export const loadLanguage: LoadLanguage = async (language, namespace) => {
  const load = language === 'en' ? englishLoaders[namespace] : undefined;
  if (!load) throw new Error(`no ${language} strings for namespace ${namespace}`);
  return load();
};

/** Every namespace's strings in `language`, i18next's resource layout (tests render English synchronously). */
export async function loadAllStrings(language: AppLanguage): Promise<AppResources> {
  if (language === 'pt-BR') return bundledResources;
  const entries = await Promise.all(
    namespaces.map(async (ns) => [ns, await loadLanguage(language, ns)] as const),
  );
  return { [language]: Object.fromEntries(entries) };
}

/**
 * The app's i18next instance in `language`, with every feature's namespace (client/i18n/i18n.ts). English
 * arrives asynchronously: wait for `i18n.loadLanguages(language)` before the first render (main.tsx), or pass
 * resources already loaded with `loadAllStrings` (tests).
 */
export const createI18n = (language: AppLanguage, preloaded?: AppResources): i18n =>
  createI18nInstance(language, {
    resources: { ...bundledResources, ...preloaded },
    namespaces,
    load: loadLanguage,
  });
