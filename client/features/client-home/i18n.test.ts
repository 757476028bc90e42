import { describe, expect, it } from 'vitest';
import { createI18n } from '../../i18n/i18n.ts';
import { clientHomeEn, clientHomePtBR } from './i18n.ts';

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

describe('clientHome namespace', () => {
  const pt = flatten(clientHomePtBR);
  const en = flatten(clientHomeEn);

  it('has the same keys and interpolation variables in both languages', () => {
    expect([...en.keys()].sort()).toEqual([...pt.keys()].sort());
    const mismatched = [...pt].filter(
      ([key, text]) => placeholders(text).join() !== placeholders(en.get(key) ?? '').join(),
    );
    expect(mismatched.map(([k]) => k)).toEqual([]);
  });

  it('plural keys come in _one/_other pairs and no string is empty', () => {
    for (const [key, text] of [...pt, ...en]) {
      expect(text.trim(), key).not.toBe('');
      const base = key.replace(/_(one|other)$/, '');
      if (base !== key) expect(pt.has(`${base}_one`) && pt.has(`${base}_other`), base).toBe(true);
    }
  });

  it('is registered with the app’s i18n instance', () => {
    const t = createI18n('pt-BR').getFixedT('pt-BR', 'clientHome');
    expect(t('company.seats', { count: 10, active: 4 })).toBe('4 de 10 licenças em uso');
    const tEn = createI18n('en').getFixedT('en', 'clientHome');
    expect(tEn('tickets.statusWithDetail', { status: 'Open', detail: 'SLA: 1h' })).toBe('Open (SLA: 1h)');
  });
});
