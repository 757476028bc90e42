import type { LeafDomainText } from '../../entities/domain-text.ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { contributingFactorSchema } from '../../entities/csm.ts';
import {
  CHURN_FEATURE_SCALING,
  CHURN_FEATURES,
  churnModelSchema,
  DEFAULT_CHURN_COEFFICIENTS,
  DEFAULT_CHURN_MODEL,
  predictChurn,
  predictedChurnDate,
  trainChurnModel,
  type ChurnFeatures,
  type ChurnTrainingRow,
} from './churn.ts';
import { sigmoid } from './logistic-regression.ts';
import { SEED_NOW } from './seed-fixtures.ts';

/** StartupXYZ: health 42, usage −65 %, 14 days without login, 2 tickets, no NPS, 8 months, paid on time. */
const STARTUP_XYZ: ChurnFeatures = {
  healthScore: 42,
  usageTrend: -0.65,
  daysSinceLastLogin: 14,
  ticketsLast30: 2,
  npsScore: null,
  tenureMonths: 8,
  latePaymentsLast12: 0,
};
const TYPICAL: ChurnFeatures = {
  healthScore: 70,
  usageTrend: 0,
  daysSinceLastLogin: 5,
  ticketsLast30: 1,
  npsScore: null,
  tenureMonths: 18,
  latePaymentsLast12: 0,
};

function lcg(seed: number) {
  let s = seed;
  return () => {
    s = (s * 48_271) % 2_147_483_647;
    return s / 2_147_483_647;
  };
}

/** A synthetic organization history where tickets matter much more than the default model assumes. */
function history(n: number, seed = 7): ChurnTrainingRow[] {
  const rand = lcg(seed);
  const rows: ChurnTrainingRow[] = [];
  for (let i = 0; i < n; i++) {
    const f: ChurnFeatures = {
      healthScore: Math.round(30 + rand() * 70),
      usageTrend: Math.round((rand() * 1.2 - 0.7) * 100) / 100,
      daysSinceLastLogin: Math.floor(rand() * 30),
      ticketsLast30: Math.floor(rand() * 8),
      npsScore: rand() < 0.2 ? null : Math.floor(rand() * 11),
      tenureMonths: Math.floor(rand() * 48),
      latePaymentsLast12: rand() < 0.8 ? 0 : Math.floor(rand() * 4),
    };
    const z = -2 - 1.2 * ((f.healthScore - 70) / 15) + 1.5 * ((f.ticketsLast30 - 1) / 2);
    rows.push({ features: f, churned: rand() < sigmoid(z) });
  }
  return rows;
}

describe('churn — default model', () => {
  it('StartupXYZ: 88 %, driven by health, falling usage and days without login', () => {
    const p = predictChurn(DEFAULT_CHURN_MODEL, STARTUP_XYZ, SEED_NOW, { renewalDate: '2026-05-10' });
    // −2.2 + 1.867 (health) + 1.3 (usage) + 0.63 (login) + 0.15 (tickets) + 0.25 (tenure)
    expect(p.logOdds).toBeCloseTo(1.9967, 4);
    expect(p.probability).toBe(88);
    expect(p.factors.map((f) => [f.feature, f.label])).toEqual([
      ['healthScore', { code: 'churn.healthScore', params: { score: 42, direction: 'raises' } }],
      ['usageTrend', { code: 'churn.usageFell', params: { percent: 65, direction: 'raises' } }],
      ['daysSinceLastLogin', { code: 'churn.lastLogin', params: { days: 14, direction: 'raises' } }],
    ]);
    // (15 + 165 × 0.12) × (1 − 0.65/2) = 23.5 → 23 days after 29/01/2026
    expect(p.predictedChurnDate).toBe('2026-02-21');
    for (const f of p.contributions) expect(() => contributingFactorSchema.parse(f)).not.toThrow();
  });

  it('a typical customer has the base rate (≈ 10 %) and no contributing factors', () => {
    const p = predictChurn(DEFAULT_CHURN_MODEL, TYPICAL, SEED_NOW);
    expect(p.probability).toBe(10);
    expect(p.factors).toEqual([]);
    expect(p.predictedChurnDate).toBeNull();
  });

  it('a healthy promoter is shown with what protects it', () => {
    const p = predictChurn(
      DEFAULT_CHURN_MODEL,
      { ...TYPICAL, healthScore: 92, npsScore: 9, daysSinceLastLogin: 0, tenureMonths: 13 },
      SEED_NOW,
    );
    expect(p.probability).toBe(1);
    expect(p.factors[0]).toMatchObject({
      feature: 'healthScore',
      label: { code: 'churn.healthScore', params: { score: 92, direction: 'lowers' } },
    });
    expect(p.factors.every((f) => f.contribution < 0)).toBe(true);
  });

  it('the log-odds are the intercept plus the contributions', () => {
    const p = predictChurn(DEFAULT_CHURN_MODEL, STARTUP_XYZ, SEED_NOW);
    const sum = p.contributions.reduce((s, c) => s + c.contribution, 0);
    expect(DEFAULT_CHURN_MODEL.intercept + sum).toBeCloseTo(p.logOdds, 12);
  });

  it.each([
    [
      'never logged in counts as 90 days',
      { daysSinceLastLogin: null },
      'daysSinceLastLogin',
      { code: 'churn.neverLoggedIn', params: { direction: 'raises' } },
    ],
    [
      'usage rise above +100 % is capped',
      { usageTrend: 5 },
      'usageTrend',
      { code: 'churn.usageRose', params: { percent: 500, direction: 'lowers' } },
    ],
    [
      'late payments',
      { latePaymentsLast12: 3 },
      'latePaymentsLast12',
      { code: 'churn.latePayments', params: { count: 3, direction: 'raises' } },
    ],
  ] satisfies [string, Partial<ChurnFeatures>, string, LeafDomainText][])(
    '%s',
    (_l, patch, feature, label) => {
      const p = predictChurn(DEFAULT_CHURN_MODEL, { ...TYPICAL, ...patch }, SEED_NOW);
      expect(p.factors[0]).toMatchObject({ feature, label });
      if (feature === 'daysSinceLastLogin') expect(p.factors[0]!.contribution).toBeCloseTo(0.7 * 8.5, 12);
      if (feature === 'usageTrend') expect(p.factors[0]!.contribution).toBeCloseTo(-0.6 / 0.3, 12);
    },
  );

  it.each([
    ['health above 100', { healthScore: 101 }, 'healthScore'],
    ['usage fell more than 100 %', { usageTrend: -1.5 }, 'usageTrend'],
    ['negative tickets', { ticketsLast30: -1 }, 'ticketsLast30'],
    ['NPS 11', { npsScore: 11 }, 'npsScore'],
    ['fractional tenure', { tenureMonths: 1.5 }, 'tenureMonths'],
  ] satisfies [string, Record<string, number>, string][])('rejects %s', (_l, patch, field) => {
    try {
      predictChurn(DEFAULT_CHURN_MODEL, { ...TYPICAL, ...patch }, SEED_NOW);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ZodError);
      expect((e as ZodError).issues[0]?.path).toEqual([field]);
    }
  });
});

describe('churn — predicted date heuristic', () => {
  it.each([
    [29, 0, null, null],
    [30, 0, null, '2026-06-09'], // 15 + 165 × 0.7 = 130.5 → 131 days
    [100, 0, null, '2026-02-13'], // 15 days
    [100, -1, null, '2026-02-06'], // 15 × 0.5 = 7.5 → 8 days
    [100, -1.5, null, '2026-02-06'], // decline beyond −100 % counts as −100 %
    [60, 0.4, null, '2026-04-20'], // growing usage does not lengthen: 15 + 66 = 81 days
    [60, 0, '2026-03-01', '2026-03-01'], // renewal before the estimate: the renewal
    [60, 0, '2026-12-01', '2026-04-20'], // renewal after: the estimate (15 + 66 = 81 days)
    [60, 0, '2026-01-01', '2026-04-20'], // renewal in the past: ignored
  ] as const)('p = %i, usage trend %d, renewal %s → %s', (p, trend, renewal, date) => {
    expect(predictedChurnDate(p, trend, '2026-01-29', renewal)).toBe(date);
  });
});

describe('churn — training', () => {
  it.each([
    ['no rows', 0, 0, 'too_few_rows'],
    ['29 rows', 29, 10, 'too_few_rows'],
    ['40 rows, none churned', 40, 0, 'single_class'],
    ['40 rows, all churned', 40, 40, 'single_class'],
    ['40 rows, 4 churned', 40, 4, 'too_few_per_class'],
    ['40 rows, 36 churned', 40, 36, 'too_few_per_class'],
  ] as const)('%s → default coefficients (%s)', (_l, n, churned, reason) => {
    const rows = Array.from({ length: n }, (_, i) => ({ features: TYPICAL, churned: i < churned }));
    const m = trainChurnModel(rows);
    expect(m).toMatchObject({
      kind: 'default',
      fallbackReason: reason,
      trainedRows: n,
      churnedRows: churned,
    });
    expect(m.coefficients).toEqual(DEFAULT_CHURN_COEFFICIENTS);
  });

  it("learns the organization's own signal from 600 labelled customers", () => {
    const rows = history(600);
    const m = trainChurnModel(rows);
    expect(m.kind).toBe('trained');
    expect(m.converged).toBe(true);
    expect(m.fallbackReason).toBeNull();
    // The history makes tickets a strong signal (1.5 vs default 0.3) and health −1.2; others near the prior.
    expect(Math.abs(m.coefficients.ticketsLast30 - 1.5)).toBeLessThan(0.4);
    expect(Math.abs(m.coefficients.healthScore + 1.2)).toBeLessThan(0.4);
    expect(churnModelSchema.parse(JSON.parse(JSON.stringify(m)))).toEqual(m);
    // And it predicts better than the default on fresh customers from the same organization.
    const test = history(400, 99);
    const logLoss = (model: typeof m) =>
      test.reduce((s, r) => {
        const q = Math.min(
          1 - 1e-9,
          Math.max(1e-9, sigmoid(predictChurn(model, r.features, SEED_NOW).logOdds)),
        );
        return s - (r.churned ? Math.log(q) : Math.log(1 - q));
      }, 0) / test.length;
    expect(logLoss(m)).toBeLessThan(logLoss(DEFAULT_CHURN_MODEL));
  });

  it('stays close to the defaults with a small history (shrinkage towards the prior)', () => {
    const small = trainChurnModel(history(30, 3));
    const large = trainChurnModel(history(3000, 3));
    expect(small.kind).toBe('trained');
    const distance = (m: typeof small) =>
      CHURN_FEATURES.reduce((s, f) => s + Math.abs(m.coefficients[f] - DEFAULT_CHURN_COEFFICIENTS[f]), 0);
    expect(distance(small)).toBeLessThan(distance(large));
  });

  it('is deterministic and does not depend on row order', () => {
    const rows = history(200);
    const a = trainChurnModel(rows);
    expect(trainChurnModel(rows)).toEqual(a);
    const b = trainChurnModel([...rows].reverse());
    for (const f of CHURN_FEATURES) expect(b.coefficients[f]).toBeCloseTo(a.coefficients[f], 8);
  });

  it('rejects malformed rows', () => {
    expect(() => trainChurnModel([{ features: { ...TYPICAL, healthScore: -3 }, churned: true }])).toThrow(
      ZodError,
    );
  });
});

describe('churn — properties', () => {
  const featuresArb: fc.Arbitrary<ChurnFeatures> = fc.record({
    healthScore: fc.integer({ min: 0, max: 100 }),
    usageTrend: fc.double({ min: -1, max: 3, noNaN: true }),
    daysSinceLastLogin: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
    ticketsLast30: fc.integer({ min: 0, max: 100 }),
    npsScore: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
    tenureMonths: fc.integer({ min: 0, max: 200 }),
    latePaymentsLast12: fc.integer({ min: 0, max: 24 }),
  });

  it('probability stays in 0–100 and labels fit the stored schema', () => {
    fc.assert(
      fc.property(featuresArb, (f) => {
        const p = predictChurn(DEFAULT_CHURN_MODEL, f, SEED_NOW);
        expect(Number.isInteger(p.probability) && p.probability >= 0 && p.probability <= 100).toBe(true);
        for (const c of p.factors) contributingFactorSchema.parse(c);
        expect(p.factors.length).toBeLessThanOrEqual(3);
      }),
    );
  });

  it("a higher health score never raises the default model's probability", () => {
    fc.assert(
      fc.property(featuresArb, fc.integer({ min: 0, max: 100 }), (f, h) => {
        const lo = Math.min(f.healthScore, h);
        const hi = Math.max(f.healthScore, h);
        const a = predictChurn(DEFAULT_CHURN_MODEL, { ...f, healthScore: lo }, SEED_NOW);
        const b = predictChurn(DEFAULT_CHURN_MODEL, { ...f, healthScore: hi }, SEED_NOW);
        expect(b.logOdds).toBeLessThanOrEqual(a.logOdds);
      }),
    );
  });

  it('winsorising: values beyond the range do not move the prediction further', () => {
    const { max } = CHURN_FEATURE_SCALING.ticketsLast30;
    const at = predictChurn(DEFAULT_CHURN_MODEL, { ...TYPICAL, ticketsLast30: max }, SEED_NOW);
    const beyond = predictChurn(DEFAULT_CHURN_MODEL, { ...TYPICAL, ticketsLast30: max * 10 }, SEED_NOW);
    expect(beyond.logOdds).toBe(at.logOdds);
  });
});
