import { z } from 'zod';

/**
 * Needs mentioned in activity notes (customers spec §5.3 "cross-sell based on conversation analysis"), found
 * with a pt-BR keyword dictionary — deterministic and offline, no model. Matching is accent- and
 * case-insensitive and on whole words ("seo" does not match "seoul"; "e-mail marketing" matches
 * "email marketing" and "E-MAIL MARKETING").
 *
 * A mention is ignored when an explicit refusal precedes it in the same sentence ("não tem interesse em SEO",
 * "não querem tráfego pago"); a bare "não" is not a refusal ("o site não tem SEO" is a need).
 */

export const needDefinitionSchema = z.strictObject({
  key: z
    .string()
    .regex(/^[a-z0-9_]+$/)
    .max(40),
  /** pt-BR name used in titles: "Cross-sell: SEO". */
  title: z.string().min(1).max(80),
  keywords: z.array(z.string().min(1).max(60)).min(1).max(50),
  /** The agency's typical monthly price for the service, in cents. */
  estimatedMonthlyValueCents: z.number().int().min(0),
  /** Probability (0–100) of a plain mention, before the interest and repetition bonuses. */
  baseProbability: z.number().int().min(0).max(100),
});
export type NeedDefinition = z.infer<typeof needDefinitionSchema>;

/** Default catalogue of a Brazilian digital agency's services; organizations may pass their own. */
export const DEFAULT_NEEDS: readonly NeedDefinition[] = [
  {
    key: 'seo',
    title: 'SEO',
    keywords: [
      'seo',
      'otimização para buscadores',
      'busca orgânica',
      'tráfego orgânico',
      'ranquear no google',
      'posicionamento no google',
    ],
    estimatedMonthlyValueCents: 250_000,
    baseProbability: 30,
  },
  {
    key: 'paid_traffic',
    title: 'Tráfego pago',
    keywords: [
      'tráfego pago',
      'mídia paga',
      'google ads',
      'meta ads',
      'facebook ads',
      'anúncios pagos',
      'campanhas pagas',
      'links patrocinados',
    ],
    estimatedMonthlyValueCents: 300_000,
    baseProbability: 30,
  },
  {
    key: 'email_marketing',
    title: 'E-mail marketing',
    keywords: [
      'e-mail marketing',
      'email marketing',
      'newsletter',
      'automação de e-mail',
      'automação de email',
      'disparo de e-mails',
      'régua de e-mails',
    ],
    estimatedMonthlyValueCents: 120_000,
    baseProbability: 30,
  },
  {
    key: 'landing_page',
    title: 'Landing page',
    keywords: [
      'landing page',
      'landing pages',
      'página de captura',
      'páginas de captura',
      'página de vendas',
    ],
    estimatedMonthlyValueCents: 150_000,
    baseProbability: 35,
  },
  {
    key: 'social_media',
    title: 'Redes sociais',
    keywords: [
      'redes sociais',
      'rede social',
      'social media',
      'instagram',
      'tiktok',
      'linkedin',
      'gestão de redes',
    ],
    estimatedMonthlyValueCents: 200_000,
    baseProbability: 30,
  },
  {
    key: 'content',
    title: 'Marketing de conteúdo',
    keywords: ['marketing de conteúdo', 'produção de conteúdo', 'blog', 'copywriting', 'artigos para o site'],
    estimatedMonthlyValueCents: 180_000,
    baseProbability: 25,
  },
  {
    key: 'website',
    title: 'Site e e-commerce',
    keywords: ['site novo', 'novo site', 'redesign do site', 'e-commerce', 'ecommerce', 'loja virtual'],
    estimatedMonthlyValueCents: 400_000,
    baseProbability: 25,
  },
  {
    key: 'marketing_automation',
    title: 'Automação de marketing e CRM',
    keywords: ['automação de marketing', 'crm', 'rd station', 'hubspot', 'nutrição de leads'],
    estimatedMonthlyValueCents: 150_000,
    baseProbability: 25,
  },
  {
    key: 'video',
    title: 'Produção de vídeo',
    keywords: ['produção de vídeo', 'vídeo institucional', 'vídeos institucionais', 'youtube', 'reels'],
    estimatedMonthlyValueCents: 250_000,
    baseProbability: 25,
  },
  {
    key: 'branding',
    title: 'Branding',
    keywords: ['branding', 'rebranding', 'identidade visual', 'logo novo', 'novo logo'],
    estimatedMonthlyValueCents: 350_000,
    baseProbability: 20,
  },
  {
    key: 'analytics',
    title: 'Analytics e BI',
    keywords: [
      'google analytics',
      'ga4',
      'business intelligence',
      'painel de indicadores',
      'dashboard de marketing',
    ],
    estimatedMonthlyValueCents: 100_000,
    baseProbability: 25,
  },
];

/** Words that signal interest or need (normalised). */
const INTEREST_WORDS = new Set([
  'interesse',
  'interessado',
  'interessada',
  'interessados',
  'interessadas',
  'interessa',
  'quer',
  'querem',
  'queremos',
  'quero',
  'precisa',
  'precisam',
  'precisamos',
  'preciso',
  'gostaria',
  'gostariam',
  'orcamento',
  'proposta',
  'cotacao',
  'planeja',
  'planejam',
  'pretende',
  'pretendem',
  'avaliando',
  'expandir',
  'expansao',
  'contratar',
  'demanda',
]);
const NEGATIONS = new Set(['nao', 'nunca', 'nem']);
/** How many words before a keyword a refusal ("não … interesse …") is looked for. */
const REFUSAL_WINDOW = 6;

/** Anything but printable ASCII and white space (accents, dashes, emoji): only such text needs the NFD pass. */
const NON_ASCII = /[^\t\n\r\u0020-\u007e]/;

/** Lower case, accents removed, every non-alphanumeric run collapsed to one space. */
export function normalizeText(text: string): string {
  // Plain ASCII (most notes and every keyword after the first pass) has no marks to strip: NFD and the \p{M}
  // pass would return it unchanged, and they are the costly part.
  const unmarked = NON_ASCII.test(text) ? text.normalize('NFD').replace(/\p{M}+/gu, '') : text;
  return unmarked
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function indexOfSequence(haystack: readonly string[], needle: readonly string[], from: number): number {
  outer: for (let i = from; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** A refusal is a negation followed (before the keyword) by an interest word: "não tem interesse em". */
function refusedBefore(tokens: readonly string[], at: number): boolean {
  const window = tokens.slice(Math.max(0, at - REFUSAL_WINDOW), at);
  const neg = window.findIndex((t) => NEGATIONS.has(t));
  return neg >= 0 && window.slice(neg + 1).some((t) => INTEREST_WORDS.has(t));
}

export interface NeedMention {
  key: string;
  /** The sentence as written (trimmed), for the opportunity's description. */
  sentence: string;
  /** The sentence also expresses interest or need ("interesse", "precisam", "orçamento"…). */
  interest: boolean;
}

/** A need with its keywords normalised and split into words (see `compileNeeds`). */
export interface CompiledNeed {
  readonly key: string;
  readonly keywords: readonly (readonly string[])[];
}

/** The keywords of `needs` as word sequences: done once per catalogue, not once per text searched. */
export function compileNeeds(needs: readonly NeedDefinition[]): CompiledNeed[] {
  return needs.map((n) => ({ key: n.key, keywords: n.keywords.map((k) => normalizeText(k).split(' ')) }));
}

/** One sentence of a text as written (trimmed) and as normalised words. */
export interface TokenizedSentence {
  readonly sentence: string;
  readonly tokens: readonly string[];
}

/** `text` split into sentences (at `.`, `!`, `?` and line breaks), empty ones left out. */
export function tokenizeSentences(text: string): TokenizedSentence[] {
  const out: TokenizedSentence[] = [];
  for (const raw of text.split(/[.!?\n]+/)) {
    const sentence = raw.trim();
    if (sentence) out.push({ sentence, tokens: normalizeText(sentence).split(' ') });
  }
  return out;
}

/**
 * `findNeedMentions` over a text already split by `tokenizeSentences`, with a compiled catalogue: searching one
 * text for many needs (or many texts for one catalogue) normalises each text and keyword only once.
 */
export function findCompiledNeedMentions(
  sentences: readonly TokenizedSentence[],
  needs: readonly CompiledNeed[],
): NeedMention[] {
  const out: NeedMention[] = [];
  for (const { sentence, tokens } of sentences) {
    let interest: boolean | undefined;
    for (const need of needs) {
      let found = false;
      for (const kw of need.keywords) {
        for (let at = indexOfSequence(tokens, kw, 0); at >= 0; at = indexOfSequence(tokens, kw, at + 1)) {
          if (!refusedBefore(tokens, at)) {
            found = true;
            break;
          }
        }
        if (found) break;
      }
      if (!found) continue;
      interest ??= tokens.some((t, i) => INTEREST_WORDS.has(t) && !refusedBefore(tokens, i + 1));
      out.push({ key: need.key, sentence, interest });
    }
  }
  return out;
}

/** Needs mentioned in `text` (one entry per need and sentence). */
export function findNeedMentions(
  text: string,
  needs: readonly NeedDefinition[] = DEFAULT_NEEDS,
): NeedMention[] {
  return findCompiledNeedMentions(tokenizeSentences(text), compileNeeds(needs));
}

/** Whether any keyword of `need` appears in `text` (used to skip services the customer already buys). */
export function mentionsNeed(text: string, need: NeedDefinition): boolean {
  return mentionsCompiledNeed(normalizeText(text).split(' '), compileNeeds([need])[0]!);
}

/** `mentionsNeed` over a text already normalised and split into words. */
export function mentionsCompiledNeed(tokens: readonly string[], need: CompiledNeed): boolean {
  return need.keywords.some((k) => indexOfSequence(tokens, k, 0) >= 0);
}
