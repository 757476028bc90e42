import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_HEALTH_CONFIG, type HealthScoreConfig } from './health-config.ts';
import { explainHealthChange } from './health-explain.ts';
import { computeHealth } from './health-score.ts';
import { TECHCORP } from './seed-fixtures.ts';
import { healthInputArb } from './test-arbitraries.ts';

const sumImpacts = (items: { impact: number }[]) => items.reduce((s, i) => s + i.impact, 0);

describe('explainHealthChange', () => {
  it('names the login drop as the main cause when logins fall from 17 to 6 days', () => {
    const before = computeHealth(TECHCORP);
    const after = computeHealth({ ...TECHCORP, loginDaysLast30: 6 });
    const e = explainHealthChange(before, after);
    expect(e).toMatchObject({ scoreBefore: 91, scoreAfter: 86, delta: -5 });
    expect(e.items[0]).toMatchObject({
      kind: 'factor',
      dimension: 'productUsage',
      key: 'loginFrequency',
      before: 85,
      after: 30,
      rawBefore: 17,
      rawAfter: 6,
      descriptionAfter: { code: 'factor.loginFrequency', params: { days: 6 } },
    });
    // 55 points of one of 4 factors of a 30 % dimension: 55 / 4 × 0.3 = 4.125 points of the total.
    expect(e.items[0]!.impact).toBeCloseTo(-4.125, 9);
    // Rendered "Frequência de login: 85 → 30 (−4,1 pts no score)" (shared/domain-text/render.test.ts).
    expect(e.items[0]!.text).toEqual({
      code: 'change.factor',
      params: { factor: 'loginFrequency', before: 85, after: 30, impact: e.items[0]!.impact },
    });
    expect(sumImpacts(e.items)).toBeCloseTo(-5, 9);
    expect(e.summary).toMatchObject({ code: 'change.summary', params: { before: 91, after: 86 } });
    expect(e.summary.code === 'change.summary' && e.summary.params.causes[0]).toEqual(e.items[0]!.text);
  });

  it('sorts by impact on the total, not by change of the factor', () => {
    // NPS moves 30 points in a 25 % dimension of 4 factors (1.875); CSAT moves 50 points in a 20 % one (2.5).
    const before = computeHealth(TECHCORP);
    const after = computeHealth({ ...TECHCORP, npsScore: 6, csatAverage: 2.8 });
    const e = explainHealthChange(before, after);
    expect(e.items.slice(0, 2).map((i) => i.key)).toEqual(['resolutionSatisfaction', 'netPromoterScore']);
  });

  it('attributes a missing dimension to its factors and shows the renormalisation of the others', () => {
    const before = computeHealth(TECHCORP);
    const after = computeHealth({
      ...TECHCORP,
      referralsLast12: null,
      openExpansionValueCents: null,
      expansionConversationsLast90: null,
    });
    const e = explainHealthChange(before, after);
    const growth = e.dimensions.find((d) => d.dimension === 'growth')!;
    expect(growth).toMatchObject({
      before: 80,
      after: null,
      effectiveWeightBefore: 10,
      effectiveWeightAfter: 0,
    });
    const referral = e.items.find((i) => i.key === 'referralActivity')!;
    expect(referral).toMatchObject({ before: 50, after: null });
    expect(referral.text).toMatchObject({ code: 'change.factor', params: { before: 50, after: null } });
    // Unchanged factors of the other dimensions now weigh more: their impact is positive.
    expect(e.items.find((i) => i.key === 'onTimePayments')!.impact).toBeGreaterThan(0);
    expect(sumImpacts(e.items)).toBeCloseTo(e.delta!, 9);
  });

  it('reports configured rules as their own item', () => {
    const config: HealthScoreConfig = {
      ...DEFAULT_HEALTH_CONFIG,
      rules: [
        {
          id: 'r',
          category: 'support',
          metric: 'ticketsLast30',
          operator: 'greater_than',
          value: 3,
          points: -10,
          description: '',
        },
      ],
    };
    const e = explainHealthChange(
      computeHealth(TECHCORP, config),
      computeHealth({ ...TECHCORP, ticketsLast30: 4 }, config),
    );
    const rules = e.items.find((i) => i.kind === 'rules')!;
    expect(rules).toMatchObject({ dimension: 'support', before: 0, after: -10 });
    expect(rules.impact).toBeCloseTo(-2, 9);
    expect(sumImpacts(e.items)).toBeCloseTo(e.delta!, 9);
  });

  it('says so when there is no previous score', () => {
    const e = explainHealthChange(computeHealth({}), computeHealth(TECHCORP));
    expect(e.delta).toBeNull();
    expect(e.summary).toEqual({ code: 'change.noPrevious', params: {} });
  });

  it('has nothing to explain when nothing changed', () => {
    const h = computeHealth(TECHCORP);
    const e = explainHealthChange(h, h);
    expect(e.items).toEqual([]);
    expect(e.summary).toEqual({ code: 'change.stable', params: { score: 91 } });
  });

  it('accepts a stored health document shape (extra fields ignored)', () => {
    const h = computeHealth(TECHCORP);
    const stored = { ...h, id: 'x', riskScore: 100, computedAt: '2026-01-29T12:00:00Z' };
    expect(explainHealthChange(stored, h).delta).toBe(0);
  });

  it('property: the items always add up to the change of the total', () => {
    fc.assert(
      fc.property(healthInputArb, healthInputArb, (x, y) => {
        const a = computeHealth(x);
        const b = computeHealth(y);
        const e = explainHealthChange(a, b);
        if (e.delta !== null) expect(sumImpacts(e.items)).toBeCloseTo(e.delta, 6);
        for (let i = 1; i < e.items.length; i++) {
          expect(Math.abs(e.items[i - 1]!.impact)).toBeGreaterThanOrEqual(Math.abs(e.items[i]!.impact));
        }
      }),
    );
  });
});
