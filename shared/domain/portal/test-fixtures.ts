/**
 * Deterministic ids for the portal rule tests (no randomness in tests either). Not exported from the package.
 */
export const uuid = (n: number): string => `0199a0e0-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;
