import { describe, expect, it } from 'vitest';
import * as csm from './index.ts';

describe('csm domain index', () => {
  it('exports the functions the server and the device call', () => {
    for (const name of [
      'computeHealth',
      'explainHealthChange',
      'detectRisks',
      'mainContactLeft',
      'summarizePortfolioRisk',
      'daysAtRisk',
      'nextAtRiskSince',
      'trainChurnModel',
      'predictChurn',
      'detectExpansion',
      'detectInsights',
      'recommend',
      'transitionSignal',
      'riskAlertDraft',
      'assessCustomer',
      'healthInputFromDocs',
      'riskInputFromDocs',
      'churnFeaturesFromDocs',
      'portfolioKpis',
    ] as const) {
      expect(typeof csm[name]).toBe('function');
    }
  });

  it('keeps test fixtures and generators out of the public surface', () => {
    for (const name of [
      'TECHCORP',
      'SEED_NOW',
      'STARTUP_XYZ_RISK',
      'healthInputArb',
      'techCorpDocs',
      'docFactory',
    ])
      expect(name in csm).toBe(false);
  });
});
