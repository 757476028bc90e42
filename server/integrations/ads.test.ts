import { describe, expect, it } from 'vitest';
import { createGoogleAdsFake, GOOGLE_ADS_FAKE_CAMPAIGNS, googleAdsFakeDay } from './fakes/google-ads-fake.ts';
import { createMetaFake, META_FAKE_CAMPAIGNS, metaFakeDay } from './fakes/meta-fake.ts';
import { createGoogleAdsAdapter, GOOGLE_ADS_DEFAULT_BASE_URL } from './google-ads.ts';
import { createSourceHttp, SourceError, type Fetch } from './http.ts';
import { createMetaAdsAdapter, META_DEFAULT_BASE_URL } from './meta-ads.ts';

/** The Google Ads (searchStream) and Meta Ads (insights) adapters against their local fakes. */
const NOW = new Date('2026-03-10T12:00:00.000Z');
const window = { from: '2026-02-11', to: '2026-03-10' };

function httpOver(app: { request: (url: string, init?: RequestInit) => Response | Promise<Response> }) {
  const sleeps: number[] = [];
  const urls: string[] = [];
  const fetch: Fetch = async (url, init) => {
    urls.push(url);
    return app.request(url, init);
  };
  const http = createSourceHttp({
    fetch,
    sleep: async (ms) => void sleeps.push(ms),
    clock: () => NOW,
    random: () => 0.5,
    retry: { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 10_000 },
  });
  return { http, sleeps, urls };
}

describe('Google Ads adapter (searchStream)', () => {
  const adapter = createGoogleAdsAdapter({ baseUrl: GOOGLE_ADS_DEFAULT_BASE_URL });

  it('reads every batch of the stream into campaigns with their daily metrics, budget and status', async () => {
    const { http } = httpOver(createGoogleAdsFake());
    const result = await adapter.fetch(
      { ...window, token: 'ya29.ok-token', accountId: '123-456-7890' },
      http,
    );
    if (result.kind !== 'campaigns') throw new Error('expected campaigns');
    expect(result.platform).toBe('google_ads');
    expect(
      result.campaigns.map((c) => [c.externalId, c.status, c.type, c.dailyBudgetCents, c.days.length]),
    ).toEqual([
      ['9001', 'active', 'search', 15_000, 28],
      ['9002', 'paused', 'display', 8_000, 28],
    ]);
    const raw = googleAdsFakeDay('1234567890', GOOGLE_ADS_FAKE_CAMPAIGNS[0].id, '2026-03-01');
    expect(result.campaigns[0]!.days.find((d) => d.date === '2026-03-01')).toEqual({
      date: '2026-03-01',
      impressions: Number(raw.impressions),
      clicks: Number(raw.clicks),
      spendCents: Math.round(Number(raw.costMicros) / 10_000),
      conversions: raw.conversions,
      revenueCents: Math.round(raw.conversionsValue * 100),
    });
  });

  it('sends the bearer token and, when configured, the developer token as headers — never in the URL', async () => {
    const fake = createGoogleAdsFake();
    const seen: { url: string; headers: Headers }[] = [];
    const { http } = httpOver({
      request: (url, init) => {
        seen.push({ url, headers: new Headers(init?.headers) });
        return fake.request(url, init);
      },
    });
    const withDev = createGoogleAdsAdapter({
      baseUrl: GOOGLE_ADS_DEFAULT_BASE_URL,
      developerToken: 'dev-123',
    });
    await withDev.fetch({ ...window, token: 'ya29.ok-token', accountId: '1234567890' }, http);
    expect(
      seen.map((s) => [s.url, s.headers.get('authorization'), s.headers.get('developer-token')]),
    ).toEqual([
      [
        'https://googleads.googleapis.com/v21/customers/1234567890/googleAds:searchStream',
        'Bearer ya29.ok-token',
        'dev-123',
      ],
    ]);
  });

  it('waits out 429 Retry-After; a bad token fails at once with the provider message', async () => {
    const limited = httpOver(createGoogleAdsFake());
    await adapter.fetch({ ...window, token: 'ya29.ratelimit', accountId: '1234567890' }, limited.http);
    expect(limited.sleeps).toEqual([1000, 1000]);
    const bad = httpOver(createGoogleAdsFake());
    const error = await adapter
      .fetch({ ...window, token: 'ya29.invalid', accountId: '1234567890' }, bad.http)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as Error).message).toBe(
      'HTTP 401 UNAUTHENTICATED: Request is missing required authentication credential.',
    );
    expect(bad.http.attempts()).toBe(1);
  });
});

describe('Meta Ads adapter (insights, level=campaign, time_increment=1)', () => {
  const adapter = createMetaAdsAdapter({ baseUrl: META_DEFAULT_BASE_URL });

  it('follows paging.next through every page and joins the campaigns’ budgets and statuses', async () => {
    const { http, urls } = httpOver(createMetaFake());
    const result = await adapter.fetch({ ...window, token: 'EAAB-ok-token', accountId: '777' }, http);
    if (result.kind !== 'campaigns') throw new Error('expected campaigns');
    // 28 days × 3 campaigns = 84 insight rows at 200 a page → 1 page; the campaigns edge → 1 page.
    expect(urls.filter((u) => u.includes('/insights')).length).toBe(1);
    expect(urls.every((u) => !u.includes('EAAB-ok-token'))).toBe(true);
    expect(
      result.campaigns.map((c) => [c.externalId, c.status, c.dailyBudgetCents, c.startDate, c.days.length]),
    ).toEqual([
      ['23850001', 'active', 12_000, '2026-01-05', 28],
      ['23850002', 'active', 8_000, '2026-02-01', 28],
      ['23850003', 'paused', 5_000, '2026-02-15', 28],
    ]);
    const raw = metaFakeDay('777', META_FAKE_CAMPAIGNS[1].id, '2026-03-01');
    const purchases = Number(raw.actions.find((a) => a.action_type === 'purchase')!.value);
    const leads = Number(raw.actions.find((a) => a.action_type === 'lead')!.value);
    expect(result.campaigns[1]!.days.find((d) => d.date === '2026-03-01')).toEqual({
      date: '2026-03-01',
      impressions: Number(raw.impressions),
      clicks: Number(raw.clicks),
      spendCents: Math.round(Number(raw.spend) * 100),
      conversions: purchases + leads,
      revenueCents: Math.round(Number(raw.action_values[0]!.value) * 100),
    });
  });

  it('pages with small limits exactly like with one page', async () => {
    const fake = createMetaFake();
    const { http, urls } = httpOver({
      // The fake honours `limit`: force 10 a page to walk the cursors.
      request: (url, init) => fake.request(url.replace('limit=200', 'limit=10'), init),
    });
    const result = await adapter.fetch({ ...window, token: 'EAAB-ok-token', accountId: '777' }, http);
    expect(urls.filter((u) => u.includes('/insights')).length).toBe(9);
    expect(result.kind === 'campaigns' && result.campaigns.map((c) => c.days.length)).toEqual([28, 28, 28]);
  });

  it('retries Graph’s rate limit (HTTP 400, code 17, is_transient) and fails on an invalid token (190)', async () => {
    const limited = httpOver(createMetaFake());
    await adapter.fetch({ ...window, token: 'EAAB-ratelimit', accountId: '777' }, limited.http);
    expect(limited.sleeps).toEqual([100, 200]);
    const bad = httpOver(createMetaFake());
    await expect(
      adapter.fetch({ ...window, token: 'EAAB-invalid', accountId: '777' }, bad.http),
    ).rejects.toThrow('HTTP 400 Invalid OAuth access token - Cannot parse access token');
    expect(bad.http.attempts()).toBe(1);
  });

  it('refuses a paging.next that leaves the API host (the token must not follow it)', async () => {
    const { http } = httpOver({
      request: () =>
        new Response(JSON.stringify({ data: [], paging: { next: 'https://evil.example/steal' } }), {
          headers: { 'content-type': 'application/json' },
        }),
    });
    await expect(
      adapter.fetch({ ...window, token: 'EAAB-ok-token', accountId: '777' }, http),
    ).rejects.toThrow('Meta paging pointed outside the API');
  });
});
