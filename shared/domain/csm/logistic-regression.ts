/**
 * L2-regularised logistic regression fitted by Newton–Raphson (IRLS) with step halving.
 *
 * Why hand-written: simple-statistics (installed) has no logistic regression training, and the model is tiny
 * (≈ 8 parameters, a few thousand rows), so an exact second-order method converges in ~10 iterations and is
 * fully deterministic (no random init, no learning rate to tune).
 *
 * Objective (minimised):  Σᵢ [softplus(zᵢ) − yᵢ zᵢ] + λ/2 · Σⱼ (wⱼ − priorⱼ)²,   zᵢ = b + w·xᵢ
 * The intercept b is not penalised. With `prior` = 0 this is plain ridge; with a prior it shrinks the weights
 * towards known coefficients (the MAP estimate under a Gaussian prior), which keeps small samples sensible.
 * Invariant at the optimum (tested): the gradient is zero, i.e. Σ (pᵢ − yᵢ) = 0 and
 * Σ (pᵢ − yᵢ) xᵢⱼ + λ (wⱼ − priorⱼ) = 0 for every j.
 */

export interface LogisticFitOptions {
  /** λ ≥ 0. Must be > 0 when the classes can be perfectly separated, or the weights diverge. */
  l2: number;
  /** Centre of the penalty, one per feature (default all 0). Also the starting point. */
  prior?: readonly number[];
  maxIterations?: number;
  /** Stop when no parameter moves by more than this. */
  tolerance?: number;
}

export interface LogisticFit {
  intercept: number;
  weights: number[];
  iterations: number;
  converged: boolean;
  /** Mean negative log-likelihood on the training rows (without the penalty). */
  logLoss: number;
}

/** Numerically stable logistic function. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** log(1 + eᶻ) without overflow. */
function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

/** Solves A·x = b by Gaussian elimination with partial pivoting (A is small and, here, positive definite). */
export function solveLinearSystem(a: readonly (readonly number[])[], b: readonly number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    if (Math.abs(m[pivot]![col]!) < 1e-300) throw new Error('singular system');
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    const p = m[col]!;
    for (let r = col + 1; r < n; r++) {
      const row = m[r]!;
      const f = row[col]! / p[col]!;
      if (f === 0) continue;
      for (let c = col; c <= n; c++) row[c]! -= f * p[c]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    const row = m[r]!;
    let s = row[n]!;
    for (let c = r + 1; c < n; c++) s -= row[c]! * x[c]!;
    x[r] = s / row[r]!;
  }
  return x;
}

export function fitLogisticRegression(
  x: readonly (readonly number[])[],
  y: readonly (0 | 1)[],
  options: LogisticFitOptions,
): LogisticFit {
  const n = x.length;
  if (n === 0 || n !== y.length) throw new Error('x and y must be non-empty and of equal length');
  const p = x[0]!.length;
  if (x.some((row) => row.length !== p || row.some((v) => !Number.isFinite(v)))) {
    throw new Error('every row must have the same number of finite features');
  }
  const positives = y.reduce<number>((s, v) => s + v, 0);
  // The intercept is unpenalised, so with one class only it would run to ±∞.
  if (positives === 0 || positives === n) throw new Error('both classes (0 and 1) are needed');
  const { l2, maxIterations = 100, tolerance = 1e-9 } = options;
  if (!(l2 >= 0)) throw new Error('l2 must be ≥ 0');
  const prior = options.prior ?? new Array<number>(p).fill(0);
  if (prior.length !== p) throw new Error('prior must have one value per feature');

  // θ = [b, w₁…w_p]; start at the prior with the intercept at the base rate.
  const rate = positives / n;
  let theta = [Math.log(rate / (1 - rate)), ...prior];

  const objective = (t: readonly number[]) => {
    let s = 0;
    for (let i = 0; i < n; i++) {
      const z = linear(t, x[i]!);
      s += softplus(z) - y[i]! * z;
    }
    let pen = 0;
    for (let j = 0; j < p; j++) pen += (t[j + 1]! - prior[j]!) ** 2;
    return { loss: s, total: s + (l2 / 2) * pen };
  };

  let current = objective(theta);
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    iterations++;
    const grad = new Array<number>(p + 1).fill(0);
    const hess = Array.from({ length: p + 1 }, () => new Array<number>(p + 1).fill(0));
    for (let i = 0; i < n; i++) {
      const xi = x[i]!;
      const pi = sigmoid(linear(theta, xi));
      const r = pi - y[i]!;
      const w = Math.max(pi * (1 - pi), 1e-12);
      for (let a = 0; a <= p; a++) {
        const xa = a === 0 ? 1 : xi[a - 1]!;
        grad[a]! += r * xa;
        for (let b = a; b <= p; b++) hess[a]![b]! += w * xa * (b === 0 ? 1 : xi[b - 1]!);
      }
    }
    for (let a = 0; a <= p; a++) for (let b = 0; b < a; b++) hess[a]![b] = hess[b]![a]!;
    for (let j = 1; j <= p; j++) {
      grad[j]! += l2 * (theta[j]! - prior[j - 1]!);
      hess[j]![j]! += l2;
    }
    hess[0]![0]! += 1e-12; // keeps the system solvable when every row is identical

    const step = solveLinearSystem(hess, grad);
    // Step halving: Newton's full step can overshoot far from the optimum; the objective must decrease.
    let t = 1;
    let next = theta.map((v, k) => v - step[k]!);
    let nextObj = objective(next);
    while (nextObj.total > current.total + 1e-12 && t > 1e-8) {
      t /= 2;
      next = theta.map((v, k) => v - t * step[k]!);
      nextObj = objective(next);
    }
    const moved = Math.max(...step.map((s) => Math.abs(t * s)));
    theta = next;
    current = nextObj;
    if (moved < tolerance) {
      converged = true;
      break;
    }
  }
  return { intercept: theta[0]!, weights: theta.slice(1), iterations, converged, logLoss: current.loss / n };
}

function linear(theta: readonly number[], xi: readonly number[]): number {
  let z = theta[0]!;
  for (let j = 0; j < xi.length; j++) z += theta[j + 1]! * xi[j]!;
  return z;
}
