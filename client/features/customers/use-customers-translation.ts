import { useTranslation } from 'react-i18next';
import { DEFAULT_LANGUAGE, isAppLanguage } from '../../i18n/i18n.ts';
import type { AppLanguage } from '../../ui/format.ts';
import type { customersPtBR } from './i18n.ts';

/** The i18next namespace of this feature (registered in client/i18n/i18n.ts `resources`). */
export const CUSTOMERS_NS = 'customers';

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
type PluralBase<K> = K extends `${infer B}_one` ? B : K extends `${infer B}_other` ? B : K;

/** Every key of the namespace, plural keys by their base name (`list.showing` for `list.showing_one|_other`). */
export type CustomersKey = PluralBase<Leaves<typeof customersPtBR>>;
export type CustomersT = (key: CustomersKey, options?: Record<string, unknown>) => string;

/**
 * `useTranslation('customers')` with keys checked against the pt-BR resource. The app's `CustomTypeOptions`
 * (client/i18n/i18next.d.ts) types only the namespaces listed there, so the namespace name is passed untyped
 * and the `t` function is re-typed here from this feature's own resource.
 */
export function useCustomersTranslation(): { t: CustomersT; language: AppLanguage } {
  const { t, i18n } = useTranslation(CUSTOMERS_NS as never);
  const language = isAppLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : DEFAULT_LANGUAGE;
  return { t: t as unknown as CustomersT, language };
}
