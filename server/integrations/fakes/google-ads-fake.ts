import { Hono } from 'hono';
import { datesBetween, fakeHash, fakeTokenMode } from './fake-data.ts';

/**
 * A local Google Ads API (REST) for development and tests: `POST /{version}/customers/{id}/googleAds:searchStream`
 * with a GAQL `query`, answering the documented stream shape — a JSON array of batches, each
 * `{results: [{campaign, campaignBudget, metrics, segments}], fieldMask, requestId}`, int64 values as strings
 * (`costMicros`), `conversions`/`conversionsValue` as numbers — and Google's error body. The query is checked for
 * what the adapter relies on (FROM campaign, segments.date BETWEEN two dates). Token-driven failures as in
 * fake-data.ts (`ratelimit` → 429 RESOURCE_EXHAUSTED with Retry-After: 1, twice per token).
 */
export const GOOGLE_ADS_FAKE_CAMPAIGNS = [
  { id: '9001', name: 'Search — Marca', status: 'ENABLED', channel: 'SEARCH', budgetMicros: 150_000_000 },
  {
    id: '9002',
    name: 'Display — Remarketing',
    status: 'PAUSED',
    channel: 'DISPLAY',
    budgetMicros: 80_000_000,
  },
] as const;

export function googleAdsFakeDay(customerId: string, campaignId: string, date: string) {
  const h = fakeHash(`${customerId}|${campaignId}|${date}`);
  const impressions = 2000 + (h % 3000);
  return {
    impressions: String(impressions),
    clicks: String(Math.round(impressions * 0.04) + (h % 13)),
    costMicros: String((80 + (h % 120)) * 1_000_000 + 450_000),
    conversions: (h >>> 8) % 9,
    conversionsValue: ((h >>> 12) % 2000) + 0.5,
  };
}

const googleError = (code: number, status: string, message: string) => ({ error: { code, message, status } });
/** Results per batch: small, so a month of two campaigns spans several batches. */
const BATCH = 25;

export function createGoogleAdsFake(): Hono {
  const app = new Hono();
  const throttled = new Map<string, number>();
  app.post('/:version/customers/:customerId/:call', async (c) => {
    const customerId = c.req.param('customerId');
    if (c.req.param('call') !== 'googleAds:searchStream' || !/^\d{10}$/.test(customerId))
      return c.json(googleError(404, 'NOT_FOUND', 'Requested entity was not found.'), 404);
    const auth = c.req.header('authorization') ?? '';
    const token = auth.startsWith('Bearer ') ? auth.slice(7) : '';
    const mode = token ? fakeTokenMode(token) : 'invalid';
    if (mode === 'invalid')
      return c.json(
        googleError(401, 'UNAUTHENTICATED', 'Request is missing required authentication credential.'),
        401,
      );
    if (mode === 'down')
      return c.json(googleError(503, 'UNAVAILABLE', 'The service is currently unavailable.'), 503);
    if (mode === 'rate-limited') {
      const seen = throttled.get(token) ?? 0;
      throttled.set(token, seen + 1);
      if (seen < 2) {
        c.header('Retry-After', '1');
        return c.json(googleError(429, 'RESOURCE_EXHAUSTED', 'Too many requests. Retry in 1 seconds.'), 429);
      }
    }
    const body = (await c.req.json().catch(() => null)) as { query?: unknown } | null;
    const query = typeof body?.query === 'string' ? body.query : '';
    const range = /segments\.date\s+BETWEEN\s+'(\d{4}-\d{2}-\d{2})'\s+AND\s+'(\d{4}-\d{2}-\d{2})'/i.exec(
      query,
    );
    if (!/\bFROM\s+campaign\b/i.test(query) || !range || range[1]! > range[2]!)
      return c.json(googleError(400, 'INVALID_ARGUMENT', 'Error in query: unexpected input.'), 400);
    const results = datesBetween(range[1]!, range[2]!).flatMap((date) =>
      GOOGLE_ADS_FAKE_CAMPAIGNS.map((campaign) => ({
        campaign: {
          resourceName: `customers/${customerId}/campaigns/${campaign.id}`,
          id: campaign.id,
          name: campaign.name,
          status: campaign.status,
          advertisingChannelType: campaign.channel,
        },
        campaignBudget: {
          resourceName: `customers/${customerId}/campaignBudgets/${campaign.id}`,
          amountMicros: String(campaign.budgetMicros),
        },
        metrics: googleAdsFakeDay(customerId, campaign.id, date),
        segments: { date },
      })),
    );
    const batches = [];
    for (let i = 0; i < results.length; i += BATCH)
      batches.push({
        results: results.slice(i, i + BATCH),
        fieldMask:
          'campaign.id,campaign.name,campaign.status,campaign.advertisingChannelType,campaignBudget.amountMicros,metrics.impressions,metrics.clicks,metrics.costMicros,metrics.conversions,metrics.conversionsValue,segments.date',
        requestId: `fake-${fakeHash(query + i)}`,
      });
    return c.json(batches);
  });
  return app;
}
