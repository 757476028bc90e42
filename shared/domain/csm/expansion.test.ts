import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import type { Activity } from '../../entities/csm.ts';
import type { Contract } from '../../entities/customer.ts';
import { detectExpansion, pricePerSeatCents, type ExpansionInput } from './expansion.ts';
import { SEED_NOW } from './seed-fixtures.ts';

let n = 0;
const uuid = () => `00000000-0000-7000-8000-${String(++n).padStart(12, '0')}`;

function contract(partial: Partial<Contract> & Pick<Contract, 'items' | 'monthlyValueCents'>): Contract {
  return {
    id: uuid(),
    name: 'Contrato',
    contractNumber: `CTR-${n}`,
    status: 'active',
    totalValueCents: partial.monthlyValueCents * 12,
    currency: 'BRL',
    startDate: '2025-01-15',
    endDate: '2027-01-15',
    billingCycle: 'monthly',
    renewalType: 'auto_renew',
    renewalNotificationDays: 30,
    documentUrl: null,
    signedAt: null,
    signedBy: null,
    previousContractId: null,
    ...partial,
  };
}
const item = (
  name: string,
  quantity: number,
  unitPriceCents: number,
  billingType: 'recurring' | 'one_time' = 'recurring',
) => ({
  id: uuid(),
  name,
  description: null,
  quantity,
  unitPriceCents,
  billingType,
});
type ActivityText = Pick<Activity, 'id' | 'type' | 'title' | 'description' | 'occurredAt'>;
const activity = (description: string, daysAgo: number, type: Activity['type'] = 'call'): ActivityText => ({
  id: uuid(),
  type,
  title: type === 'call' ? 'Call' : 'Nota',
  description,
  occurredAt: new Date(SEED_NOW.getTime() - daysAgo * 86_400_000).toISOString(),
});

/** TechCorp's contracts from the Contracts tab (§2.3). */
const TECHCORP_CONTRACTS = [
  contract({
    name: 'Enterprise Annual License',
    monthlyValueCents: 450_000,
    billingCycle: 'annual',
    items: [
      item('Platform License (100 seats)', 1, 350_000),
      item('Premium Support', 1, 50_000),
      item('API Access', 1, 50_000),
    ],
  }),
  contract({
    name: 'Training Package',
    status: 'completed',
    monthlyValueCents: 0,
    totalValueCents: 500_000,
    billingCycle: 'one_time',
    items: [item('Training', 1, 500_000, 'one_time')],
  }),
];
const TECHCORP: ExpansionInput = {
  tier: 'enterprise',
  mrrCents: 450_000,
  activeUsers: 85,
  totalSeats: 100,
  healthScore: 92,
  contracts: TECHCORP_CONTRACTS,
};

describe('seat expansion (> 85 % of seats, probability 80)', () => {
  it('TechCorp at 85 of 100 seats is not above 85 %', () => {
    expect(detectExpansion(TECHCORP, SEED_NOW)).toEqual([]);
  });

  it('TechCorp at 86 of 100: +23 seats at R$ 35 (Platform License R$ 3.500 ÷ 100 seats)', () => {
    const [o] = detectExpansion({ ...TECHCORP, activeUsers: 86 }, SEED_NOW);
    expect(o).toEqual({
      key: 'seat_expansion',
      subtype: 'expansion',
      title: { code: 'expansion.seatTitle', params: {} },
      // "Cliente utilizando 86% das licenças (86 de 100). Sugestão: +23 licenças…" (shared/domain-text).
      description: {
        code: 'expansion.seatDescription',
        params: {
          percent: 86,
          active: 86,
          seats: 100,
          extraSeats: 23,
          targetPercent: 70,
          pricePerSeatCents: 3_500,
          pricedFromMrr: false,
        },
      },
      source: 'usage_trigger',
      estimatedValueCents: 80_500,
      probability: 80,
      activityIds: [],
    });
  });

  it.each([
    ['seat items (name)', TECHCORP_CONTRACTS, 100, 450_000, { cents: 3_500, basis: 'seat_items' }],
    [
      'annual price list scaled to the monthly value',
      [
        contract({
          monthlyValueCents: 330_000,
          items: [item('Licenças de usuário', 50, 72_000), item('Suporte', 1, 360_000)],
        }),
      ],
      50,
      330_000,
      { cents: 6_000, basis: 'seat_items' },
    ],
    [
      'quantity equal to the seats',
      [
        contract({
          monthlyValueCents: 200_000,
          items: [item('Plataforma', 40, 4_000), item('Onboarding', 1, 40_000)],
        }),
      ],
      40,
      200_000,
      { cents: 4_000, basis: 'seat_items' },
    ],
    [
      'no seat items: MRR ÷ seats',
      [contract({ monthlyValueCents: 150_000, items: [item('Plano Starter', 1, 150_000)] })],
      15,
      150_000,
      { cents: 10_000, basis: 'mrr' },
    ],
    ['no contracts: MRR ÷ seats', [], 15, 150_000, { cents: 10_000, basis: 'mrr' }],
    [
      'cancelled contracts do not count',
      [contract({ status: 'cancelled', monthlyValueCents: 1, items: [item('Seats', 10, 9_999)] })],
      10,
      50_000,
      { cents: 5_000, basis: 'mrr' },
    ],
    ['zero seats', TECHCORP_CONTRACTS, 0, 450_000, null],
  ] as const)('price per seat: %s', (_l, contracts, seats, mrr, expected) => {
    expect(pricePerSeatCents(contracts as Contract[], seats, mrr)).toEqual(expected);
  });

  it('uses MRR ÷ seats and says so when no item is seat-priced', () => {
    const [o] = detectExpansion(
      { tier: 'starter', mrrCents: 150_000, activeUsers: 14, totalSeats: 15 },
      SEED_NOW,
    );
    // ceil(14 / 0.7) − 15 = 5 seats × R$ 100
    expect(o).toMatchObject({ key: 'seat_expansion', estimatedValueCents: 50_000 });
    expect(o!.description.params).toMatchObject({ pricePerSeatCents: 10_000, pricedFromMrr: true });
  });

  it('proposes at least one seat and handles zero seats', () => {
    expect(
      detectExpansion({ tier: 'pro', mrrCents: 10_000, activeUsers: 1, totalSeats: 1 }, SEED_NOW)[0],
    ).toMatchObject({
      estimatedValueCents: 10_000,
    });
    expect(
      detectExpansion({ tier: 'pro', mrrCents: 10_000, activeUsers: 5, totalSeats: 0 }, SEED_NOW),
    ).toEqual([]);
  });
});

describe('tier upsell', () => {
  const starter: ExpansionInput = {
    tier: 'starter',
    mrrCents: 150_000,
    activeUsers: 10,
    totalSeats: 15,
    featuresAvailable: 20,
  };
  it.each([
    [
      'starter using 70 % of features → Pro at 50 %',
      { ...starter, featuresAdopted: 14 },
      {},
      'upsell:pro',
      150_000,
      50,
    ],
    ['starter using all features → 70 %', { ...starter, featuresAdopted: 20 }, {}, 'upsell:pro', 150_000, 70],
    [
      'with the Pro list price the value is the difference',
      { ...starter, featuresAdopted: 17 },
      { tierPricesCents: { pro: 290_000 } },
      'upsell:pro',
      140_000,
      60,
    ],
    [
      'pro, 80 % of features and 28 users → Enterprise',
      {
        tier: 'pro',
        mrrCents: 210_000,
        activeUsers: 28,
        totalSeats: 60,
        featuresAdopted: 16,
        featuresAvailable: 20,
      },
      {},
      'upsell:enterprise',
      126_000,
      40,
    ],
  ] as const)('%s', (_l, input, options, key, value, probability) => {
    const o = detectExpansion(input, SEED_NOW, options).find((x) => x.subtype === 'upsell');
    expect(o).toMatchObject({ key, estimatedValueCents: value, probability, source: 'ai_detected' });
  });

  it.each([
    ['starter below 70 %', { ...starter, featuresAdopted: 13 }, {}],
    ['critical health', { ...starter, featuresAdopted: 20, healthScore: 42 }, {}],
    ['unknown adoption', starter, {}],
    ['no features available', { ...starter, featuresAdopted: 0, featuresAvailable: 0 }, {}],
    [
      'pro with few users',
      {
        tier: 'pro',
        mrrCents: 210_000,
        activeUsers: 10,
        totalSeats: 60,
        featuresAdopted: 20,
        featuresAvailable: 20,
      },
      {},
    ],
    ['enterprise has no next tier', { ...TECHCORP, featuresAdopted: 20, featuresAvailable: 20 }, {}],
    [
      'already paying the Pro price',
      { ...starter, featuresAdopted: 20 },
      { tierPricesCents: { pro: 150_000 } },
    ],
  ] as const)('none for %s', (_l, input, options) => {
    expect(
      detectExpansion(input as ExpansionInput, SEED_NOW, options).filter((x) => x.subtype === 'upsell'),
    ).toEqual([]);
  });

  it('the upsell description carries the numbers', () => {
    const o = detectExpansion({ ...starter, featuresAdopted: 17 }, SEED_NOW)[0]!;
    expect(o.title).toEqual({ code: 'expansion.upsellTitle', params: { plan: 'pro' } });
    expect(o.description).toEqual({
      code: 'expansion.upsellDescription',
      params: { tier: 'starter', plan: 'pro', adopted: 17, available: 20, percent: 85, valueCents: 150_000 },
    });
  });
});

describe('cross-sell from activity notes', () => {
  const base: ExpansionInput = { tier: 'pro', mrrCents: 200_000, activeUsers: 10, totalSeats: 20 };

  it('TechCorp: "discutimos expansão para RH" with the organization\'s own dictionary (R$ 1.500/mês)', () => {
    const call = activity('Muito satisfeitos com a plataforma, discutimos expansão para RH', 2);
    const needs = [
      {
        key: 'hr_module',
        title: 'módulo de RH',
        keywords: ['rh', 'recursos humanos'],
        estimatedMonthlyValueCents: 150_000,
        baseProbability: 30,
      },
    ];
    const [o] = detectExpansion({ ...TECHCORP, activities: [call] }, SEED_NOW, { needs });
    expect(o).toEqual({
      key: 'cross_sell:hr_module',
      subtype: 'cross_sell',
      title: { code: 'expansion.crossSellTitle', params: { need: 'módulo de RH' } },
      description: {
        code: 'expansion.crossSellDescription',
        params: {
          need: 'módulo de RH',
          interest: true,
          quote: 'Muito satisfeitos com a plataforma, discutimos expansão para RH',
          date: '2026-01-27',
          activities: 1,
          valueCents: 150_000,
        },
      },
      source: 'ai_detected',
      estimatedValueCents: 150_000,
      probability: 45,
      activityIds: [call.id],
    });
  });

  it.each([
    ['a plain mention', ['Falamos sobre SEO'], 30],
    ['a mention with interest', ['Pediram orçamento de SEO'], 45],
    ['two activities', ['Falamos sobre SEO', 'SEO de novo'], 40],
    [
      'four activities with interest (capped repetition bonus)',
      ['Falamos sobre SEO', 'SEO de novo', 'SEO again', 'Querem SEO'],
      65,
    ],
  ] as const)('probability for %s → %i', (_l, notes, probability) => {
    const acts = notes.map((t, k) => activity(t, k + 1, 'note'));
    const o = detectExpansion({ ...base, activities: acts }, SEED_NOW).find(
      (x) => x.key === 'cross_sell:seo',
    );
    expect(o?.probability).toBe(probability);
    expect(o?.activityIds).toHaveLength(notes.length);
  });

  it('caps the probability at 75', () => {
    const needs = [
      { key: 'x', title: 'X', keywords: ['xpto'], estimatedMonthlyValueCents: 1, baseProbability: 70 },
    ];
    const acts = [activity('Querem xpto', 1), activity('xpto', 2), activity('xpto', 3)];
    expect(detectExpansion({ ...base, activities: acts }, SEED_NOW, { needs })[0]?.probability).toBe(75);
  });

  it('ignores notes older than 180 days, notes in the future, refusals, and services already bought', () => {
    const acts = [
      activity('Querem tráfego pago', 181),
      activity('Querem landing page', -1),
      activity('Não tem interesse em redes sociais', 3),
      activity('Querem SEO', 5),
    ];
    const contracts = [
      contract({
        name: 'Gestão de SEO',
        monthlyValueCents: 200_000,
        items: [item('SEO mensal', 1, 200_000)],
      }),
    ];
    expect(detectExpansion({ ...base, activities: acts }, SEED_NOW).map((o) => o.key)).toEqual([
      'cross_sell:seo',
    ]);
    expect(detectExpansion({ ...base, activities: acts, contracts }, SEED_NOW)).toEqual([]);
  });

  it('orders opportunities by expected value (value × probability)', () => {
    const acts = [activity('Querem tráfego pago e uma landing page', 1), activity('Newsletter talvez', 2)];
    const out = detectExpansion({ ...base, activeUsers: 19, activities: acts }, SEED_NOW);
    // seat 80 % × 8 × R$ 100 = 640; tráfego 45 % × 3.000 = 1.350; landing 50 % × 1.500 = 750; e-mail 30 % × 1.200 = 360
    expect(out.map((o) => o.key)).toEqual([
      'cross_sell:paid_traffic',
      'cross_sell:landing_page',
      'seat_expansion',
      'cross_sell:email_marketing',
    ]);
  });
});

describe('expansion — validation', () => {
  it.each([
    ['negative MRR', { ...TECHCORP, mrrCents: -1 }],
    ['unknown tier', { ...TECHCORP, tier: 'gold' }],
    ['fractional seats', { ...TECHCORP, totalSeats: 1.5 }],
  ])('rejects %s', (_l, input) => {
    expect(() => detectExpansion(input as ExpansionInput, SEED_NOW)).toThrow(ZodError);
  });

  it('rejects a malformed dictionary entry', () => {
    expect(() =>
      detectExpansion(TECHCORP, SEED_NOW, {
        needs: [
          { key: 'Bad Key', title: 'x', keywords: ['x'], estimatedMonthlyValueCents: 1, baseProbability: 1 },
        ],
      }),
    ).toThrow(ZodError);
  });
});
