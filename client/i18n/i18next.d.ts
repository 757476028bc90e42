import 'i18next';
import type { ptBR } from './resources/pt-br.ts';
import type { clientHomePtBR } from '../features/client-home/i18n.ts';

/** Typed keys: `t('sync.pending', { count })` is checked against the pt-BR resource. */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof ptBR; clientHome: typeof clientHomePtBR };
  }
}
