import 'i18next';
import type { ptBR } from './resources/pt-br.ts';

/** Typed keys: `t('sync.pending', { count })` is checked against the pt-BR resource. */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof ptBR };
  }
}
