import { describe, expect, it } from 'vitest';
import { backoffMs, createSourceHttp, retryAfterMs, SourceError, type Fetch } from './http.ts';

const NOW = new Date('2026-03-10T12:00:00.000Z');
const policy = { maxAttempts: 4, baseDelayMs: 1000, maxDelayMs: 60_000 };

function scripted(answers: (() => Response)[]) {
  const calls: string[] = [];
  const fetch: Fetch = async (url) => {
    calls.push(url);
    const next = answers.shift();
    if (!next) throw new Error('no more answers');
    return next();
  };
  return { fetch, calls };
}
const json =
  (status: number, body: unknown, headers: Record<string, string> = {}) =>
  () =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json', ...headers },
    });

describe('retryAfterMs', () => {
  it.each([
    ['120', 120_000],
    ['0', 0],
    ['Tue, 10 Mar 2026 12:00:30 GMT', 30_000],
    ['Tue, 10 Mar 2026 11:00:00 GMT', 0],
    ['soon', null],
  ])('%s → %s', (value, expected) => expect(retryAfterMs(value, NOW)).toBe(expected));
  it('absent → null', () => expect(retryAfterMs(null, NOW)).toBeNull());
});

describe('backoffMs', () => {
  it.each([
    [1, 0.5, 1000],
    [2, 0.5, 2000],
    [3, 0, 3000],
    [3, 1, 5000],
    [10, 0.5, 60_000],
  ])('attempt %i, random %s → %i ms', (attempt, r, ms) =>
    expect(backoffMs(policy, attempt, () => r)).toBe(ms),
  );
});

describe('createSourceHttp', () => {
  const make = (fetch: Fetch) => {
    const sleeps: number[] = [];
    const http = createSourceHttp({
      fetch,
      sleep: async (ms) => void sleeps.push(ms),
      clock: () => NOW,
      random: () => 0.5,
      retry: policy,
    });
    return { http, sleeps };
  };

  it('honours 429 Retry-After over a shorter backoff, then succeeds', async () => {
    const { fetch, calls } = scripted([
      json(
        429,
        { error: { code: 429, status: 'RESOURCE_EXHAUSTED', message: 'quota' } },
        { 'retry-after': '7' },
      ),
      json(200, { ok: 1 }),
    ]);
    const { http, sleeps } = make(fetch);
    expect(await http.json('https://x/a', {}, (b) => b)).toEqual({ ok: 1 });
    expect(sleeps).toEqual([7000]);
    expect(calls.length).toBe(2);
    expect(http.attempts()).toBe(2);
  });

  it('backs off exponentially on 5xx and network errors, and gives up after maxAttempts', async () => {
    const { fetch } = scripted([
      json(503, { error: { message: 'down', status: 'UNAVAILABLE' } }),
      () => {
        throw new TypeError('fetch failed');
      },
      json(500, {}),
      json(503, { error: { message: 'still down', status: 'UNAVAILABLE' } }),
    ]);
    const { http, sleeps } = make(fetch);
    const error = await http.json('https://x/a', {}, (b) => b).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as SourceError).message).toBe('HTTP 503 UNAVAILABLE: still down');
    expect((error as SourceError).status).toBe(503);
    expect(sleeps).toEqual([1000, 2000, 4000]);
    expect(http.attempts()).toBe(4);
  });

  it('never retries a 401 and never caps Retry-After past maxDelayMs', async () => {
    const { fetch } = scripted([
      json(401, { error: { message: 'bad credentials', status: 'UNAUTHENTICATED' } }),
    ]);
    const { http, sleeps } = make(fetch);
    await expect(http.json('https://x/a', {}, (b) => b)).rejects.toThrow(
      'HTTP 401 UNAUTHENTICATED: bad credentials',
    );
    expect(sleeps).toEqual([]);

    const long = scripted([json(429, {}, { 'retry-after': '3600' }), json(200, {})]);
    const capped = make(long.fetch);
    await capped.http.json('https://x/a', {}, (b) => b);
    expect(capped.sleeps).toEqual([60_000]);
  });
});
