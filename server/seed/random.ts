/**
 * Seeded randomness for the demo-data generator.
 *
 * Invariants:
 * - Everything random in `server/seed/` comes from an `Rng` built here; nothing reads `Math.random()`, so the
 *   same seed gives byte-identical output on every machine (mulberry32 is integer-only: no float drift).
 * - Streams are derived by name (`deriveSeed(seed, 'arco', 'customer', 42)`), so customer #42 is generated
 *   from its own stream: scaling the portfolio from 90 to 10 000 customers leaves the first 90 unchanged.
 * - UUIDs are v7-shaped (RFC 9562): the creation instant in the first 48 bits, PRNG bits in the rest, version
 *   and variant bits set — `z.uuid()` accepts them and they sort by creation time like the device's own ids.
 */

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max] (both inclusive). */
  int(min: number, max: number): number;
  /** Float in [min, max). */
  float(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks by relative weight: `weighted([['a', 3], ['b', 1]])` returns 'a' three times as often. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
  /** Fisher–Yates on a copy. */
  shuffle<T>(items: readonly T[]): T[];
  /** `count` distinct items (or all of them when there are fewer). */
  sample<T>(items: readonly T[], count: number): T[];
  /** Approximately normal (sum of three uniforms), cheap and bounded to mean ± 3·sd. */
  normal(mean: number, sd: number): number;
  /** A v7-shaped UUID stamped with `createdAtMs`. */
  uuid(createdAtMs: number): string;
}

/**
 * mulberry32 (tiny, fast, full 2^32 period — plenty for demo data) behind the `Rng` helpers. A class so the
 * helpers live on the prototype: a generation creates two streams per customer.
 */
class Mulberry32 implements Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  private u32(): number {
    return Math.floor(this.next() * 4294967296) >>> 0;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of entries) total += w;
    let r = this.next() * total;
    for (const [value, w] of entries) {
      r -= w;
      if (r < 0) return value;
    }
    const last = entries[entries.length - 1];
    if (!last) throw new RangeError('weighted pick from an empty list');
    return last[0];
  }

  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy;
  }

  sample<T>(items: readonly T[], count: number): T[] {
    return this.shuffle(items).slice(0, Math.max(0, count));
  }

  normal(mean: number, sd: number): number {
    return mean + sd * ((this.next() + this.next() + this.next()) * 2 - 3);
  }

  uuid(createdAtMs: number): string {
    const ms = Math.max(0, Math.min(Math.floor(createdAtMs), 2 ** 48 - 1));
    const hi = Math.floor(ms / 0x1000000); // top 24 of the 48 time bits
    const lo = ms - hi * 0x1000000;
    const a = this.u32();
    const b = this.u32();
    const c = this.u32();
    // Array#join gives a flat string (a template literal would keep a rope of concatenation nodes).
    return [
      HEX[hi >>> 16],
      hex16(hi & 0xffff),
      HEX[lo >>> 16],
      '-',
      hex16(lo & 0xffff),
      '-',
      hex16(0x7000 | (a & 0xfff)),
      '-',
      hex16(0x8000 | ((a >>> 12) & 0x3fff)),
      '-',
      hex16(b >>> 16),
      hex16(b & 0xffff),
      hex16(c & 0xffff),
    ].join('');
  }
}

/** A v7-shaped UUID formatter needs hex digits; precomputed because it is on the generator's hot path. */
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const hex16 = (v: number) => (HEX[(v >>> 8) & 255] as string) + (HEX[v & 255] as string);

/** A seeded random stream. */
export function createRng(seed: number): Rng {
  return new Mulberry32(seed);
}

/** A 32-bit seed for a named sub-stream (FNV-1a over the parts, then a murmur3 finaliser for avalanche). */
export function deriveSeed(...parts: readonly (string | number)[]): number {
  let h = 0x811c9dc5;
  const text = parts.join('\u001f');
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
