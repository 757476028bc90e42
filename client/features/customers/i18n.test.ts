import { describe, expect, it } from 'vitest';
import { createTestI18n as createI18n } from '../../test/i18n.ts';
import { customersPtBR } from './i18n.ts';
import { customersEn } from './i18n-en.ts';
import { CUSTOMERS_NS } from './use-customers-translation.ts';

type Tree = { readonly [key: string]: string | Tree };
const flatten = (tree: Tree, prefix = ''): [string, string][] =>
  Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : flatten(v, `${prefix}${k}.`),
  );
/** `{{count}}` and `{{count, number}}` both name the variable `count`. */
const variables = (text: string) =>
  [...text.matchAll(/\{\{\s*(\w+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1]).sort();

describe('customers namespace', () => {
  const pt = new Map(flatten(customersPtBR));
  const en = new Map(flatten(customersEn));

  it('has the same keys and interpolation variables in both languages, none empty', () => {
    expect([...en.keys()]).toEqual([...pt.keys()]);
    for (const [key, text] of pt) {
      expect(text.trim(), key).not.toBe('');
      expect(en.get(key)?.trim(), key).not.toBe('');
      expect(variables(en.get(key) ?? ''), key).toEqual(variables(text));
    }
  });

  it('is registered in the app i18n and formats counts per language', () => {
    const t = (lng: 'pt-BR' | 'en') =>
      createI18n(lng).getFixedT(lng, CUSTOMERS_NS as never) as (k: string, o?: object) => string;
    expect(t('pt-BR')('list.showing', { shown: 1279, count: 10091 })).toBe(
      'Mostrando 1.279 de 10.091 clientes',
    );
    expect(t('pt-BR')('list.showing', { shown: 1, count: 1 })).toBe('Mostrando 1 de 1 cliente');
    expect(t('en')('list.showing', { shown: 1279, count: 10091 })).toBe('Showing 1,279 of 10,091 customers');
    expect(t('pt-BR')('kpi.countWithShare', { count: 67, share: '75%' })).toBe('67 (75%)');
  });
});
