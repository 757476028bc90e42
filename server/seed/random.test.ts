import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createRng, deriveSeed } from './random.ts';

describe('seeded randomness', () => {
  it('repeats the same stream for the same seed and differs for another', () => {
    const draw = (seed: number) => {
      const rng = createRng(seed);
      return Array.from({ length: 20 }, () => rng.next());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('derives distinct sub-stream seeds from names', () => {
    const seeds = new Set<number>();
    for (let i = 0; i < 1000; i++) seeds.add(deriveSeed(1, 'arco', 'customer', i));
    expect(seeds.size).toBe(1000);
    expect(deriveSeed(1, 'arco', 'customer', 7)).toBe(deriveSeed(1, 'arco', 'customer', 7));
    expect(deriveSeed(1, 'arco', 'customer', 7)).not.toBe(deriveSeed(2, 'arco', 'customer', 7));
  });

  it('keeps int, float, pick and sample within their bounds', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: -1000, max: 1000 }), fc.nat(1000), (seed, min, span) => {
        const rng = createRng(seed);
        const n = rng.int(min, min + span);
        expect(n).toBeGreaterThanOrEqual(min);
        expect(n).toBeLessThanOrEqual(min + span);
        expect(Number.isInteger(n)).toBe(true);
        const f = rng.float(min, min + span + 1);
        expect(f >= min && f < min + span + 1).toBe(true);
        const items = Array.from({ length: (span % 10) + 1 }, (_, i) => i);
        expect(items).toContain(rng.pick(items));
        expect(new Set(rng.sample(items, 3)).size).toBe(Math.min(3, items.length));
      }),
    );
  });

  it('makes v7 UUIDs that carry their creation instant and that z.uuid() accepts', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 0, max: 2 ** 48 - 1 }), (seed, ms) => {
        const id = createRng(seed).uuid(ms);
        expect(z.uuid().safeParse(id).success).toBe(true);
        expect(id[14]).toBe('7');
        expect('89ab').toContain(id[19]);
        expect(parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).toBe(ms);
      }),
    );
  });
});
