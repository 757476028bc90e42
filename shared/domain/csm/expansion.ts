import { z } from 'zod';
import { activitySchema } from '../../entities/csm.ts';
import { contractSchema, customerTierSchema, type Contract } from '../../entities/customer.ts';
import { DAY_MS } from './dates.ts';
import type { DomainTextOf } from '../../entities/domain-text.ts';
import {
  compileNeeds,
  DEFAULT_NEEDS,
  findCompiledNeedMentions,
  mentionsCompiledNeed,
  needDefinitionSchema,
  normalizeText,
  tokenizeSentences,
  type NeedDefinition,
} from './needs.ts';

/**
 * Expansion opportunities (customers spec §5.3, docs/domain.md): seat expansion, tier upsell and cross-sell from
 * needs mentioned in activity notes. Each result maps 1:1 onto a `signals` document of kind `expansion`
 * (subtype, title, description, source, estimatedValueCents, probability); `key` lets the server avoid
 * creating the same opportunity twice while one is open. Values are monthly, in cents.
 */

/** Seat use above this share triggers seat expansion (spec: > 85 %), with the spec's probability 80. */
export const SEAT_EXPANSION_THRESHOLD = 0.85;
export const SEAT_EXPANSION_PROBABILITY = 80;
/** Seats proposed so that current users fill 70 % of them (at least one more seat). */
export const SEAT_TARGET_UTILIZATION = 0.7;
/** Activity notes older than this are not mined for needs. */
export const NEEDS_LOOKBACK_DAYS = 180;
/** Upsells are not proposed to a customer in critical health (below this score). */
export const UPSELL_MIN_HEALTH = 50;
/** Cross-sell probability: base + 15 with an interest cue + 10 per further activity (max +20), capped. */
export const CROSS_SELL_INTEREST_BONUS = 15;
export const CROSS_SELL_REPEAT_BONUS = 10;
export const CROSS_SELL_MAX_PROBABILITY = 75;

/**
 * Tier upsell rules: a customer that uses most of its plan's features is ready for the next plan.
 * Probability grows linearly from `probability[0]` at `minAdoption` to `probability[1]` at 100 % adoption.
 * Without a configured tier price the value is `mrrUplift` × current MRR.
 */
export const UPSELL_RULES = [
  {
    from: 'starter',
    to: 'pro',
    toName: 'Pro',
    minAdoption: 0.7,
    minActiveUsers: 0,
    probability: [50, 70],
    mrrUplift: 1.0,
  },
  {
    from: 'pro',
    to: 'enterprise',
    toName: 'Enterprise',
    minAdoption: 0.8,
    minActiveUsers: 25,
    probability: [40, 60],
    mrrUplift: 0.6,
  },
] as const;

const SEAT_WORDS = new Set([
  'seat',
  'seats',
  'assento',
  'assentos',
  'licenca',
  'licencas',
  'license',
  'licenses',
  'usuario',
  'usuarios',
  'user',
  'users',
]);

/** The default catalogue compiled once (immutable). */
const DEFAULT_NEEDS_COMPILED = Object.freeze(compileNeeds(DEFAULT_NEEDS));

const activityTextSchema = activitySchema.pick({
  id: true,
  type: true,
  title: true,
  description: true,
  occurredAt: true,
});

export const expansionInputSchema = z.strictObject({
  tier: customerTierSchema,
  mrrCents: z.number().int().min(0),
  activeUsers: z.number().int().min(0),
  totalSeats: z.number().int().min(0),
  featuresAdopted: z.number().int().min(0).nullable().default(null),
  featuresAvailable: z.number().int().min(0).nullable().default(null),
  healthScore: z.number().min(0).max(100).nullable().default(null),
  /** The customer's embedded contracts (only `active` ones count). */
  contracts: z.array(contractSchema).default([]),
  /** Recent activities; their title and description are mined for needs. */
  activities: z.array(activityTextSchema).default([]),
});
export type ExpansionInput = z.input<typeof expansionInputSchema>;

export const expansionOptionsSchema = z.strictObject({
  needs: z.array(needDefinitionSchema).max(200).optional(),
  /** The agency's monthly list price per tier, in cents; when given, upsell value = target price − MRR. */
  tierPricesCents: z
    .strictObject({ pro: z.number().int().min(0).optional(), enterprise: z.number().int().min(0).optional() })
    .optional(),
});
export type ExpansionOptions = z.input<typeof expansionOptionsSchema>;

export interface ExpansionOpportunityDraft {
  /** Stable per opportunity kind: `seat_expansion`, `upsell:pro`, `cross_sell:seo`. */
  key: string;
  subtype: 'expansion' | 'upsell' | 'cross_sell';
  title: DomainTextOf<'expansion.seatTitle' | 'expansion.upsellTitle' | 'expansion.crossSellTitle'>;
  description: DomainTextOf<
    'expansion.seatDescription' | 'expansion.upsellDescription' | 'expansion.crossSellDescription'
  >;
  source: 'usage_trigger' | 'ai_detected';
  estimatedValueCents: number;
  probability: number;
  /** Activities that triggered a cross-sell (empty otherwise). */
  activityIds: string[];
}

/**
 * Monthly price of one seat: the seat-priced recurring items of active contracts (items named after seats,
 * licences or users, or whose quantity equals the seat count), divided by the seats; items are scaled so each
 * contract's recurring items add up to its monthly value (an annual price list is thus made monthly).
 * Without seat items: MRR ÷ seats. Null when there are no seats.
 */
export function pricePerSeatCents(
  contracts: readonly Contract[],
  totalSeats: number,
  mrrCents: number,
): { cents: number; basis: 'seat_items' | 'mrr' } | null {
  if (totalSeats === 0) return null;
  let seatMonthly = 0;
  for (const c of contracts.filter((x) => x.status === 'active')) {
    const recurring = c.items.filter((i) => i.billingType === 'recurring');
    const recurringTotal = recurring.reduce((s, i) => s + i.quantity * i.unitPriceCents, 0);
    const scale = recurringTotal > 0 && c.monthlyValueCents > 0 ? c.monthlyValueCents / recurringTotal : 1;
    for (const item of recurring) {
      const named = normalizeText(item.name)
        .split(' ')
        .some((w) => SEAT_WORDS.has(w));
      if (named || (item.quantity > 1 && item.quantity === totalSeats)) {
        seatMonthly += item.quantity * item.unitPriceCents * scale;
      }
    }
  }
  if (seatMonthly > 0) return { cents: Math.round(seatMonthly / totalSeats), basis: 'seat_items' };
  return { cents: Math.round(mrrCents / totalSeats), basis: 'mrr' };
}

function seatExpansion(i: z.output<typeof expansionInputSchema>): ExpansionOpportunityDraft | null {
  if (i.totalSeats === 0 || i.activeUsers / i.totalSeats <= SEAT_EXPANSION_THRESHOLD) return null;
  const price = pricePerSeatCents(i.contracts, i.totalSeats, i.mrrCents)!;
  const extra = Math.max(1, Math.ceil(i.activeUsers / SEAT_TARGET_UTILIZATION) - i.totalSeats);
  const usePct = Math.round((i.activeUsers / i.totalSeats) * 100);
  return {
    key: 'seat_expansion',
    subtype: 'expansion',
    title: { code: 'expansion.seatTitle', params: {} },
    description: {
      code: 'expansion.seatDescription',
      params: {
        percent: usePct,
        active: i.activeUsers,
        seats: i.totalSeats,
        extraSeats: extra,
        targetPercent: SEAT_TARGET_UTILIZATION * 100,
        pricePerSeatCents: price.cents,
        pricedFromMrr: price.basis === 'mrr',
      },
    },
    source: 'usage_trigger',
    estimatedValueCents: extra * price.cents,
    probability: SEAT_EXPANSION_PROBABILITY,
    activityIds: [],
  };
}

function tierUpsell(
  i: z.output<typeof expansionInputSchema>,
  prices: z.output<typeof expansionOptionsSchema>['tierPricesCents'],
): ExpansionOpportunityDraft | null {
  const rule = UPSELL_RULES.find((r) => r.from === i.tier);
  if (!rule || i.featuresAdopted === null || !i.featuresAvailable) return null;
  if (i.healthScore !== null && i.healthScore < UPSELL_MIN_HEALTH) return null;
  const adoption = i.featuresAdopted / i.featuresAvailable;
  if (adoption < rule.minAdoption || i.activeUsers < rule.minActiveUsers) return null;
  const listPrice = prices?.[rule.to];
  const value = listPrice === undefined ? Math.round(i.mrrCents * rule.mrrUplift) : listPrice - i.mrrCents;
  if (value <= 0) return null;
  const [pMin, pMax] = rule.probability;
  const probability = Math.round(
    pMin + ((adoption - rule.minAdoption) / (1 - rule.minAdoption)) * (pMax - pMin),
  );
  return {
    key: `upsell:${rule.to}`,
    subtype: 'upsell',
    title: { code: 'expansion.upsellTitle', params: { plan: rule.to } },
    description: {
      code: 'expansion.upsellDescription',
      params: {
        tier: rule.from,
        plan: rule.to,
        adopted: i.featuresAdopted,
        available: i.featuresAvailable,
        percent: Math.round(adoption * 100),
        valueCents: value,
      },
    },
    source: 'ai_detected',
    estimatedValueCents: value,
    probability,
    activityIds: [],
  };
}

function crossSells(
  i: z.output<typeof expansionInputSchema>,
  needs: readonly NeedDefinition[],
  now: Date,
): ExpansionOpportunityDraft[] {
  const since = now.getTime() - NEEDS_LOOKBACK_DAYS * DAY_MS;
  const recent = i.activities
    .filter((a) => Date.parse(a.occurredAt) >= since && Date.parse(a.occurredAt) <= now.getTime())
    .sort((a, b) => Date.parse(b.occurredAt) - Date.parse(a.occurredAt) || a.id.localeCompare(b.id));
  const bought = i.contracts
    .filter((c) => c.status === 'active')
    .map((c) => [c.name, ...c.items.map((it) => it.name)].join('. '))
    .join('. ');
  const boughtTokens = normalizeText(bought).split(' ');
  // Each note is split and normalised once, then searched for every need (not once per need).
  const texts = recent.map((a) => ({
    a,
    sentences: tokenizeSentences(`${a.title}. ${a.description ?? ''}`),
  }));

  const out: ExpansionOpportunityDraft[] = [];
  const compiled = needs === DEFAULT_NEEDS ? DEFAULT_NEEDS_COMPILED : compileNeeds(needs);
  for (const [n, need] of needs.entries()) {
    const one = [compiled[n]!];
    if (mentionsCompiledNeed(boughtTokens, one[0]!)) continue; // already a customer of this service
    const hits = texts
      .map(({ a, sentences }) => ({ a, mentions: findCompiledNeedMentions(sentences, one) }))
      .filter((h) => h.mentions.length > 0);
    if (hits.length === 0) continue;
    const interest = hits.some((h) => h.mentions.some((m) => m.interest));
    const probability = Math.min(
      CROSS_SELL_MAX_PROBABILITY,
      need.baseProbability +
        (interest ? CROSS_SELL_INTEREST_BONUS : 0) +
        CROSS_SELL_REPEAT_BONUS * Math.min(2, hits.length - 1),
    );
    const latest = hits[0]!;
    const quote = (latest.mentions.find((m) => m.interest) ?? latest.mentions[0]!).sentence;
    out.push({
      key: `cross_sell:${need.key}`,
      subtype: 'cross_sell',
      title: { code: 'expansion.crossSellTitle', params: { need: need.title } },
      description: {
        code: 'expansion.crossSellDescription',
        params: {
          need: need.title,
          interest,
          // The customer's own words, quoted as written.
          quote: quote.slice(0, 300),
          date: latest.a.occurredAt.slice(0, 10),
          activities: hits.length,
          valueCents: need.estimatedMonthlyValueCents,
        },
      },
      source: 'ai_detected',
      estimatedValueCents: need.estimatedMonthlyValueCents,
      probability,
      activityIds: hits.map((h) => h.a.id),
    });
  }
  return out;
}

/**
 * Expansion opportunities of one customer at instant `now`, best expected value (value × probability) first.
 * Throws a `ZodError` on invalid input.
 */
export function detectExpansion(
  input: ExpansionInput,
  now: Date,
  options: ExpansionOptions = {},
): ExpansionOpportunityDraft[] {
  const i = expansionInputSchema.parse(input);
  const o = expansionOptionsSchema.parse(options);
  const all = [
    seatExpansion(i),
    tierUpsell(i, o.tierPricesCents),
    ...crossSells(i, o.needs ?? DEFAULT_NEEDS, now),
  ];
  return all
    .filter((x): x is ExpansionOpportunityDraft => x !== null)
    .sort(
      (a, b) =>
        b.estimatedValueCents * b.probability - a.estimatedValueCents * a.probability ||
        a.key.localeCompare(b.key),
    );
}
