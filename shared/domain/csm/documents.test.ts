import { describe, expect, it } from 'vitest';
import { healthSchema, signalSchema } from '../../entities/csm.ts';
import { DEFAULT_CHURN_MODEL, predictChurn } from './churn.ts';
import { detectExpansion } from './expansion.ts';
import { computeHealth } from './health-score.ts';
import { detectInsights } from './insights.ts';
import { recommend } from './recommendations.ts';
import { nextAtRiskSince } from './risk-portfolio.ts';
import { detectRisks } from './risk.ts';
import { SEED_NOW, STARTUP_XYZ_RISK, TECHCORP } from './seed-fixtures.ts';
import { riskAlertDraft } from './signals.ts';

/** What the server adds around the rule outputs. */
const stored = (n: number) => ({
  id: `0190f3c2-0000-7000-8000-${String(n).padStart(12, '0')}`,
  updatedAt: SEED_NOW.toISOString(),
  serverSeq: n,
  clientUpdatedAt: SEED_NOW.toISOString(),
  customerId: '0190f3c2-0000-7000-8000-00000000cafe',
});
const signalStorage = (n: number) => ({
  ...stored(n),
  resolutionNotes: null,
  resolvedAt: null,
  resolvedBy: null,
  createdAt: SEED_NOW.toISOString(),
  acknowledgedAt: null,
  startedAt: null,
  dismissReason: null,
});

describe('rule outputs fill the stored documents as they are', () => {
  it('a health document (health + risk + churn)', () => {
    const health = computeHealth({ ...TECHCORP, loginDaysLast30: 2, npsScore: 3 }, undefined, { score: 80 });
    const risk = detectRisks(STARTUP_XYZ_RISK, SEED_NOW);
    const churn = predictChurn(
      DEFAULT_CHURN_MODEL,
      {
        healthScore: health.score!,
        usageTrend: -0.65,
        daysSinceLastLogin: 14,
        ticketsLast30: 2,
        npsScore: 3,
        tenureMonths: 8,
        latePaymentsLast12: 0,
      },
      SEED_NOW,
    );
    const doc = {
      ...stored(1),
      score: health.score,
      status: health.status,
      breakdown: health.breakdown,
      missingDimensions: health.missingDimensions,
      trend: health.trend,
      history: [{ date: '2026-01-29', score: health.score }],
      riskScore: risk.riskScore,
      riskLevel: risk.riskLevel,
      riskFactors: risk.riskFactors,
      atRiskSince: nextAtRiskSince(null, risk.riskLevel, SEED_NOW),
      churnProbability: churn.probability,
      predictedChurnDate: churn.predictedChurnDate,
      churnFactors: churn.factors,
      computedAt: SEED_NOW.toISOString(),
    };
    expect(healthSchema.parse(doc)).toEqual(doc);
  });

  it('signals: a risk alert, expansion opportunities and insights', () => {
    const risk = detectRisks(STARTUP_XYZ_RISK, SEED_NOW);
    const alert = riskAlertDraft(risk, recommend(risk), 150_000, 88)!;
    const expansions = detectExpansion(
      {
        tier: 'starter',
        mrrCents: 150_000,
        activeUsers: 14,
        totalSeats: 15,
        featuresAdopted: 18,
        featuresAvailable: 20,
        activities: [
          {
            id: '0190f3c2-0000-7000-8000-0000000000a1',
            type: 'note',
            title: 'Reunião',
            description: 'Querem tráfego pago',
            occurredAt: '2026-01-20T10:00:00-03:00',
          },
        ],
      },
      SEED_NOW,
    );
    const insights = detectInsights({ customerSince: '2024-12-15', npsScore: 9, healthScore: 92 }, SEED_NOW);
    expect(expansions.map((e) => e.subtype).sort()).toEqual(['cross_sell', 'expansion', 'upsell']);

    const docs = [
      { ...signalStorage(1), ...alert },
      ...expansions.map(({ key: _k, activityIds: _a, ...e }, i) => ({
        ...signalStorage(10 + i),
        ...e,
        kind: 'expansion' as const,
        status: 'identified' as const,
        riskScore: null,
        riskFactors: [],
        recommendation: null,
        suggestedActions: [],
        mrrAtRiskCents: null,
      })),
      ...insights.map(({ key: _k, actionCta: _c, ...s }, i) => ({
        ...signalStorage(20 + i),
        ...s,
        kind: 'insight' as const,
        status: 'new' as const,
        source: 'rule' as const,
        riskScore: null,
        riskFactors: [],
        recommendation: null,
        suggestedActions: [],
        estimatedValueCents: null,
        mrrAtRiskCents: null,
      })),
    ];
    for (const d of docs) expect(signalSchema.parse(d)).toEqual(d);
  });
});
