import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import type { Lead } from '../../entities/portal.ts';
import { DEFAULT_LEAD_SCORING, type LeadRule, scoreLead } from './lead-score.ts';
import { makeInteraction, makeLead } from './test-fixtures.ts';

const now = '2025-10-04T15:00:00Z';
const daysAgo = (d: number) => new Date(Date.parse(now) - d * 86_400_000).toISOString();

/** Carlos Mendes of the seed: a meeting, two calls and an e-mail this month; budget covers the deal. */
const carlos = makeLead({
  interactions: [
    makeInteraction(1, 'meeting', daysAgo(2), 'inbound'),
    makeInteraction(2, 'call', daysAgo(1)),
    makeInteraction(3, 'call', daysAgo(6)),
    makeInteraction(4, 'email', daysAgo(10)),
  ],
});

const points = (lead: Lead, config = DEFAULT_LEAD_SCORING) => {
  const s = scoreLead({ lead, now, config });
  return [
    s.breakdown.engagement.points,
    s.breakdown.budgetFit.points,
    s.breakdown.timeline.points,
    s.breakdown.authority.points,
    s.total,
  ];
};

describe('scoreLead', () => {
  it('seed: Carlos Mendes 85/100 = engagement 30 + budget fit 25 + timeline 20 + authority 10', () => {
    const s = scoreLead({ lead: carlos, now });
    expect(s.breakdown).toEqual({
      engagement: { points: 30, max: 35, fraction: 30 / 35 },
      budgetFit: { points: 25, max: 25, fraction: 1 },
      timeline: { points: 20, max: 25, fraction: 0.8 },
      authority: { points: 10, max: 15, fraction: 2 / 3 },
    });
    expect(s.total).toBe(85);
    expect(s.band).toBe('high');
    expect(s.label).toBe('Alta probabilidade de conversão');
    expect(s.action).toEqual({ code: 'call_today', text: 'Ligar hoje' });
  });

  it.each([
    {
      name: 'same activity 45 days ago counts half',
      lead: { interactions: carlos.interactions.map((i) => ({ ...i, createdAt: daysAgo(45) })) },
      expected: [15, 25, 20, 10, 70],
    },
    {
      name: 'activity older than 90 days counts nothing',
      lead: { interactions: carlos.interactions.map((i) => ({ ...i, createdAt: daysAgo(91) })) },
      expected: [0, 25, 20, 10, 55],
    },
    {
      name: 'future-dated interactions are ignored',
      lead: { interactions: [makeInteraction(9, 'meeting', daysAgo(-1))] },
      expected: [0, 25, 20, 10, 55],
    },
    {
      name: 'engagement saturates at 35',
      lead: { interactions: Array.from({ length: 6 }, (_, i) => makeInteraction(i, 'meeting', daysAgo(i))) },
      expected: [35, 25, 20, 10, 90],
    },
    {
      name: 'notes are not engagement',
      lead: { interactions: [makeInteraction(1, 'note', daysAgo(1))] },
      expected: [0, 25, 20, 10, 55],
    },
    {
      name: 'budget 80% of the deal → 18',
      lead: { ...carlos, budgetCents: 960_000 },
      expected: [30, 18, 20, 10, 78],
    },
    {
      name: 'budget 50% of the deal → 10',
      lead: { ...carlos, budgetCents: 600_000 },
      expected: [30, 10, 20, 10, 70],
    },
    {
      name: 'budget 10% of the deal → 5',
      lead: { ...carlos, budgetCents: 120_000 },
      expected: [30, 5, 20, 10, 65],
    },
    { name: 'budget unknown → 0', lead: { ...carlos, budgetCents: null }, expected: [30, 0, 20, 10, 60] },
    { name: 'deal value unknown → 0', lead: { ...carlos, valueCents: 0 }, expected: [30, 0, 20, 10, 60] },
    {
      name: 'decides immediately → 25',
      lead: { ...carlos, timeline: 'immediate' as const },
      expected: [30, 25, 25, 10, 90],
    },
    {
      name: 'within 3 months → 13',
      lead: { ...carlos, timeline: 'within_3_months' as const },
      expected: [30, 25, 13, 10, 78],
    },
    {
      name: 'within 6 months → 5',
      lead: { ...carlos, timeline: 'within_6_months' as const },
      expected: [30, 25, 5, 10, 70],
    },
    {
      name: 'decision maker → 15',
      lead: { ...carlos, authority: 'decision_maker' as const },
      expected: [30, 25, 20, 15, 90],
    },
    { name: 'user → 5', lead: { ...carlos, authority: 'user' as const }, expected: [30, 25, 20, 5, 80] },
    {
      name: 'nothing known',
      lead: {
        interactions: [],
        budgetCents: null,
        timeline: 'unknown' as const,
        authority: 'unknown' as const,
      },
      expected: [0, 0, 0, 0, 0],
    },
  ])('$name', ({ lead, expected }) => {
    expect(points(makeLead({ ...carlos, ...lead }))).toEqual(expected);
  });

  it.each([
    {
      name: 'medium, weakest is authority',
      over: { authority: 'unknown' as const },
      band: 'medium',
      code: 'reach_decision_maker',
    },
    {
      name: 'medium, weakest is budget',
      over: { budgetCents: null },
      band: 'medium',
      code: 'qualify_budget',
    },
    {
      name: 'medium, weakest is timeline',
      over: {
        timeline: 'within_6_months' as const,
        authority: 'decision_maker' as const,
        budgetCents: 600_000,
      },
      band: 'medium',
      code: 'confirm_timeline',
    },
    {
      name: 'medium, weakest is engagement',
      over: { interactions: [], authority: 'decision_maker' as const },
      band: 'medium',
      code: 'schedule_follow_up',
    },
    { name: 'low → nurture', over: { interactions: [], budgetCents: null }, band: 'low', code: 'nurture' },
    { name: 'won → nothing pending', over: { stage: 'won' as const }, band: 'high', code: 'none' },
    {
      name: 'lost → nothing pending',
      over: { stage: 'lost' as const, interactions: [] },
      band: 'medium',
      code: 'none',
    },
  ])('action: $name', ({ over, band, code }) => {
    const s = scoreLead({ lead: makeLead({ ...carlos, ...over }), now });
    expect(s.band).toBe(band);
    expect(s.action.code).toBe(code);
    expect(s.action.text.length).toBeGreaterThan(0);
  });

  const rule = (r: Partial<LeadRule> & Pick<LeadRule, 'when' | 'points'>): LeadRule => ({
    id: 'r',
    label: 'Regra',
    ...r,
  });

  it.each([
    {
      name: 'source = google_ads, case-insensitive (+10)',
      rules: [rule({ when: [{ field: 'source', op: 'eq', value: 'Google_Ads' }], points: 10 })],
      total: 95,
      matched: 1,
    },
    {
      name: 'free e-mail domain (−5)',
      rules: [
        rule({ when: [{ field: 'emailDomain', op: 'in', value: ['gmail.com', 'hotmail.com'] }], points: -5 }),
      ],
      total: 85,
      matched: 0,
    },
    {
      name: 'company domain matches contains',
      rules: [rule({ when: [{ field: 'emailDomain', op: 'contains', value: '.com.br' }], points: -5 })],
      total: 80,
      matched: 1,
    },
    {
      name: 'all conditions must hold',
      rules: [
        rule({
          when: [
            { field: 'stage', op: 'eq', value: 'qualified' },
            { field: 'valueCents', op: 'gte', value: 5_000_000 },
          ],
          points: 10,
        }),
      ],
      total: 85,
      matched: 0,
    },
    {
      name: 'numeric facts from interactions',
      rules: [
        rule({
          when: [
            { field: 'interactionsLast30Days', op: 'gte', value: 4 },
            { field: 'inboundInteractionsLast30Days', op: 'eq', value: 1 },
          ],
          points: 5,
        }),
      ],
      total: 90,
      matched: 1,
    },
    {
      name: 'days since last interaction',
      rules: [rule({ when: [{ field: 'daysSinceLastInteraction', op: 'lte', value: 1 }], points: 3 })],
      total: 88,
      matched: 1,
    },
    {
      name: 'company missing (it is not)',
      rules: [rule({ when: [{ field: 'company', op: 'missing' }], points: -20 })],
      total: 85,
      matched: 0,
    },
    {
      name: 'campaign lead',
      rules: [rule({ when: [{ field: 'fromCampaign', op: 'eq', value: false }], points: -10 })],
      total: 75,
      matched: 1,
    },
    {
      name: 'clamped at 100',
      rules: [rule({ when: [{ field: 'authority', op: 'in', value: ['influencer'] }], points: 50 })],
      total: 100,
      matched: 1,
    },
    {
      name: 'clamped at 0',
      rules: [rule({ when: [{ field: 'timeline', op: 'neq', value: 'immediate' }], points: -100 })],
      total: 0,
      matched: 1,
    },
  ] satisfies { name: string; rules: LeadRule[]; total: number; matched: number }[])(
    'rules: $name',
    ({ rules, total, matched }) => {
      const s = scoreLead({ lead: carlos, now, config: { ...DEFAULT_LEAD_SCORING, rules } });
      expect(s.total).toBe(total);
      expect(s.rules).toHaveLength(matched);
    },
  );

  it('custom maximum points (25 each) rescale the components', () => {
    const config = {
      ...DEFAULT_LEAD_SCORING,
      maxPoints: { engagement: 25, budgetFit: 25, timeline: 25, authority: 25 },
    };
    expect(points(carlos, config)).toEqual([21, 25, 20, 17, 83]);
  });

  it('the settings an admin saves in /ajustes: the defaults give Carlos 85 (30/25/20/10); a changed weight and thresholds move his score and next action', () => {
    const byDefault = scoreLead({ lead: carlos, now, config: DEFAULT_LEAD_SCORING });
    expect([byDefault.total, byDefault.action.code]).toEqual([85, 'call_today']);
    // Engagement weighs more (45), timeline and authority less: 39 + 25 + 16 + 7.
    const weighted = {
      ...DEFAULT_LEAD_SCORING,
      maxPoints: { engagement: 45, budgetFit: 25, timeline: 20, authority: 10 },
    };
    expect(points(carlos, weighted)).toEqual([39, 25, 16, 7, 87]);
    // "Alta" from 90: Carlos becomes medium, and the sentence fixes his weakest component (authority ⅔).
    const stricter = scoreLead({
      lead: carlos,
      now,
      config: { ...DEFAULT_LEAD_SCORING, bands: { high: 90, medium: 50 } },
    });
    expect([stricter.total, stricter.band, stricter.action.code]).toEqual([
      85,
      'medium',
      'reach_decision_maker',
    ]);
  });

  it.each([
    {
      name: 'weights not summing to 100',
      input: {
        lead: carlos,
        now,
        config: {
          ...DEFAULT_LEAD_SCORING,
          maxPoints: { engagement: 40, budgetFit: 25, timeline: 25, authority: 15 },
        },
      },
    },
    {
      name: 'bands inverted',
      input: { lead: carlos, now, config: { ...DEFAULT_LEAD_SCORING, bands: { high: 50, medium: 80 } } },
    },
    {
      name: 'rule points out of range',
      input: {
        lead: carlos,
        now,
        config: {
          ...DEFAULT_LEAD_SCORING,
          rules: [rule({ when: [{ field: 'source', op: 'exists' }], points: 500 })],
        },
      },
    },
    {
      name: 'number op on a text field',
      input: {
        lead: carlos,
        now,
        config: {
          ...DEFAULT_LEAD_SCORING,
          rules: [rule({ when: [{ field: 'source', op: 'gt', value: 3 } as never], points: 5 })],
        },
      },
    },
    { name: 'negative budget', input: { lead: { ...carlos, budgetCents: -1 }, now } },
    { name: 'bad now', input: { lead: carlos, now: 'hoje' } },
  ])('rejects $name with a ZodError', ({ input }) => {
    expect(() => scoreLead(input)).toThrow(ZodError);
  });

  const leadArb = fc
    .record({
      timeline: fc.constantFrom(
        'immediate',
        'within_1_month',
        'within_3_months',
        'within_6_months',
        'unknown' as const,
      ),
      authority: fc.constantFrom('decision_maker', 'influencer', 'user', 'unknown' as const),
      budgetCents: fc.option(fc.integer({ min: 0, max: 10_000_000 })),
      valueCents: fc.integer({ min: 0, max: 10_000_000 }),
      interactions: fc.array(
        fc.record({
          type: fc.constantFrom('email', 'call', 'whatsapp', 'meeting', 'note' as const),
          age: fc.integer({ min: -5, max: 200 }),
        }),
        { maxLength: 15 },
      ),
    })
    .map(({ interactions, ...rest }) =>
      makeLead({
        ...rest,
        interactions: interactions.map((i, n) => makeInteraction(n, i.type, daysAgo(i.age))),
      }),
    );
  const ruleArb = fc
    .integer({ min: -100, max: 100 })
    .map((p): LeadRule => rule({ when: [{ field: 'source', op: 'exists' }], points: p }));

  it('property: the score is always an integer in 0–100, whatever the rules', () => {
    fc.assert(
      fc.property(leadArb, fc.array(ruleArb, { maxLength: 5 }), (lead, rules) => {
        const { total } = scoreLead({ lead, now, config: { ...DEFAULT_LEAD_SCORING, rules } });
        return Number.isInteger(total) && total >= 0 && total <= 100;
      }),
    );
  });

  it('property (monotonicity): more authority, a nearer timeline, more budget or one more interaction never lower the score', () => {
    const authority = ['unknown', 'user', 'influencer', 'decision_maker'] as const;
    const timeline = [
      'unknown',
      'within_6_months',
      'within_3_months',
      'within_1_month',
      'immediate',
    ] as const;
    fc.assert(
      fc.property(
        leadArb,
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.constantFrom('email', 'call', 'meeting' as const),
        (lead, extra, type) => {
          const base = scoreLead({ lead, now }).total;
          const up = <T>(list: readonly T[], v: T) => list[Math.min(list.length - 1, list.indexOf(v) + 1)]!;
          const better = [
            { ...lead, authority: up(authority, lead.authority) },
            { ...lead, timeline: up(timeline, lead.timeline) },
            { ...lead, budgetCents: (lead.budgetCents ?? 0) + extra },
            { ...lead, interactions: [...lead.interactions, makeInteraction(99, type, daysAgo(1))] },
          ];
          return better.every((l) => scoreLead({ lead: l, now }).total >= base);
        },
      ),
    );
  });
});
