import { describe, expect, it } from 'vitest';
import { healthSchema, signalSchema } from './csm.ts';
import { upgradeStoredDomainText } from './domain-text.ts';

const T0 = '2026-01-29T18:00:00.000Z';
const ID = '0194b3a0-0000-7000-8000-000000000001';
const base = { id: ID, updatedAt: T0, serverSeq: 3, clientUpdatedAt: T0, customerId: ID };
const metric = (factors: unknown[]) => ({
  score: 80,
  weight: 20,
  effectiveWeight: 20,
  weightedScore: 16,
  factors,
  trend: 'stable',
  trendValue: 0,
  rulePoints: 0,
});

describe('upgradeStoredDomainText (device migration of documents stored before codes)', () => {
  it('keeps a signal’s sentences word for word as the text code', () => {
    const old = {
      ...base,
      kind: 'risk_alert',
      subtype: null,
      status: 'open',
      title: 'Cliente em risco',
      description: 'Sem login há 14 dias (-30 pts)',
      source: 'rule',
      riskScore: 70,
      riskFactors: [{ type: 'no_login', description: 'Sem login há 14 dias', impact: -30, detectedAt: T0 }],
      recommendation: null,
      suggestedActions: [
        {
          type: 'call',
          title: 'Ligar agora',
          description: 'Ligação',
          priority: 'urgent',
          estimatedImpact: 30,
        },
      ],
      estimatedValueCents: null,
      mrrAtRiskCents: 150_000,
      probability: null,
      resolutionNotes: null,
      resolvedAt: null,
      resolvedBy: null,
      createdAt: T0,
    };
    const upgraded = signalSchema.parse(upgradeStoredDomainText('signals', old));
    expect(upgraded.title).toEqual({ code: 'text', params: { text: 'Cliente em risco' } });
    expect(upgraded.recommendation).toBeNull();
    expect(upgraded.riskFactors[0]?.description).toEqual({
      code: 'text',
      params: { text: 'Sem login há 14 dias' },
    });
    expect(upgraded.suggestedActions[0]?.title).toEqual({ code: 'text', params: { text: 'Ligar agora' } });
    // Already upgraded: unchanged.
    expect(upgradeStoredDomainText('signals', upgraded)).toEqual(upgraded);
  });

  it('drops a health factor’s stored name and wraps descriptions and churn labels', () => {
    const factor = {
      key: 'loginFrequency',
      name: 'Frequência de login',
      value: 85,
      maxValue: 100,
      impact: 'positive',
      description: 'Login em 17 dos últimos 30 dias',
      raw: 17,
    };
    const old = {
      ...base,
      score: 80,
      status: 'healthy',
      breakdown: Object.fromEntries(
        ['productUsage', 'engagement', 'support', 'payment', 'growth'].map((d) => [
          d,
          metric(d === 'productUsage' ? [factor] : []),
        ]),
      ),
      missingDimensions: [],
      trend: null,
      history: [],
      riskScore: 100,
      riskLevel: 'none',
      riskFactors: [],
      atRiskSince: null,
      churnProbability: 5,
      predictedChurnDate: null,
      churnFactors: [{ feature: 'npsScore', label: 'NPS 9 (reduz o risco)', contribution: -1 }],
      computedAt: T0,
    };
    const upgraded = healthSchema.parse(upgradeStoredDomainText('health', old));
    expect(upgraded.breakdown.productUsage.factors[0]).toEqual({
      key: 'loginFrequency',
      value: 85,
      maxValue: 100,
      impact: 'positive',
      description: { code: 'text', params: { text: 'Login em 17 dos últimos 30 dias' } },
      raw: 17,
    });
    expect(upgraded.churnFactors[0]?.label).toEqual({
      code: 'text',
      params: { text: 'NPS 9 (reduz o risco)' },
    });
    expect(upgradeStoredDomainText('customers', old)).toBe(old);
  });
});
