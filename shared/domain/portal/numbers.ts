/**
 * Number helpers shared by the portal rules.
 *
 * Display policy (documented in docs/domain-client.md): ratios shown to a client are **truncated toward
 * zero**, never rounded up, so the number on screen never overstates a result. The seed's own figures follow
 * this rule: ROI 408.23…% → "408%", R$ 5.0823… per R$ 1 → "R$ 5,08", lift 34.78…% → "+34,7%".
 */

/** Tolerance against binary floating point (e.g. 4.08 * 100 = 407.99999999999994). */
const FLOAT_EPSILON = 1e-9;

export function truncateTowardZero(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const scaled = value * factor;
  const truncated = scaled >= 0 ? Math.floor(scaled + FLOAT_EPSILON) : Math.ceil(scaled - FLOAT_EPSILON);
  // `+ 0` turns -0 into 0 so callers never print "-0".
  return truncated / factor + 0;
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** pt-BR decimal rendering with a fixed number of decimals (comma as decimal separator, dot for thousands). */
export function formatDecimalPtBr(value: number, decimals: number): string {
  return new Intl.NumberFormat('pt-BR', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    roundingMode: 'trunc',
  }).format(value);
}

/** A signed percentage for display: "+34,7%", "-12%", "0%". `value` is already truncated. */
export function formatSignedPercentPtBr(value: number, decimals: number): string {
  const body = formatDecimalPtBr(Math.abs(value), decimals);
  if (value > 0) return `+${body}%`;
  if (value < 0) return `-${body}%`;
  return `${body}%`;
}
