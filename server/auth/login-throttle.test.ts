import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LOGIN_THROTTLE, checkLoginThrottle } from './login-throttle.ts';
import { MemoryAuthStore } from './memory-store.ts';

const VICTIM = 'maria@arco.example';
const VICTIM_DEVICE = 'd'.repeat(64);
const T0 = new Date('2026-03-02T12:00:00.000Z').getTime();
const { windowMs, perAccount, perAccountAndSource } = LOGIN_THROTTLE;

/** An attacker's attempt: which account, from which address/device, how long after the previous one. */
const attemptArb = fc.record({
  victim: fc.boolean(),
  account: fc.constantFrom('joao@arco.example', 'nobody@arco.example', 'admin@arco.example'),
  ip: fc.constantFrom(...Array.from({ length: 8 }, (_, i) => `192.0.2.${i + 1}`), '2001:db8:1:2::/64'),
  device: fc.option(fc.constantFrom('a'.repeat(64), 'b'.repeat(64)), { nil: null }),
  // Mostly rapid-fire (a dense attack inside one window), sometimes a pause that lets blocks expire.
  gapMs: fc.oneof(
    { weight: 9, arbitrary: fc.integer({ min: 0, max: 10_000 }) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 10 * 60_000 }) },
  ),
});

type Attempt = typeof attemptArb extends fc.Arbitrary<infer A> ? A : never;

/** Plays attacker attempts the way the sign-in route does: refused ones are neither verified nor recorded. */
async function playAttack(store: MemoryAuthStore, attempts: readonly Attempt[]) {
  let now = T0;
  const allowedVictimFailures: number[] = [];
  for (const a of attempts) {
    now += a.gapMs;
    const subject = { accountKey: a.victim ? VICTIM : a.account, ip: a.ip, deviceKey: a.device };
    const verdict = await checkLoginThrottle(store, new Date(now), subject);
    if (!verdict.allowed) {
      expect(verdict.retryAfterSeconds).toBeGreaterThan(0);
      expect(verdict.retryAfterSeconds).toBeLessThanOrEqual(windowMs / 1000);
      continue;
    }
    if (a.victim) allowedVictimFailures.push(now);
    await store.recordLoginAttempt({ ...subject, userId: null, succeeded: false, at: new Date(now) });
  }
  return { now, allowedVictimFailures };
}

describe('checkLoginThrottle', () => {
  it("never blocks the user's own known device because of anyone else's failures", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(attemptArb, { minLength: 20, maxLength: 120, size: 'max' }),
        async (attempts) => {
          const store = new MemoryAuthStore();
          await store.recordLoginAttempt({
            accountKey: VICTIM,
            ip: '203.0.113.5',
            deviceKey: VICTIM_DEVICE,
            userId: 'u',
            succeeded: true,
            at: new Date(T0 - 24 * 60 * 60_000),
          });
          const { now } = await playAttack(store, attempts);
          // From any address — even one the attacker used.
          for (const ip of ['203.0.113.5', '192.0.2.1']) {
            const verdict = await checkLoginThrottle(store, new Date(now), {
              accountKey: VICTIM,
              ip,
              deviceKey: VICTIM_DEVICE,
            });
            expect(verdict).toEqual({ allowed: true, knownDevice: true });
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it(`lets unknown devices verify at most ${perAccount} wrong passwords per account in any ${windowMs / 60_000} minutes`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(attemptArb, { minLength: 40, maxLength: 150, size: 'max' }),
        async (attempts) => {
          const { allowedVictimFailures } = await playAttack(new MemoryAuthStore(), attempts);
          for (const start of allowedVictimFailures) {
            const inWindow = allowedVictimFailures.filter((t) => t >= start && t < start + windowMs);
            expect(inWindow.length).toBeLessThanOrEqual(perAccount);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('treats a device as known only for the account it signed in to', async () => {
    const store = new MemoryAuthStore();
    await store.recordLoginAttempt({
      accountKey: 'joao@arco.example',
      ip: '203.0.113.5',
      deviceKey: VICTIM_DEVICE,
      userId: 'u',
      succeeded: true,
      at: new Date(T0),
    });
    const subject = { accountKey: VICTIM, ip: '203.0.113.5', deviceKey: VICTIM_DEVICE };
    expect(await checkLoginThrottle(store, new Date(T0 + 1000), subject)).toEqual({
      allowed: true,
      knownDevice: false,
    });
  });

  it('forgets a known device after 90 days without a successful sign-in', async () => {
    const store = new MemoryAuthStore();
    await store.recordLoginAttempt({
      accountKey: VICTIM,
      ip: '203.0.113.5',
      deviceKey: VICTIM_DEVICE,
      userId: 'u',
      succeeded: true,
      at: new Date(T0),
    });
    const subject = { accountKey: VICTIM, ip: '203.0.113.5', deviceKey: VICTIM_DEVICE };
    const check = (ms: number) => checkLoginThrottle(store, new Date(T0 + ms), subject);
    expect((await check(LOGIN_THROTTLE.knownDeviceMs - 1)).knownDevice).toBe(true);
    expect((await check(LOGIN_THROTTLE.knownDeviceMs)).knownDevice).toBe(false);
  });

  it(`still limits a known device to ${perAccountAndSource} wrong passwords of its own`, async () => {
    const store = new MemoryAuthStore();
    const subject = { accountKey: VICTIM, ip: '203.0.113.5', deviceKey: VICTIM_DEVICE };
    await store.recordLoginAttempt({ ...subject, userId: 'u', succeeded: true, at: new Date(T0) });
    for (let i = 1; i <= perAccountAndSource; i++) {
      expect((await checkLoginThrottle(store, new Date(T0 + i), subject)).allowed).toBe(true);
      await store.recordLoginAttempt({ ...subject, userId: 'u', succeeded: false, at: new Date(T0 + i) });
    }
    const verdict = await checkLoginThrottle(store, new Date(T0 + 10), subject);
    expect(verdict).toEqual({ allowed: false, knownDevice: true, retryAfterSeconds: windowMs / 1000 });
  });
});
