import { describe, expect, it } from 'vitest';
import { createGa4Fake, ga4FakeDay } from './fakes/ga4-fake.ts';
import { createGa4Adapter, GA4_DEFAULT_BASE_URL } from './ga4.ts';
import { createSourceHttp, SourceError, type Fetch } from './http.ts';

/** The GA4 adapter against the local fake of the Data API's documented shapes (runReport). */
const NOW = new Date('2026-03-10T12:00:00.000Z');
const window = { from: '2026-02-11', to: '2026-03-10' };

function setup(pageSize?: number) {
  const fake = createGa4Fake();
  const sleeps: number[] = [];
  const fetch: Fetch = async (url, init) => fake.request(url, init);
  const http = createSourceHttp({
    fetch,
    sleep: async (ms) => void sleeps.push(ms),
    clock: () => NOW,
    random: () => 0.5,
    retry: { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 10_000 },
  });
  const adapter = createGa4Adapter({ baseUrl: GA4_DEFAULT_BASE_URL, ...(pageSize ? { pageSize } : {}) });
  const calls = async () =>
    (await (await fake.request('/_fake/calls')).json()) as { offset: number; limit: number }[];
  return { adapter, http, sleeps, calls };
}

describe('GA4 adapter', () => {
  it('reads every day of the window page by page and maps GA4 metrics to the portal’s daily metrics', async () => {
    const { adapter, http, calls } = setup(10);
    const result = await adapter.fetch({ ...window, token: 'ya29.token-ok', accountId: '123456' }, http);
    expect(result.kind).toBe('metrics');
    if (result.kind !== 'metrics') return;
    expect(result.days.length).toBe(28);
    expect(result.days[0]!.date).toBe('2026-02-11');
    expect(result.days.at(-1)!.date).toBe('2026-03-10');
    expect((await calls()).map((c) => [c.offset, c.limit])).toEqual([
      [0, 10],
      [10, 10],
      [20, 10],
    ]);
    const raw = ga4FakeDay('123456', '2026-03-01');
    expect(result.days.find((d) => d.date === '2026-03-01')).toEqual({
      date: '2026-03-01',
      sessions: raw.sessions,
      pageviews: raw.screenPageViews,
      bounceRate: Math.round(raw.bounceRate * 10_000) / 100,
      avgSessionSeconds: Math.round(raw.averageSessionDuration),
      conversions: raw.keyEvents,
      revenueCents: Math.round(raw.totalRevenue * 100),
    });
  });

  it('waits out 429 RESOURCE_EXHAUSTED as Retry-After says, then imports', async () => {
    const { adapter, http, sleeps } = setup();
    const result = await adapter.fetch({ ...window, token: 'ya29.ratelimit', accountId: '123456' }, http);
    expect(result.kind === 'metrics' && result.days.length).toBe(28);
    expect(sleeps).toEqual([1000, 1000]);
    expect(http.attempts()).toBe(3);
  });

  it('fails with the provider’s error for a bad token (not retried) and an unavailable service (retried)', async () => {
    const bad = setup();
    const error = await bad.adapter
      .fetch({ ...window, token: 'ya29.invalid', accountId: '123456' }, bad.http)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as Error).message).toBe(
      'HTTP 401 UNAUTHENTICATED: Request had invalid authentication credentials.',
    );
    expect(bad.http.attempts()).toBe(1);

    const down = setup();
    await expect(
      down.adapter.fetch({ ...window, token: 'ya29.down', accountId: '123456' }, down.http),
    ).rejects.toThrow('HTTP 503 UNAVAILABLE');
    expect(down.http.attempts()).toBe(4);
    expect(down.sleeps).toEqual([100, 200, 400]);
  });

  it('an empty report (GA4 omits rows and rowCount) is zero days, in one request', async () => {
    const fake = createGa4Fake();
    const http = createSourceHttp({
      fetch: async (url, init) =>
        url.includes(':runReport')
          ? new Response(
              JSON.stringify({ dimensionHeaders: [{ name: 'date' }], metricHeaders: [], kind: 'x' }),
            )
          : fake.request(url, init),
      sleep: async () => undefined,
      clock: () => NOW,
    });
    const adapter = createGa4Adapter({ baseUrl: GA4_DEFAULT_BASE_URL });
    expect(await adapter.fetch({ ...window, token: 't-12345678', accountId: '1' }, http)).toEqual({
      kind: 'metrics',
      days: [],
    });
    expect(http.attempts()).toBe(1);
  });
});
