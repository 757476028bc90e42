import { describe, expect, it, vi } from 'vitest';
import { bundledResources, createI18n, namespaces as appNamespaces, preloadAllStrings } from './i18n.ts';
import { englishStrings, portugueseStrings } from '../test/i18n.ts';

const resources = { 'pt-BR': portugueseStrings['pt-BR']!, en: englishStrings.en! };

type Tree = { readonly [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

/** Every namespace registered in `resources` (the shell's and each feature's), flattened per language. */
const namespaces = Object.keys(resources['pt-BR']);

describe.each(namespaces)('translations of namespace %s', (ns) => {
  const pt = flatten(resources['pt-BR'][ns] as Tree);
  const english = flatten(resources.en[ns] as Tree);

  it('every pt-BR key exists in English', () => {
    expect([...pt.keys()].filter((k) => !english.has(k))).toEqual([]);
  });

  it('every English key exists in pt-BR', () => {
    expect([...english.keys()].filter((k) => !pt.has(k))).toEqual([]);
  });

  it('no string is empty', () => {
    for (const [key, text] of [...pt, ...english]) expect(text.trim(), key).not.toBe('');
  });

  it('both languages use the same interpolation variables in each string', () => {
    const mismatched = [...pt].filter(([key, text]) => {
      const other = english.get(key);
      return other !== undefined && placeholders(text).join() !== placeholders(other).join();
    });
    expect(mismatched.map(([k]) => k)).toEqual([]);
  });

  it('plural keys come in complete _one/_other pairs', () => {
    for (const key of pt.keys()) {
      const base = key.replace(/_(one|other)$/, '');
      if (base === key) continue;
      expect(pt.has(`${base}_one`) && pt.has(`${base}_other`), base).toBe(true);
    }
  });
});

describe('createI18n', () => {
  it('renders pt-BR by default, with plurals', () => {
    const i18n = createI18n('pt-BR');
    expect(i18n.t('sync.pending', { count: 1 })).toBe('1 pendente');
    expect(i18n.t('sync.pending', { count: 3 })).toBe('3 pendentes');
    expect(i18n.t('app.pageTitle', { page: 'Ajustes' })).toBe('Ajustes · Arco');
  });

  it('carries only the shell’s pt-BR strings in the first load; a feature’s arrive when asked for', async () => {
    expect(Object.keys(bundledResources['pt-BR']!)).toEqual(['translation']);
    const i18n = createI18n('pt-BR');
    expect(i18n.hasResourceBundle('pt-BR', 'customers')).toBe(false);
    await i18n.loadNamespaces('customers');
    expect(i18n.t('customers:title')).toBe('Clientes');
  });

  it('switches to English at runtime, fetching every namespace in use on demand', async () => {
    const i18n = createI18n('pt-BR');
    await i18n.loadNamespaces('customers');
    expect(i18n.hasResourceBundle('en', 'translation')).toBe(false);
    await i18n.changeLanguage('en');
    expect(i18n.t('signIn.submit')).toBe('Sign in');
    expect(i18n.t('customers:title')).toBe('Customers');
  });

  it('starts in English once its shell strings are loaded, a feature’s on first use', async () => {
    const i18n = createI18n('en');
    await i18n.loadLanguages('en');
    expect(i18n.t('signIn.submit')).toBe('Sign in');
    await i18n.loadNamespaces('customers');
    expect(i18n.t('customers:title')).toBe('Customers');
  });

  it('preloads every namespace when idle', async () => {
    const i18n = createI18n('pt-BR');
    let idle: (() => void) | undefined;
    preloadAllStrings(i18n, (run) => {
      idle = run;
      return () => undefined;
    });
    expect(i18n.hasResourceBundle('pt-BR', 'tickets')).toBe(false);
    idle!();
    await vi.waitFor(() =>
      expect(appNamespaces.filter((ns) => !i18n.hasResourceBundle('pt-BR', ns))).toEqual([]),
    );
  });

  it('keeps instances independent', () => {
    const a = createI18n('pt-BR');
    const b = createI18n('en', englishStrings);
    expect(a.t('signIn.submit')).toBe('Entrar');
    expect(b.t('signIn.submit')).toBe('Sign in');
  });
});
