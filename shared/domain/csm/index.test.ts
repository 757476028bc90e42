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
    ] as const) {
      expect(typeof csm[name]).toBe('function');
    }
  });

  it('never exports a name twice with different meanings (every export is defined)', () => {
    for (const [name, value] of Object.entries(csm)) expect(value, name).toBeDefined();
  });
});
