import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { detectInsights, type InsightInput } from './insights.ts';
import { SEED_NOW } from './seed-fixtures.ts';

/** TechCorp (§2.2): NPS 9, Health Score 92, customer for 13 months on 29/01/2026. */
const TECHCORP: InsightInput = { customerSince: '2024-12-15', npsScore: 9, healthScore: 92 };

describe('insights', () => {
  it('TechCorp is an advocacy candidate, as in the wireframe', () => {
    expect(detectInsights(TECHCORP, SEED_NOW)).toEqual([
      {
        key: 'advocacy',
        subtype: 'advocacy',
        title: { code: 'insight.advocacyTitle', params: {} },
        description: { code: 'insight.advocacyDescription', params: { nps: 9, health: 92, months: 13 } },
        probability: 76,
        actionCta: { code: 'insight.advocacyCta', params: {} },
      },
    ]);
  });

  it.each([
    ['NPS 8', { ...TECHCORP, npsScore: 8 }, false],
    ['health 79', { ...TECHCORP, healthScore: 79 }, false],
    ['11 full months', { ...TECHCORP, customerSince: '2025-01-30' }, false],
    ['exactly 12 months', { ...TECHCORP, customerSince: '2025-01-29' }, true],
    ['no NPS', { ...TECHCORP, npsScore: null }, false],
    ['NPS 10, health 100', { ...TECHCORP, npsScore: 10, healthScore: 100 }, true],
  ] as const)('advocacy with %s: %s', (_l, input, expected) => {
    expect(detectInsights(input, SEED_NOW).some((i) => i.subtype === 'advocacy')).toBe(expected);
  });

  it('confidence grows with NPS and health and stays ≤ 100', () => {
    expect(detectInsights({ ...TECHCORP, npsScore: 10, healthScore: 100 }, SEED_NOW)[0]?.probability).toBe(
      90,
    );
    expect(detectInsights({ ...TECHCORP, healthScore: 80 }, SEED_NOW)[0]?.probability).toBe(70);
  });

  it.each([
    [
      '6 of 20 features after 13 months',
      { customerSince: '2024-12-15', featuresAdopted: 6, featuresAvailable: 20 },
      true,
    ],
    [
      '8 of 20 (40 %) is not low',
      { customerSince: '2024-12-15', featuresAdopted: 8, featuresAvailable: 20 },
      false,
    ],
    [
      'low but only 2 months in',
      { customerSince: '2025-11-20', featuresAdopted: 1, featuresAvailable: 20 },
      false,
    ],
    [
      'no features available',
      { customerSince: '2024-12-15', featuresAdopted: 0, featuresAvailable: 0 },
      false,
    ],
  ] as const)('low adoption with %s: %s', (_l, input, expected) => {
    const found = detectInsights(input, SEED_NOW).find((i) => i.key === 'low_adoption');
    expect(Boolean(found)).toBe(expected);
    if (found) {
      expect(found.description).toEqual({
        code: 'insight.lowAdoptionDescription',
        params: { adopted: 6, available: 20, percent: 30, months: 13 },
      });
    }
  });

  it('rejects invalid input', () => {
    expect(() => detectInsights({ ...TECHCORP, npsScore: 12 }, SEED_NOW)).toThrow(ZodError);
    expect(() => detectInsights({ ...TECHCORP, customerSince: '15/12/2024' }, SEED_NOW)).toThrow(ZodError);
  });
});
