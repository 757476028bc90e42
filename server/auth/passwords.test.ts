import { hash, parseOptions } from '@node-rs/argon2';
import { describe, expect, it } from 'vitest';
import {
  ARGON2_POLICY,
  DUMMY_HASH,
  MAX_PASSWORD_LENGTH,
  hashPassword,
  needsRehash,
  verifyPassword,
} from './passwords.ts';

describe('passwords', () => {
  it('hashes with argon2id, m ≥ 19 MiB, t ≥ 2, p = 1 and a fresh salt each time', async () => {
    const a = await hashPassword('arco-demo');
    const b = await hashPassword('arco-demo');
    expect(a).not.toBe(b);
    const o = parseOptions(a);
    expect(o.algorithm).toBe(2); // Argon2id
    expect(o.memoryCost).toBeGreaterThanOrEqual(19_456);
    expect(o.timeCost).toBeGreaterThanOrEqual(2);
    expect(o.parallelism).toBe(1);
    expect(a.startsWith('$argon2id$')).toBe(true);
  });

  it('verifies the right password only', async () => {
    const stored = await hashPassword('arco-demo');
    expect(await verifyPassword(stored, 'arco-demo')).toBe(true);
    expect(await verifyPassword(stored, 'arco-demo ')).toBe(false);
    expect(await verifyPassword(stored, 'ARCO-DEMO')).toBe(false);
  });

  it('uses a dummy hash with the same cost when there is no account, and never succeeds', async () => {
    expect(parseOptions(DUMMY_HASH)).toMatchObject({
      algorithm: ARGON2_POLICY.algorithm,
      memoryCost: ARGON2_POLICY.memoryCost,
      timeCost: ARGON2_POLICY.timeCost,
      parallelism: ARGON2_POLICY.parallelism,
    });
    expect(await verifyPassword(null, '')).toBe(false);
    expect(await verifyPassword(null, 'arco-demo')).toBe(false);
  });

  it('treats a malformed stored hash and an oversized password as a mismatch', async () => {
    expect(await verifyPassword('not-a-hash', 'x')).toBe(false);
    const stored = await hashPassword('x');
    expect(await verifyPassword(stored, 'x'.repeat(MAX_PASSWORD_LENGTH + 1))).toBe(false);
    await expect(hashPassword('x'.repeat(MAX_PASSWORD_LENGTH + 1))).rejects.toThrow(RangeError);
  });

  it('asks for a re-hash only when the stored hash is weaker than the policy', async () => {
    expect(needsRehash(await hashPassword('x'))).toBe(false);
    expect(needsRehash(await hash('x', { ...ARGON2_POLICY, memoryCost: 4096 }))).toBe(true);
    expect(needsRehash(await hash('x', { ...ARGON2_POLICY, timeCost: 1 }))).toBe(true);
    expect(needsRehash('garbage')).toBe(true);
  });
});
