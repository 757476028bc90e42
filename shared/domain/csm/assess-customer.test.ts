import { describe, expect, it } from 'vitest';
import { healthSchema } from '../../entities/csm.ts';
import {
  assessCustomer,
  assessCustomerAt,
  baselineFromHistory,
  HEALTH_HISTORY_LIMIT,
  nextHealthHistory,
} from './assess-customer.ts';
import { DEFAULT_CHURN_MODEL } from './churn.ts';
import { assessmentClock } from './customer-inputs.ts';
import { addDays } from './dates.ts';
import { DEFAULT_HEALTH_CONFIG, type HealthScoreConfig } from './health-config.ts';
import {
  agenciaDigitalDocs,
  consultoriaDefDocs,
  docFactory,
  DOCS_NOW,
  startupXyzDocs,
  techCorpDocs,
} from './test-docs.ts';

const TZ = 'America/Sao_Paulo';
const assess = (docs: Parameters<typeof assessCustomer>[0], options = {}) =>
  assessCustomer(docs, DEFAULT_HEALTH_CONFIG, DOCS_NOW, TZ, options);

describe('assessCustomer — TechCorp (healthy, spec §2.2)', () => {
  const previous = {
    history: [
      { date: '2025-12-20', score: 86 },
      { date: '2026-01-28', score: 90 },
    ],
    atRiskSince: null,
  };
  const result = assess(techCorpDocs(), { previous });
  const h = result.health!;

  it('85 × 0,30 + 92 × 0,25 + 95 × 0,20 + 100 × 0,15 + 80 × 0,10 = 90,5 → 91, healthy', () => {
    expect(h.score).toBe(91);
    expect(h.status).toBe('healthy');
    expect([85, 92, 95, 100, 80]).toEqual(
      (['productUsage', 'engagement', 'support', 'payment', 'growth'] as const).map(
        (d) => h.breakdown[d].score,
      ),
    );
    expect(h.missingDimensions).toEqual([]);
  });

  it('trend against the latest history point at least 30 days old (86 on 2025-12-20): +5; history gains today', () => {
    expect(h.trend).toBe(5);
    expect(h.history).toEqual([...previous.history, { date: '2026-01-29', score: 91 }]);
  });

  it('no risk factor; churn ≈ 1 % (z = −2,2 − 1,4 − 0,35 + 0,15 − 0,375 − 0,15 = −4,325), no date', () => {
    expect([h.riskScore, h.riskLevel, h.riskFactors, h.atRiskSince]).toEqual([100, 'none', [], null]);
    expect(h.churnProbability).toBe(1);
    expect(h.predictedChurnDate).toBeNull();
    expect(h.churnFactors.map((f) => [f.feature, Math.round(f.contribution * 1000) / 1000])).toEqual([
      ['healthScore', -1.4],
      ['npsScore', -0.375],
      ['daysSinceLastLogin', -0.35],
    ]);
    expect(result.inputs.churn).toMatchObject({ tenureMonths: 24, daysSinceLastLogin: 0, usageTrend: 0 });
  });

  it('an SEO cross-sell from the note (30 + 15 for "querem orçamento") and the advocacy insight (70 + 6)', () => {
    expect(result.expansion.map((e) => [e.key, e.probability, e.estimatedValueCents])).toEqual([
      ['cross_sell:seo', 45, 250_000],
    ]);
    expect(result.insights.map((i) => [i.key, i.probability])).toEqual([['advocacy', 76]]);
  });

  it('is a valid health document once the server adds its bookkeeping', () => {
    const doc = {
      ...h,
      id: '00000000-0000-4000-8000-00000000abcd',
      updatedAt: h.computedAt,
      serverSeq: 1,
      clientUpdatedAt: h.computedAt,
    };
    expect(() => healthSchema.parse(doc)).not.toThrow();
    expect(h.computedAt).toBe('2026-01-29T18:00:00.000Z');
  });

  it('the same documents give the same result (what makes the provisional score match the server)', () => {
    const f1 = techCorpDocs();
    const again = assessCustomerAt(f1, DEFAULT_HEALTH_CONFIG, assessmentClock(DOCS_NOW, TZ), { previous });
    const once = assessCustomer(f1, DEFAULT_HEALTH_CONFIG, DOCS_NOW, TZ, { previous });
    expect(again).toEqual(once);
  });
});

describe("assessCustomer — the at-risk page's cards (spec §2.4) from documents", () => {
  const riskOf = (docs: Parameters<typeof assessCustomer>[0]) => {
    const { health } = assess(docs);
    return {
      factors: health!.riskFactors.map((f) => [f.type, f.impact]),
      score: health!.riskScore,
      level: health!.riskLevel,
      since: health!.atRiskSince,
    };
  };

  it('StartupXYZ: −30 −25 −15 −10 → 20, critical', () => {
    expect(riskOf(startupXyzDocs())).toEqual({
      factors: [
        ['no_login', -30],
        ['usage_drop', -25],
        ['unanswered_emails', -15],
        ['stale_ticket', -10],
      ],
      score: 20,
      level: 'critical',
      since: '2026-01-29',
    });
  });

  it('AgênciaDigital: −20 −15 −10 → 55, warning', () => {
    expect(riskOf(agenciaDigitalDocs())).toEqual({
      factors: [
        ['low_capacity_usage', -20],
        ['no_executive_engagement', -15],
        ['renewal_soon', -10],
      ],
      score: 55,
      level: 'warning',
      since: '2026-01-29',
    });
  });

  it('ConsultoriaDEF: −15 −12 −11 → 62, warning', () => {
    expect(riskOf(consultoriaDefDocs())).toEqual({
      factors: [
        ['ticket_surge', -15],
        ['nps_drop', -12],
        ['main_contact_left', -11],
      ],
      score: 62,
      level: 'warning',
      since: '2026-01-29',
    });
  });

  it('keeps the date the customer first became at risk', () => {
    const { health } = assess(startupXyzDocs(), { previous: { history: [], atRiskSince: '2026-01-22' } });
    expect(health?.atRiskSince).toBe('2026-01-22');
  });

  it("uses the organization's churn model and risk levels", () => {
    const docs = agenciaDigitalDocs();
    const strict = assess(docs, { riskLevels: { critical: 60, warning: 90 } });
    expect(strict.health?.riskLevel).toBe('critical');
    const pessimist = assess(docs, { churnModel: { ...DEFAULT_CHURN_MODEL, intercept: 3 } });
    expect(pessimist.health!.churnProbability).toBeGreaterThan(assess(docs).health!.churnProbability);
  });
});

describe('assessCustomer — edge cases', () => {
  it('a churned customer: no risk detection, churned with certainty, no opportunity or insight', () => {
    const docs = startupXyzDocs();
    docs.customer = { ...docs.customer, status: 'churned', churnedAt: '2026-01-10T12:00:00.000Z' };
    const r = assess(docs);
    expect([r.health?.riskLevel, r.health?.riskFactors, r.health?.atRiskSince]).toEqual(['none', [], null]);
    expect([r.health?.churnProbability, r.health?.predictedChurnDate]).toEqual([100, null]);
    expect([r.expansion, r.insights]).toEqual([[], []]);
  });

  it('nothing to score under the configured weights: no health document, risk still detected', () => {
    const f = docFactory();
    const customer = f.customer({ customerSince: '2025-12-01', totalSeats: 10, activeUsers: 2 });
    const onlyUsageAndPayment: HealthScoreConfig = {
      ...DEFAULT_HEALTH_CONFIG,
      weights: { productUsage: 0, engagement: 50, support: 0, payment: 50, growth: 0 },
    };
    const r = assessCustomer(
      { customer, metrics: [], activities: [], tickets: [], invoices: [] },
      onlyUsageAndPayment,
      DOCS_NOW,
      TZ,
    );
    expect(r.health).toBeNull();
    expect(r.inputs.churn).toBeNull();
    // Never logged in (59 days a customer), 2 of 10 seats, never an executive contact.
    expect(r.risk.riskFactors.map((f) => f.type)).toEqual([
      'no_login',
      'low_capacity_usage',
      'no_executive_engagement',
    ]);
  });

  it("applies the organization's rules and weights", () => {
    const config: HealthScoreConfig = {
      weights: { productUsage: 20, engagement: 20, support: 20, payment: 20, growth: 20 },
      thresholds: { healthy: 95, atRisk: 60 },
      rules: [
        {
          id: 'nps',
          category: 'engagement',
          metric: 'npsScore',
          operator: 'less_than',
          value: 10,
          points: -2,
          description: '',
        },
      ],
    };
    const h = assessCustomer(techCorpDocs(), config, DOCS_NOW, TZ).health!;
    // (85 + 90 + 95 + 100 + 80) ÷ 5 = 90 → at risk under healthy ≥ 95
    expect([h.breakdown.engagement.score, h.score, h.status]).toEqual([90, 90, 'at_risk']);
  });
});

describe('health history', () => {
  it('replaces today, keeps order and the limit', () => {
    expect(
      nextHealthHistory(
        [
          { date: '2026-01-29', score: 10 },
          { date: '2026-01-27', score: 20 },
        ],
        '2026-01-29',
        30,
      ),
    ).toEqual([
      { date: '2026-01-27', score: 20 },
      { date: '2026-01-29', score: 30 },
    ]);
    const long = Array.from({ length: HEALTH_HISTORY_LIMIT }, (_, k) => ({
      date: addDays('2025-01-01', k),
      score: 50,
    }));
    const next = nextHealthHistory(long, '2030-01-01', 60);
    expect(next).toHaveLength(HEALTH_HISTORY_LIMIT);
    expect([next[0]?.date, next.at(-1)]).toEqual(['2025-01-02', { date: '2030-01-01', score: 60 }]);
  });

  it('baseline: the latest point at least 30 days old', () => {
    const history = [
      { date: '2025-11-01', score: 70 },
      { date: '2025-12-30', score: 75 },
      { date: '2025-12-31', score: 80 },
    ];
    expect(baselineFromHistory(history, '2026-01-29')).toEqual({ score: 75, breakdown: null });
    expect(baselineFromHistory(history, '2025-11-30')).toBeNull();
  });
});
