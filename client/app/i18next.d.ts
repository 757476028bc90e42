import 'i18next';
import type { ptBR } from '../i18n/resources/pt-br.ts';
import type { FeatureNamespaces } from '../platform/feature-manifest.ts';
import type { features } from './features.ts';

/**
 * Typed keys: `t('sync.pending', { count })` is checked against the pt-BR resource of its namespace — the
 * shell's `translation` and every feature's, derived from the manifests in client/app/features.ts.
 */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof ptBR } & FeatureNamespaces<typeof features>;
  }
}
