import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_HEALTH_CONFIG, type HealthScoreConfig } from './health-config.ts';
import { computeHealth, reweighHealth, type ReweighableHealth } from './health-score.ts';
import { TECHCORP } from './seed-fixtures.ts';
import { healthInputArb } from './test-arbitraries.ts';

/** A stored-document shape from a fresh computation (score and status are never null with data). */
function stored(input = TECHCORP, config: HealthScoreConfig = DEFAULT_HEALTH_CONFIG): ReweighableHealth {
  const h = computeHealth(input, config);
  return { score: h.score!, status: h.status!, breakdown: h.breakdown, trend: 4 };
}

const EQUAL_WEIGHTS = { productUsage: 20, engagement: 20, support: 20, payment: 20, growth: 20 };

/** Configurations without rules: weights summing to 100 and thresholds with healthy > atRisk. */
const configArb: fc.Arbitrary<HealthScoreConfig> = fc
  .tuple(
    fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 4, maxLength: 4 }),
    fc.integer({ min: 1, max: 100 }),
    fc.integer({ min: 0, max: 99 }),
  )
  .map(([cuts, healthy, atRisk]) => {
    const sorted = [0, ...cuts.sort((a, b) => a - b), 100];
    const [productUsage, engagement, support, payment, growth] = sorted
      .slice(1)
      .map((x, i) => x - sorted[i]!);
    return {
      weights: {
        productUsage: productUsage!,
        engagement: engagement!,
        support: support!,
        payment: payment!,
        growth: growth!,
      },
      thresholds: healthy > atRisk ? { healthy, atRisk } : { healthy: Math.max(atRisk + 1, 1), atRisk },
      rules: [],
    };
  })
  .filter((c) => c.thresholds.healthy <= 100);

describe('reweighHealth', () => {
  it('reweighs the seed TechCorp breakdown 85/92/95/100/80: 91 at 30/25/20/15/10, 90 at equal weights', () => {
    const before = stored();
    expect(before.score).toBe(91);
    const after = reweighHealth(before, { ...DEFAULT_HEALTH_CONFIG, weights: EQUAL_WEIGHTS });
    // (85 + 92 + 95 + 100 + 80) / 5 = 90.4 → 90
    expect(after.score).toBe(90);
    expect(after.breakdown.productUsage).toMatchObject({
      score: 85,
      weight: 20,
      effectiveWeight: 20,
      weightedScore: 17,
    });
    // The 30-day trend moves with the score.
    expect(after.trend).toBe(3);
  });

  it('changes the status with the thresholds, and factor impacts with them', () => {
    const strict = reweighHealth(stored(), {
      ...DEFAULT_HEALTH_CONFIG,
      thresholds: { healthy: 95, atRisk: 92 },
    });
    expect(strict).toMatchObject({ score: 91, status: 'critical' });
    const lenient = reweighHealth(stored(), {
      ...DEFAULT_HEALTH_CONFIG,
      thresholds: { healthy: 60, atRisk: 30 },
    });
    expect(lenient.status).toBe('healthy');
    const factors = Object.values(strict.breakdown).flatMap((m) => m.factors);
    expect(factors.length).toBeGreaterThan(0);
    for (const f of factors) {
      expect(f.impact, f.key).toBe(f.value >= 95 ? 'positive' : f.value < 92 ? 'negative' : 'neutral');
    }
    // Under the default thresholds TechCorp's impacts differ, so they really were recomputed.
    const defaults = Object.values(stored().breakdown).flatMap((m) => m.factors);
    expect(defaults.map((f) => f.impact)).not.toEqual(factors.map((f) => f.impact));
  });

  it('keeps the score and status when no weighted dimension has data', () => {
    const before = stored();
    const onlyGrowth = { productUsage: 0, engagement: 0, support: 0, payment: 0, growth: 100 };
    const noGrowth = {
      ...before,
      breakdown: { ...before.breakdown, growth: { ...before.breakdown.growth, score: null, factors: [] } },
    };
    const after = reweighHealth(noGrowth, { ...DEFAULT_HEALTH_CONFIG, weights: onlyGrowth });
    expect(after).toMatchObject({ score: before.score, status: before.status });
  });

  it('refuses an invalid configuration', () => {
    expect(() =>
      reweighHealth(stored(), { ...DEFAULT_HEALTH_CONFIG, weights: { ...EQUAL_WEIGHTS, growth: 21 } }),
    ).toThrow(/sum to 100/);
  });

  it('agrees with a full computation under the new configuration (no rules), for any input', () => {
    fc.assert(
      fc.property(healthInputArb, configArb, configArb, (input, first, second) => {
        const h = computeHealth(input, first);
        fc.pre(h.score !== null && computeHealth(input, second).score !== null);
        const fresh = computeHealth(input, second);
        const reweighed = reweighHealth(
          { score: h.score!, status: h.status!, breakdown: h.breakdown, trend: null },
          second,
        );
        expect(reweighed).toEqual({
          score: fresh.score,
          status: fresh.status,
          breakdown: fresh.breakdown,
          trend: null,
        });
      }),
      { numRuns: 300 },
    );
  });

  it('is the identity under the configuration it was computed with', () => {
    fc.assert(
      fc.property(healthInputArb, configArb, (input, config) => {
        const h = computeHealth(input, config);
        fc.pre(h.score !== null);
        const doc = { score: h.score!, status: h.status!, breakdown: h.breakdown, trend: 7 };
        expect(reweighHealth(doc, config)).toEqual(doc);
      }),
      { numRuns: 200 },
    );
  });
});
