import { useMemo } from 'react';
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
 * Its `t` keeps its answers (`cachingT`) for as long as i18next's `t` is the same.
 */
export function useCustomersTranslation(): { t: CustomersT; language: AppLanguage } {
  const { t, i18n } = useTranslation(CUSTOMERS_NS);
  const language = isAppLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : DEFAULT_LANGUAGE;
  const cached = useMemo(() => cachingT(t), [t]);
  return { t: cached, language };
}

/**
 * `t` with its answers kept, by key and options: the same `t` always answers the same for the same key and
 * primitive options (react-i18next gives a new `t` when the language changes, and the cache goes with it; the
 * namespace's strings are all loaded before a component using it renders — Suspense). A keystroke in the
 * customer list renders the page, its status line, the cards and the rows of a new result, each asking
 * i18next to resolve and interpolate texts it already answered (≈ 1.5 ms a key at 10,000 customers, a CPU
 * profile of session 10). An option that is not a primitive (an object, a function) is never cached.
 */
export function cachingT(t: CustomersT): CustomersT {
  const answers = new Map<string, string>();
  return (key, options) => {
    let id: string = key;
    if (options)
      for (const [name, value] of Object.entries(options)) {
        if (typeof value === 'function' || (typeof value === 'object' && value !== null))
          return t(key, options);
        // The type too: a count of 1 and a name "1" are different questions.
        id += `\u0000${name}\u0001${typeof value}:${String(value)}`;
      }
    let text = answers.get(id);
    if (text === undefined) {
      text = t(key, options);
      answers.set(id, text);
    }
    return text;
  };
}
