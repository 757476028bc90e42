import type { FlatNamespace, i18n } from 'i18next';
import { createI18nInstance, type AppResources } from '../i18n/i18n.ts';
import { en } from '../i18n/resources/en.ts';
import { ptBR } from '../i18n/resources/pt-br.ts';
import type { FeatureManifest } from '../platform/feature-manifest.ts';
import type { AppLanguage } from '../ui/format.ts';
import { features } from './features.ts';

/** The shell's `translation` namespace plus every feature's, per language (i18next's resource layout). */
export function resourcesOf(manifests: readonly FeatureManifest[]): AppResources {
  const namespaces = (language: AppLanguage) =>
    Object.fromEntries(
      manifests.flatMap((f) => (f.i18n ? [[f.i18n.namespace, f.i18n.resources[language]]] : [])),
    );
  return {
    'pt-BR': { translation: ptBR, ...namespaces('pt-BR') },
    en: { translation: en, ...namespaces('en') },
  };
}

export const resources = resourcesOf(features);

const isNamespace = (ns: string): ns is FlatNamespace => ns in resources['pt-BR'];

/** Every namespace of the app (the shell's first), for code that shows keys of any feature (the navigation). */
export const namespaces: readonly FlatNamespace[] = Object.keys(resources['pt-BR']).filter(isNamespace);

/** The app's i18next instance in `language`, with every feature's namespace (client/i18n/i18n.ts). */
export const createI18n = (language: AppLanguage): i18n => createI18nInstance(language, resources);
