import { hash, parseOptions, verify, type Algorithm, type Options } from '@node-rs/argon2';

/**
 * Password hashing policy (docs/architecture.md §6): argon2id, m = 19 MiB, t = 2, p = 1 (OWASP's minimum for argon2id).
 * The demo seeder and any user-management code must hash through `hashPassword` so every stored hash
 * follows this policy.
 */
export const ARGON2_POLICY = {
  // `Algorithm` is an ambient const enum (unusable under isolatedModules); 2 is Algorithm.Argon2id.
  algorithm: 2 as Algorithm,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const satisfies Options;

/** Longer inputs are refused before hashing, so a megabyte "password" cannot be used to burn CPU. */
export const MAX_PASSWORD_LENGTH = 1024;

/**
 * A hash of a random, discarded password with the same parameters as the policy. Sign-in verifies against
 * it when the account does not exist (or has no password), so an unknown email costs the same argon2 work
 * as a wrong password — the response time does not reveal which emails have accounts.
 */
export const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$NNhAVXT+YzezzfOgQ9+VwA$2tjyAMVoBMo8ldRYCBdADTlmWszQw5kZqNFHcLqSeEs';

export async function hashPassword(password: string): Promise<string> {
  if (password.length > MAX_PASSWORD_LENGTH) throw new RangeError('password too long');
  return hash(password, ARGON2_POLICY);
}

/**
 * Verifies `password` against `storedHash`, or against DUMMY_HASH when there is no stored hash (and then
 * always answers false). A malformed stored hash counts as a mismatch, never as an exception to the caller.
 */
export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  if (password.length > MAX_PASSWORD_LENGTH) return false;
  try {
    const ok = await verify(storedHash ?? DUMMY_HASH, password);
    return ok && storedHash !== null;
  } catch {
    return false;
  }
}

/** True when a stored hash is weaker than the current policy (re-hash it after the next successful sign-in). */
export function needsRehash(storedHash: string): boolean {
  try {
    const o = parseOptions(storedHash);
    return (
      o.algorithm !== ARGON2_POLICY.algorithm ||
      o.memoryCost < ARGON2_POLICY.memoryCost ||
      o.timeCost < ARGON2_POLICY.timeCost
    );
  } catch {
    return true;
  }
}
