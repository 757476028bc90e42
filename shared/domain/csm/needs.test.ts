import { describe, expect, it } from 'vitest';
import {
  DEFAULT_NEEDS,
  findNeedMentions,
  mentionsNeed,
  needDefinitionSchema,
  normalizeText,
} from './needs.ts';

const keys = (text: string) => findNeedMentions(text).map((m) => m.key);

describe('needs dictionary (pt-BR, accent-insensitive)', () => {
  it('normalises accents, case and punctuation', () => {
    expect(normalizeText('Tráfego PAGO, e-mail marketing! Ação — São Paulo')).toBe(
      'trafego pago e mail marketing acao sao paulo',
    );
  });

  it.each([
    ['Cliente quer investir em tráfego pago', ['paid_traffic']],
    ['cliente quer investir em TRAFEGO PAGO', ['paid_traffic']],
    ['Pediram proposta de SEO e de landing page', ['seo', 'landing_page']],
    ['Querem começar com email marketing', ['email_marketing']],
    ['Querem começar com E-MAIL marketing', ['email_marketing']],
    ['Precisam de alguém para as redes sociais', ['social_media']],
    ['Vão lançar uma loja virtual em março', ['website']],
    ['A reunião foi em Seoul', []],
    ['Nada a ver: seocompany', []],
    ['Não tem interesse em SEO no momento', []],
    ['Disseram que não querem tráfego pago', []],
    ['O site deles não tem SEO nenhum', ['seo']],
    ['', []],
  ] as const)('%s → %j', (text, expected) => {
    expect(keys(text)).toEqual(expected);
  });

  it('flags interest when the sentence asks for it, not when the refusal is explicit', () => {
    expect(findNeedMentions('Pediram orçamento de SEO')).toEqual([
      { key: 'seo', sentence: 'Pediram orçamento de SEO', interest: true },
    ]);
    expect(findNeedMentions('Falamos sobre SEO')[0]?.interest).toBe(false);
    expect(findNeedMentions('Não tem interesse agora, mas falamos de SEO')[0]?.interest).toBe(false);
  });

  it('reports each sentence separately', () => {
    const m = findNeedMentions('Falamos de SEO. Depois, querem SEO local também!');
    expect(m.map((x) => [x.sentence, x.interest])).toEqual([
      ['Falamos de SEO', false],
      ['Depois, querem SEO local também', true],
    ]);
  });

  it('recognises a service already bought', () => {
    const seo = DEFAULT_NEEDS.find((n) => n.key === 'seo')!;
    expect(mentionsNeed('Gestão de SEO mensal', seo)).toBe(true);
    expect(mentionsNeed('Gestão de redes sociais', seo)).toBe(false);
  });

  it('the default dictionary is valid and has unique keys', () => {
    for (const n of DEFAULT_NEEDS) needDefinitionSchema.parse(n);
    expect(new Set(DEFAULT_NEEDS.map((n) => n.key)).size).toBe(DEFAULT_NEEDS.length);
    for (const k of ['seo', 'paid_traffic', 'email_marketing', 'landing_page', 'social_media']) {
      expect(DEFAULT_NEEDS.map((n) => n.key)).toContain(k);
    }
  });
});
