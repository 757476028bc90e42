import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { evaluateAbTest, normalCdf, relativeLift } from './ab-test.ts';
import { truncateTowardZero } from './numbers.ts';

const v = (visitors: number, conversions: number, name = '') => ({ name, visitors, conversions });

describe('evaluateAbTest', () => {
  it('seed: A 2.3% of 1.240 (29) vs B 3.1% of 1.198 (37) → lift +32,0% from counts, inconclusive at 74.6%', () => {
    const r = evaluateAbTest({
      variantA: v(1240, 29, 'Aumente Vendas'),
      variantB: v(1198, 37, 'Dobre Resultados'),
    });
    expect(r.rateA).toBeCloseTo(0.023387, 6);
    expect(r.rateB).toBeCloseTo(0.030885, 6);
    expect(r.lift).toBeCloseTo(0.32059, 5);
    expect(r.liftLabel).toBe('+32,0%');
    expect(r.z).toBeCloseTo(1.1404, 4);
    expect(r.pValue).toBeCloseTo(0.2541, 4);
    expect(r.confidencePercentDisplay).toBe(74.5); // 74.58…% truncated
    expect(r.sampleSufficient).toBe(true);
    expect(r.verdict).toEqual({ kind: 'inconclusive', reason: 'not_significant' });
  });

  it('seed headline: the lift of the displayed rates 3.1/2.3 is +34.7% (34.78… truncated)', () => {
    const lift = relativeLift(2.3, 3.1);
    expect(lift).toBeCloseTo(0.347826, 6);
    expect(truncateTowardZero(lift! * 100, 1)).toBe(34.7);
  });

  it('seed rates at 10× the traffic (285/12.400 vs 371/11.980) → winner B, +34,7%', () => {
    const r = evaluateAbTest({ variantA: v(12_400, 285), variantB: v(11_980, 371) });
    expect(r.liftLabel).toBe('+34,7%');
    expect(r.confidence).toBeGreaterThan(0.999);
    expect(r.verdict).toEqual({ kind: 'winner', variant: 'B' });
  });

  it.each([
    // name, A, B, expected verdict
    {
      name: 'seed ×3 (z 1.98, 95.2%) → B',
      a: v(3720, 87),
      b: v(3594, 111),
      verdict: { kind: 'winner', variant: 'B' },
    },
    { name: 'A clearly better', a: v(2000, 120), b: v(2000, 60), verdict: { kind: 'winner', variant: 'A' } },
    {
      name: 'identical rates',
      a: v(1000, 50),
      b: v(1000, 50),
      verdict: { kind: 'inconclusive', reason: 'no_variation' },
    },
    {
      name: 'no conversions at all',
      a: v(5000, 0),
      b: v(5000, 0),
      verdict: { kind: 'inconclusive', reason: 'insufficient_sample' },
    },
    {
      name: 'too few visitors',
      a: v(40, 1),
      b: v(40, 10),
      verdict: { kind: 'inconclusive', reason: 'insufficient_sample' },
    },
    {
      name: 'too few conversions (np̂ < 5)',
      a: v(300, 1),
      b: v(300, 6),
      verdict: { kind: 'inconclusive', reason: 'insufficient_sample' },
    },
    {
      name: 'empty test',
      a: v(0, 0),
      b: v(0, 0),
      verdict: { kind: 'inconclusive', reason: 'insufficient_sample' },
    },
  ])('$name', ({ a, b, verdict }) => {
    const r = evaluateAbTest({ variantA: a, variantB: b });
    expect(r.verdict).toEqual(verdict);
    expect(Number.isFinite(r.pValue)).toBe(true);
  });

  it('a 99% requirement turns the seed ×3 winner into inconclusive', () => {
    const r = evaluateAbTest({ variantA: v(3720, 87), variantB: v(3594, 111), requiredConfidence: 0.99 });
    expect(r.verdict).toEqual({ kind: 'inconclusive', reason: 'not_significant' });
  });

  it('lift is null (not Infinity) when A has no conversions', () => {
    const r = evaluateAbTest({ variantA: v(1000, 0), variantB: v(1000, 30) });
    expect(r.lift).toBeNull();
    expect(r.liftLabel).toBeNull();
    expect(r.verdict).toEqual({ kind: 'winner', variant: 'B' });
  });

  it.each([
    { variantA: v(100, 101), variantB: v(100, 5) },
    { variantA: v(-1, 0), variantB: v(100, 5) },
    { variantA: v(100, 1.5), variantB: v(100, 5) },
    { variantA: v(100, 1), variantB: v(100, 5), requiredConfidence: 1.5 },
  ])('rejects invalid input with a ZodError (%#)', (input) => {
    expect(() => evaluateAbTest(input)).toThrow(ZodError);
  });

  it('normalCdf matches known quantiles', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-1.644854)).toBeCloseTo(0.05, 6);
  });

  const arm = fc
    .record({
      visitors: fc.integer({ min: 0, max: 20_000 }),
      share: fc.double({ min: 0, max: 1, noNaN: true }),
    })
    .map(({ visitors, share }) => v(visitors, Math.floor(visitors * share)));

  it('property: confidence in [0,1]; swapping variants mirrors the winner and keeps the p-value', () => {
    fc.assert(
      fc.property(arm, arm, (a, b) => {
        const ab = evaluateAbTest({ variantA: a, variantB: b });
        const ba = evaluateAbTest({ variantA: b, variantB: a });
        const mirrored =
          ab.verdict.kind === 'winner'
            ? ba.verdict.kind === 'winner' && ba.verdict.variant !== ab.verdict.variant
            : ba.verdict.kind === 'inconclusive';
        return (
          ab.confidence >= 0 && ab.confidence <= 1 && Math.abs(ab.pValue - ba.pValue) < 1e-12 && mirrored
        );
      }),
    );
  });

  it('property: scaling both samples by k (same rates) never lowers the confidence', () => {
    fc.assert(
      fc.property(arm, arm, fc.integer({ min: 2, max: 20 }), (a, b, k) => {
        const once = evaluateAbTest({ variantA: a, variantB: b });
        const scaled = evaluateAbTest({
          variantA: v(a.visitors * k, a.conversions * k),
          variantB: v(b.visitors * k, b.conversions * k),
        });
        return scaled.confidence >= once.confidence - 1e-9;
      }),
    );
  });
});
