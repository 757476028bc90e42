import type { FlatNamespace, i18n } from 'i18next';
import { createI18nInstance, type AppResources, type LoadLanguage } from '../i18n/i18n.ts';
import { ptBR } from '../i18n/resources/pt-br.ts';
import type { FeatureManifest } from '../platform/feature-manifest.ts';
import type { AppLanguage } from '../ui/format.ts';
import { features } from './features.ts';

/**
 * Only the shell's pt-BR strings (`translation`: sync state, errors, the frame) are in the first load. Every
 * feature's strings, in both languages, are chunks of their own (its `i18n.ts` and `i18n-en.ts`), fetched when
 * a screen first needs them: the feature's route asks for its namespace as it opens, beside the page's own
 * chunk (routes.tsx), a component of another feature suspends until its namespace is here, and once the first
 * screen is drawn the rest are fetched in idle time (`preloadAllStrings`), so later screens open without
 * waiting. English's `translation` is a chunk too. Together ≈ 27 KB brotli that the first route no longer
 * carries (issue 16's 200 KB budget, scripts/vite/budget-routes.ts). The service worker precaches every
 * chunk, so screens and the language switch work offline.
 */
type Loader = () => Promise<object>;

/** Each namespace's loader in each language: the shell's English and every feature's two. */
export function stringLoadersOf(
  manifests: readonly FeatureManifest[],
): Readonly<Record<AppLanguage, Readonly<Record<string, Loader>>>> {
  const of = (language: AppLanguage) =>
    Object.fromEntries(
      manifests.flatMap((f) => (f.i18n ? [[f.i18n.namespace, f.i18n.resources[language]]] : [])),
    ) as Record<string, Loader>;
  return {
    'pt-BR': { translation: () => Promise.resolve(ptBR), ...of('pt-BR') },
    en: { translation: () => import('../i18n/resources/en.ts').then((m) => m.en), ...of('en') },
  };
}

/** What the first load carries: the shell's pt-BR strings. */
export const bundledResources: AppResources = { 'pt-BR': { translation: ptBR } };
const loaders = stringLoadersOf(features);

const isNamespace = (ns: string): ns is FlatNamespace => ns in loaders['pt-BR'];

/** Every namespace of the app, the shell's first. */
export const namespaces: readonly FlatNamespace[] = Object.keys(loaders['pt-BR']).filter(isNamespace);

/** One namespace's strings in one language (the i18next backend of client/i18n/i18n.ts). */
export const loadLanguage: LoadLanguage = async (language, namespace) => {
  const load = loaders[language][namespace];
  if (!load) throw new Error(`no ${language} strings for namespace ${namespace}`);
  return load();
};

/** Every namespace's strings in `language`, i18next's resource layout (tests render synchronously). */
export async function loadAllStrings(language: AppLanguage): Promise<AppResources> {
  const entries = await Promise.all(
    namespaces.map(async (ns) => [ns, await loadLanguage(language, ns)] as const),
  );
  return { [language]: Object.fromEntries(entries) };
}

/**
 * The app's i18next instance in `language` (client/i18n/i18n.ts), with the shell's namespace only: wait for
 * `i18n.loadLanguages(language)` before the first render (main.tsx: English's shell strings are a chunk), or
 * pass every string already loaded with `loadAllStrings` (tests).
 */
export const createI18n = (language: AppLanguage, preloaded?: AppResources): i18n =>
  createI18nInstance(language, {
    resources: { ...bundledResources, ...preloaded },
    namespaces: ['translation'],
    load: loadLanguage,
  });

/**
 * Fetches every namespace not yet loaded in the current language once the browser is idle, so a screen
 * opened later (online or off) never waits for its strings. Already-loaded namespaces cost nothing. Returns
 * the cancel of the wait (a shell that leaves before the browser is idle fetches nothing).
 */
export function preloadAllStrings(instance: i18n, whenIdle: (run: () => void) => () => void): () => void {
  return whenIdle(() => void instance.loadNamespaces([...namespaces]));
}
