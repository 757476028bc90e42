import { useTranslation } from 'react-i18next';
import { DEFAULT_LANGUAGE, isAppLanguage } from '../../i18n/i18n.ts';
import type { AppLanguage } from '../../ui/format.ts';
import type { customersPtBR } from './i18n.ts';

/** The i18next namespace of this feature (its manifest registers it). */
export const CUSTOMERS_NS = 'customers';

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
type PluralBase<K> = K extends `${infer B}_one` ? B : K extends `${infer B}_other` ? B : K;

/** Every key of the namespace, plural keys by their base name (`list.showing` for `list.showing_one|_other`). */
export type CustomersKey = PluralBase<Leaves<typeof customersPtBR>>;
export type CustomersT = (key: CustomersKey, options?: Record<string, unknown>) => string;

/**
 * `useTranslation('customers')` with keys checked against the pt-BR resource (the namespace is typed through
 * its manifest, client/app/i18next.d.ts), plus the UI language for the feature's own number formatting.
 */
export function useCustomersTranslation(): { t: CustomersT; language: AppLanguage } {
  const { t, i18n } = useTranslation(CUSTOMERS_NS);
  const language = isAppLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : DEFAULT_LANGUAGE;
  return { t, language };
}
