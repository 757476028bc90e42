import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { HEALTH_DIMENSIONS, healthBreakdownSchema } from '../../entities/csm.ts';
import { DEFAULT_HEALTH_CONFIG, healthScoreConfigSchema, type HealthScoreConfig } from './health-config.ts';
import { HEALTH_FACTOR_KEYS, HEALTH_FACTORS } from './health-factors.ts';
import { HEALTH_INPUT_KEYS, type HealthInput } from './health-input.ts';
import { computeHealth } from './health-score.ts';
import { TECHCORP } from './seed-fixtures.ts';
import { healthInputArb } from './test-arbitraries.ts';

const factorValue = (input: HealthInput, key: string) => {
  const h = computeHealth(input);
  for (const d of HEALTH_DIMENSIONS) {
    const f = h.breakdown[d].factors.find((x) => x.key === key);
    if (f) return f.value;
  }
  return null;
};

describe('health score — the seed model (30/25/20/15/10)', () => {
  it('reproduces the TechCorp breakdown 85/92/95/100/80 and totals 90.5 → 91', () => {
    const h = computeHealth(TECHCORP);
    expect(HEALTH_DIMENSIONS.map((d) => h.breakdown[d].score)).toEqual([85, 92, 95, 100, 80]);
    expect(HEALTH_DIMENSIONS.map((d) => h.breakdown[d].weight)).toEqual([30, 25, 20, 15, 10]);
    expect(HEALTH_DIMENSIONS.map((d) => h.breakdown[d].weightedScore)).toEqual([25.5, 23, 19, 15, 8]);
    expect(h.score).toBe(91);
    expect(h.status).toBe('healthy');
    expect(h.missingDimensions).toEqual([]);
    expect(() => healthBreakdownSchema.parse(h.breakdown)).not.toThrow();
  });

  it('keeps every seed factor with its raw input described by a code with its numbers', () => {
    const h = computeHealth(TECHCORP);
    const all = HEALTH_DIMENSIONS.flatMap((d) => h.breakdown[d].factors);
    expect(all.map((f) => f.key)).toEqual(HEALTH_FACTORS.map((f) => f.key));
    expect(all.find((f) => f.key === 'seatUtilization')).toMatchObject({
      value: 85,
      raw: 85,
      impact: 'positive',
      description: { code: 'factor.seatUtilization', params: { active: 85, seats: 100, percent: 85 } },
    });
    expect(all.find((f) => f.key === 'resolutionSatisfaction')?.description).toEqual({
      code: 'factor.resolutionSatisfaction',
      params: { csat: 4.8 },
    });
    expect(all.find((f) => f.key === 'contractValueGrowth')?.description).toEqual({
      code: 'factor.contractValueGrowth',
      params: { growthPercent: 12.5, beforeCents: 400_000, nowCents: 450_000 },
    });
    expect(all.find((f) => f.key === 'referralActivity')?.impact).toBe('neutral');
  });

  // One factor per dimension, all at 100; zeroing one dimension removes exactly its weight from the total.
  const ALL_100: HealthInput = {
    loginDaysLast30: 20,
    npsScore: 10,
    ticketsLast30: 0,
    paymentsLast12: 4,
    paymentsOnTimeLast12: 4,
    referralsLast12: 2,
  };
  it.each([
    ['all dimensions at 100', 100, {}],
    ['product usage at 0 (−30)', 70, { loginDaysLast30: 0 }],
    ['engagement at 0 (−25)', 75, { npsScore: 0 }],
    ['support at 0 (−20)', 80, { ticketsLast30: 5 }],
    ['payment at 0 (−15)', 85, { paymentsOnTimeLast12: 0 }],
    ['growth at 0 (−10)', 90, { referralsLast12: 0 }],
  ] satisfies [string, number, HealthInput][])('%s → %i', (_l, total, overrides) => {
    expect(computeHealth({ ...ALL_100, ...overrides }).score).toBe(total);
  });

  it.each([
    [80, 'healthy'],
    [79, 'at_risk'],
    [50, 'at_risk'],
    [49, 'critical'],
  ] as const)('score %i is %s (healthy ≥ 80, at risk ≥ 50)', (score, status) => {
    // One dimension with one factor: the total is that factor's value.
    const input: HealthInput = { featuresAdopted: score, featuresAvailable: 100 };
    const h = computeHealth(input);
    expect(h.score).toBe(score);
    expect(h.status).toBe(status);
  });
});

describe('health score — missing data and renormalisation', () => {
  it('returns no score when there is no data at all', () => {
    const h = computeHealth({});
    expect(h.score).toBeNull();
    expect(h.status).toBeNull();
    expect(h.missingDimensions).toEqual([...HEALTH_DIMENSIONS]);
    expect(HEALTH_DIMENSIONS.every((d) => h.breakdown[d].effectiveWeight === 0)).toBe(true);
    expect(() => healthBreakdownSchema.parse(h.breakdown)).not.toThrow();
  });

  it('leaves out a dimension without data and renormalises the other weights to 100', () => {
    const {
      referralsLast12: _r,
      openExpansionValueCents: _o,
      expansionConversationsLast90: _e,
      ...noGrowth
    } = TECHCORP;
    const h = computeHealth(noGrowth);
    expect(h.missingDimensions).toEqual(['growth']);
    expect(h.breakdown.growth).toMatchObject({
      score: null,
      effectiveWeight: 0,
      weightedScore: 0,
      factors: [],
    });
    expect(h.breakdown.productUsage.effectiveWeight).toBeCloseTo(100 / 3, 10);
    // (85×30 + 92×25 + 95×20 + 100×15) / 90 = 91.61… → 92
    expect(h.score).toBe(92);
  });

  it('scores only the factors with data inside a dimension (null is not zero)', () => {
    expect(computeHealth({ loginDaysLast30: 10 }).breakdown.productUsage.score).toBe(50);
    expect(
      computeHealth({ loginDaysLast30: 10, featuresAdopted: 0, featuresAvailable: 10 }).breakdown.productUsage
        .score,
    ).toBe(25);
  });

  it.each([
    ['zero seats: no seat utilisation', { activeUsers: 3, totalSeats: 0 }, 'seatUtilization', null],
    ['zero features available', { featuresAdopted: 0, featuresAvailable: 0 }, 'featureAdoption', null],
    ['no e-mails sent', { emailsSent: 0, emailsReplied: 0 }, 'emailResponseRate', null],
    [
      'no tickets in 90 days: escalation undefined',
      { ticketsLast90: 0, escalatedTicketsLast90: 0 },
      'escalationRate',
      null,
    ],
    [
      'no self-service and no tickets',
      { selfServiceSessionsLast30: 0, ticketsLast30: 0 },
      'selfServiceUsage',
      null,
    ],
    [
      'no MRR a year ago (new customer)',
      { mrrCents: 100_000, mrr12MonthsAgoCents: 0 },
      'contractValueGrowth',
      null,
    ],
    [
      'no MRR: upsell potential undefined',
      { mrrCents: 0, openExpansionValueCents: 50_000 },
      'upsellPotential',
      null,
    ],
    ['half of the pair missing', { activeUsers: 10 }, 'seatUtilization', null],
    ['more active users than seats is capped', { activeUsers: 120, totalSeats: 100 }, 'seatUtilization', 100],
    ['zero seats: ticket volume judged per ticket', { ticketsLast30: 2, totalSeats: 0 }, 'ticketVolume', 60],
    ['100 seats: 5 tickets is 0.5 per 10 seats', { ticketsLast30: 5, totalSeats: 100 }, 'ticketVolume', 90],
    ['CSAT 1/5 is zero', { csatAverage: 1 }, 'resolutionSatisfaction', 0],
    ['MRR halved', { mrrCents: 50_000, mrr12MonthsAgoCents: 100_000 }, 'contractValueGrowth', 0],
    ['flat MRR', { mrrCents: 100_000, mrr12MonthsAgoCents: 100_000 }, 'contractValueGrowth', 75],
    [
      '3 of 12 charges failed',
      { chargeAttemptsLast12: 12, failedChargesLast12: 3 },
      'paymentReliability',
      75,
    ],
    ['30 login days is capped', { loginDaysLast30: 30 }, 'loginFrequency', 100],
  ] satisfies [string, HealthInput, string, number | null][])('%s', (_l, input, key, expected) => {
    expect(factorValue(input, key)).toBe(expected);
  });

  it('gives no score when only zero-weight dimensions have data', () => {
    const config: HealthScoreConfig = {
      ...DEFAULT_HEALTH_CONFIG,
      weights: { productUsage: 100, engagement: 0, support: 0, payment: 0, growth: 0 },
    };
    const h = computeHealth({ npsScore: 9 }, config);
    expect(h.score).toBeNull();
    expect(h.breakdown.engagement.score).toBe(90);
  });
});

describe('health score — input and config validation', () => {
  it.each([
    ['negative count', { ticketsLast30: -1 }, 'ticketsLast30'],
    ['more than 30 login days', { loginDaysLast30: 31 }, 'loginDaysLast30'],
    ['fractional login days', { loginDaysLast30: 2.5 }, 'loginDaysLast30'],
    ['NPS above 10', { npsScore: 11 }, 'npsScore'],
    ['CSAT below 1', { csatAverage: 0 }, 'csatAverage'],
    ['replied more than sent', { emailsSent: 3, emailsReplied: 4 }, 'emailsReplied'],
    [
      'more on-time payments than payments',
      { paymentsLast12: 1, paymentsOnTimeLast12: 2 },
      'paymentsOnTimeLast12',
    ],
    ['negative money', { mrrCents: -5 }, 'mrrCents'],
    ['unknown field', { loginDays: 3 }, ''],
  ] as [string, HealthInput, string][])('rejects %s with an error naming the field', (_l, input, field) => {
    const attempt = () => computeHealth(input);
    expect(attempt).toThrow(ZodError);
    try {
      attempt();
    } catch (e) {
      const issues = (e as ZodError).issues;
      if (field) expect(issues.map((i) => i.path.join('.'))).toContain(field);
      else expect(issues[0]?.code).toBe('unrecognized_keys');
    }
  });

  it('explains replied > sent in words', () => {
    expect(() => computeHealth({ emailsSent: 3, emailsReplied: 4 })).toThrow(
      'emailsReplied (4) cannot exceed emailsSent (3)',
    );
  });

  it.each([
    [
      { productUsage: 30, engagement: 25, support: 20, payment: 15, growth: 5 },
      'weights must sum to 100 (got 95)',
    ],
    [
      { productUsage: 30.5, engagement: 24.5, support: 20, payment: 15, growth: 10 },
      'weights must be integers',
    ],
    [{ productUsage: 130, engagement: -30, support: 0, payment: 0, growth: 0 }, 'Too big'],
  ])('rejects weights %o', (weights, message) => {
    const config = { ...DEFAULT_HEALTH_CONFIG, weights };
    expect(() => computeHealth({ npsScore: 5 }, config)).toThrow(message);
  });

  it('rejects thresholds where healthy is not above at risk', () => {
    const config = { ...DEFAULT_HEALTH_CONFIG, thresholds: { healthy: 50, atRisk: 50 } };
    expect(() => healthScoreConfigSchema.parse(config)).toThrow(
      'thresholds.healthy must be greater than thresholds.atRisk',
    );
  });

  it('accepts custom thresholds and uses them for status and factor impact', () => {
    const config = { ...DEFAULT_HEALTH_CONFIG, thresholds: { healthy: 90, atRisk: 70 } };
    const h = computeHealth({ npsScore: 8 }, config);
    expect(h.status).toBe('at_risk');
    expect(h.breakdown.engagement.factors[0]?.impact).toBe('neutral');
    expect(computeHealth({ npsScore: 6 }, config).breakdown.engagement.factors[0]?.impact).toBe('negative');
  });

  it('never has a metric name that is both an input field and a factor key', () => {
    const inputs = new Set<string>(HEALTH_INPUT_KEYS);
    expect(HEALTH_FACTOR_KEYS.filter((k) => inputs.has(k))).toEqual([]);
  });

  it('rejects a rule on an unknown metric', () => {
    const config = {
      ...DEFAULT_HEALTH_CONFIG,
      rules: [
        {
          id: 'r1',
          category: 'engagement',
          metric: 'mood',
          operator: 'less_than',
          value: 3,
          points: -5,
          description: '',
        },
      ],
    } as unknown as HealthScoreConfig;
    expect(() => computeHealth({}, config)).toThrow("unknown metric 'mood'");
  });
});

describe('health score — configurable rules', () => {
  const rule = (over: Partial<HealthScoreConfig['rules'][number]>): HealthScoreConfig => ({
    ...DEFAULT_HEALTH_CONFIG,
    rules: [
      {
        id: 'r1',
        category: 'engagement',
        metric: 'npsScore',
        operator: 'less_than',
        value: 7,
        points: -20,
        description: 'Detrator no NPS',
        ...over,
      },
    ],
  });

  it.each([
    ['less_than fires on a raw metric', { npsScore: 6 }, rule({}), 40, -20],
    ['less_than does not fire at the boundary', { npsScore: 7 }, rule({}), 70, 0],
    [
      'greater_than adds points',
      { npsScore: 9 },
      rule({ metric: 'npsScore', operator: 'greater_than', value: 8, points: 5 }),
      95,
      5,
    ],
    [
      'equals',
      { npsScore: 9, ticketsLast30: 0 },
      rule({ metric: 'ticketsLast30', operator: 'equals', value: 0, points: 10 }),
      100,
      10,
    ],
    ['clamped at 100', { npsScore: 10 }, rule({ operator: 'greater_than', value: 5, points: 30 }), 100, 30],
    ['clamped at 0', { npsScore: 1 }, rule({ points: -50 }), 0, -50],
    [
      'rule on another dimension does not touch this one',
      { npsScore: 6 },
      rule({ category: 'support' }),
      60,
      0,
    ],
    [
      'rule on a metric without data never fires',
      { npsScore: 6 },
      rule({ metric: 'communityActionsLast30', value: 100 }),
      60,
      0,
    ],
    [
      'rule on a factor key',
      { loginDaysLast30: 2, npsScore: 6 },
      rule({ metric: 'loginFrequency', operator: 'less_than', value: 20 }),
      40,
      -20,
    ],
  ] satisfies [string, HealthInput, HealthScoreConfig, number, number][])(
    '%s',
    (_l, input, config, score, points) => {
      const engagement = computeHealth(input, config).breakdown.engagement;
      expect(engagement.score).toBe(score);
      expect(engagement.rulePoints).toBe(points);
    },
  );

  it('never brings a dimension without data back', () => {
    const h = computeHealth(
      { loginDaysLast30: 5 },
      rule({ metric: 'loginDaysLast30', operator: 'less_than', value: 10 }),
    );
    expect(h.breakdown.engagement.score).toBeNull();
    expect(h.missingDimensions).toContain('engagement');
  });
});

describe('health score — trend vs 30 days before', () => {
  it('shows the wireframe\'s "↑ +5 pts vs last month" and per-dimension trends', () => {
    const before = computeHealth({ ...TECHCORP, loginDaysLast30: 6, npsScore: 8 });
    const now = computeHealth(TECHCORP, DEFAULT_HEALTH_CONFIG, before);
    expect(before.score).toBe(86);
    expect(now.trend).toBe(5);
    expect(now.trendDirection).toBe('up');
    expect(now.breakdown.productUsage).toMatchObject({ trend: 'up', trendValue: 14 });
    expect(now.breakdown.engagement).toMatchObject({ trend: 'up', trendValue: 2 });
    expect(now.breakdown.support).toMatchObject({ trend: 'stable', trendValue: 0 });
  });

  it.each([
    [90, 91, 'stable'],
    [93, 91, 'down'],
    [89, 91, 'up'],
  ] as const)('previous %i, now %i → %s (±1 is stable)', (prev, _now, direction) => {
    const h = computeHealth(TECHCORP, DEFAULT_HEALTH_CONFIG, { score: prev });
    expect(h.trendDirection).toBe(direction);
    expect(h.breakdown.productUsage.trend).toBe('stable');
  });

  it('has no trend without a previous score', () => {
    expect(computeHealth(TECHCORP, DEFAULT_HEALTH_CONFIG, { score: null }).trend).toBeNull();
    expect(computeHealth(TECHCORP).trend).toBeNull();
  });
});

// — Property tests —

const weightsArb = fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 4, maxLength: 4 }).map((cuts) => {
  const s = [0, ...cuts.sort((a, b) => a - b), 100];
  const w = s.slice(1).map((x, i) => x - s[i]!);
  return { productUsage: w[0]!, engagement: w[1]!, support: w[2]!, payment: w[3]!, growth: w[4]! };
});

describe('health score — properties', () => {
  it('every score stays in 0–100 and the breakdown matches the stored schema', () => {
    fc.assert(
      fc.property(healthInputArb, weightsArb, (input, weights) => {
        const h = computeHealth(input, { ...DEFAULT_HEALTH_CONFIG, weights });
        healthBreakdownSchema.parse(h.breakdown);
        if (h.score !== null) expect(Number.isInteger(h.score) && h.score >= 0 && h.score <= 100).toBe(true);
        for (const d of HEALTH_DIMENSIONS) {
          const m = h.breakdown[d];
          if (m.score !== null) expect(m.score).toBeGreaterThanOrEqual(0);
          for (const f of m.factors) expect(f.value >= 0 && f.value <= 100).toBe(true);
        }
      }),
    );
  });

  it('effective weights of the scored dimensions always add up to 100', () => {
    fc.assert(
      fc.property(healthInputArb, weightsArb, (input, weights) => {
        const h = computeHealth(input, { ...DEFAULT_HEALTH_CONFIG, weights });
        const sum = HEALTH_DIMENSIONS.reduce((s, d) => s + h.breakdown[d].effectiveWeight, 0);
        if (h.score === null) expect(sum).toBe(0);
        else expect(sum).toBeCloseTo(100, 9);
      }),
    );
  });

  it('more login days never lower product usage nor the total', () => {
    fc.assert(
      fc.property(
        healthInputArb,
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 30 }),
        (input, x, y) => {
          const [lo, hi] = [Math.min(x, y), Math.max(x, y)];
          const a = computeHealth({ ...input, loginDaysLast30: lo });
          const b = computeHealth({ ...input, loginDaysLast30: hi });
          expect(b.breakdown.productUsage.score!).toBeGreaterThanOrEqual(a.breakdown.productUsage.score!);
          expect(b.score!).toBeGreaterThanOrEqual(a.score!);
        },
      ),
    );
  });

  it('more tickets never raise the support score', () => {
    fc.assert(
      fc.property(
        healthInputArb,
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 60 }),
        (input, x, y) => {
          const [lo, hi] = [Math.min(x, y), Math.max(x, y)];
          const a = computeHealth({ ...input, ticketsLast30: lo });
          const b = computeHealth({ ...input, ticketsLast30: hi });
          expect(b.breakdown.support.score!).toBeLessThanOrEqual(a.breakdown.support.score!);
        },
      ),
    );
  });
});
