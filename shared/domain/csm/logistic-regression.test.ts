import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitLogisticRegression, sigmoid, solveLinearSystem } from './logistic-regression.ts';

/** Deterministic pseudo-random numbers for synthetic data (Park–Miller LCG). */
function lcg(seed: number) {
  let s = seed;
  return () => {
    s = (s * 48_271) % 2_147_483_647;
    return s / 2_147_483_647;
  };
}

describe('logistic regression (IRLS with L2)', () => {
  it('matches the closed form on one binary feature without penalty', () => {
    // x = 0: 2 of 8 churned → logit(0.25); x = 1: 6 of 8 → logit(0.75). So b = −ln 3, w = 2 ln 3.
    const x = [...Array(8).fill([0]), ...Array(8).fill([1])] as number[][];
    const y = [1, 1, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 0, 0] as (0 | 1)[];
    const fit = fitLogisticRegression(x, y, { l2: 0 });
    expect(fit.converged).toBe(true);
    expect(fit.intercept).toBeCloseTo(-Math.log(3), 8);
    expect(fit.weights[0]).toBeCloseTo(2 * Math.log(3), 8);
  });

  it('recovers known coefficients from 4 000 synthetic rows', () => {
    const rand = lcg(42);
    const truth = { b: -1, w: [1.5, -2, 0.5] };
    const x: number[][] = [];
    const y: (0 | 1)[] = [];
    for (let i = 0; i < 4000; i++) {
      const row = [rand() * 2 - 1, rand() * 2 - 1, rand() * 2 - 1];
      x.push(row);
      const z = truth.b + row.reduce((s, v, j) => s + v * truth.w[j]!, 0);
      y.push(rand() < sigmoid(z) ? 1 : 0);
    }
    const fit = fitLogisticRegression(x, y, { l2: 0.01 });
    expect(fit.intercept).toBeCloseTo(truth.b, 0);
    fit.weights.forEach((w, j) => expect(Math.abs(w - truth.w[j]!)).toBeLessThan(0.25));
  });

  it('stays finite on perfectly separable data thanks to the penalty', () => {
    const x = [[-2], [-1], [1], [2]];
    const y = [0, 0, 1, 1] as (0 | 1)[];
    const fit = fitLogisticRegression(x, y, { l2: 1 });
    expect(fit.converged).toBe(true);
    expect(Number.isFinite(fit.weights[0])).toBe(true);
    expect(fit.weights[0]).toBeGreaterThan(0);
  });

  it('shrinks towards the prior, not towards zero, when one is given', () => {
    const x = [[0], [0], [1], [1]];
    const y = [0, 1, 0, 1] as (0 | 1)[]; // no signal at all: the MLE weight is 0
    expect(fitLogisticRegression(x, y, { l2: 1 }).weights[0]).toBeCloseTo(0, 8);
    const towardsPrior = fitLogisticRegression(x, y, { l2: 1, prior: [2] }).weights[0]!;
    expect(towardsPrior).toBeGreaterThan(0.5);
    expect(towardsPrior).toBeLessThan(2);
  });

  it.each([
    ['empty', [], []],
    ['length mismatch', [[1]], [0, 1]],
    ['ragged rows', [[1, 2], [1]], [0, 1]],
    ['non-finite feature', [[Number.NaN], [1]], [1, 0]],
    ['a single class (the intercept would diverge)', [[1], [2]], [1, 1]],
  ] as [string, number[][], (0 | 1)[]][])('rejects %s input', (_l, x, y) => {
    expect(() => fitLogisticRegression(x, y, { l2: 1 })).toThrow();
  });

  it('solves a small linear system', () => {
    const sol = solveLinearSystem(
      [
        [0, 2, 1],
        [1, 1, 1],
        [2, 1, 3],
      ],
      [7, 6, 13],
    );
    sol.forEach((v, i) => expect(v).toBeCloseTo([1, 2, 3][i]!, 10));
    expect(() => solveLinearSystem([[0]], [1])).toThrow('singular');
  });

  it('property: at the optimum the penalised gradient is zero, and refitting is deterministic', () => {
    const row = fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 2, maxLength: 2 });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(row, fc.constantFrom<0 | 1>(0, 1)), { minLength: 4, maxLength: 40 }),
        fc.double({ min: 0.1, max: 5, noNaN: true }),
        (rows, l2) => {
          fc.pre(rows.some((r) => r[1] === 1) && rows.some((r) => r[1] === 0));
          const x = rows.map((r) => r[0]);
          const y = rows.map((r) => r[1]);
          const fit = fitLogisticRegression(x, y, { l2 });
          expect(fit.converged).toBe(true);
          const g = [0, 0, 0];
          x.forEach((xi, i) => {
            const r = sigmoid(fit.intercept + xi[0]! * fit.weights[0]! + xi[1]! * fit.weights[1]!) - y[i]!;
            g[0]! += r;
            g[1]! += r * xi[0]!;
            g[2]! += r * xi[1]!;
          });
          g[1]! += l2 * fit.weights[0]!;
          g[2]! += l2 * fit.weights[1]!;
          for (const v of g) expect(Math.abs(v)).toBeLessThan(1e-6);
          expect(fitLogisticRegression(x, y, { l2 })).toEqual(fit);
        },
      ),
    );
  });
});
