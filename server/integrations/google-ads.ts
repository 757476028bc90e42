import { z } from 'zod';
import type { Campaign } from '../../shared/entities/portal.ts';
import type { CampaignImport, SourceAdapter } from './adapter.ts';
import { SourceError } from './http.ts';

/**
 * Google Ads through the REST `googleAds:searchStream` with one GAQL query: every campaign's daily impressions,
 * clicks, cost, conversions and conversion value in the window, with its name, status, channel and budget. The
 * answer is a JSON array of batches (`results[]` of `campaign`, `campaignBudget`, `metrics`, `segments.date`);
 * int64 fields come as strings. Money: micros → cents. The account id is the 10-digit customer id (dashes
 * dropped). `developer-token` is sent when configured (the real API requires it; the fake does not).
 */
export const GOOGLE_ADS_DEFAULT_BASE_URL = 'https://googleads.googleapis.com';
export const GOOGLE_ADS_API_VERSION = 'v21';

const num = z.union([z.string(), z.number()]).transform((v) => Number(v) || 0);
const streamSchema = z.array(
  z.object({
    results: z
      .array(
        z.object({
          campaign: z.object({
            id: z.union([z.string(), z.number()]).transform(String),
            name: z.string().default(''),
            status: z.string().default('UNKNOWN'),
            advertisingChannelType: z.string().default('UNKNOWN'),
          }),
          campaignBudget: z.object({ amountMicros: num.optional() }).optional(),
          metrics: z
            .object({
              impressions: num.optional(),
              clicks: num.optional(),
              costMicros: num.optional(),
              conversions: num.optional(),
              conversionsValue: num.optional(),
            })
            .default({}),
          segments: z.object({ date: z.iso.date() }),
        }),
      )
      .default([]),
  }),
);

const STATUS: Record<string, Campaign['status']> = {
  ENABLED: 'active',
  PAUSED: 'paused',
  REMOVED: 'completed',
};
const TYPE: Record<string, Campaign['type']> = {
  SEARCH: 'search',
  DISPLAY: 'display',
  SHOPPING: 'shopping',
  VIDEO: 'video',
  PERFORMANCE_MAX: 'other',
};
const microsToCents = (micros: number) => Math.max(0, Math.round(micros / 10_000));

export function createGoogleAdsAdapter(options: {
  readonly baseUrl: string;
  readonly developerToken?: string;
}): SourceAdapter {
  return {
    source: 'google_ads',
    async fetch(request, http) {
      const customerId = request.accountId.replace(/-/g, '');
      const query = [
        'SELECT campaign.id, campaign.name, campaign.status, campaign.advertising_channel_type,',
        'campaign_budget.amount_micros, metrics.impressions, metrics.clicks, metrics.cost_micros,',
        'metrics.conversions, metrics.conversions_value, segments.date',
        `FROM campaign WHERE segments.date BETWEEN '${request.from}' AND '${request.to}'`,
        'ORDER BY segments.date',
      ].join(' ');
      const batches = await http.json(
        `${options.baseUrl.replace(/\/$/, '')}/${GOOGLE_ADS_API_VERSION}/customers/${encodeURIComponent(customerId)}/googleAds:searchStream`,
        {
          method: 'POST',
          headers: {
            authorization: `Bearer ${request.token}`,
            'content-type': 'application/json',
            ...(options.developerToken ? { 'developer-token': options.developerToken } : {}),
          },
          body: JSON.stringify({ query }),
        },
        (body) => {
          const parsed = streamSchema.safeParse(body);
          if (!parsed.success)
            throw new SourceError('Google Ads answered a stream of an unknown shape', null, false);
          return parsed.data;
        },
      );
      const campaigns = new Map<
        string,
        { item: Omit<CampaignImport, 'days'>; days: CampaignImport['days'][number][] }
      >();
      for (const row of batches.flatMap((b) => b.results)) {
        const id = row.campaign.id;
        const entry = campaigns.get(id) ?? {
          item: {
            externalId: id,
            name: row.campaign.name,
            status: STATUS[row.campaign.status] ?? 'paused',
            type: TYPE[row.campaign.advertisingChannelType] ?? 'other',
            dailyBudgetCents:
              row.campaignBudget?.amountMicros === undefined
                ? null
                : microsToCents(row.campaignBudget.amountMicros),
            startDate: null,
          },
          days: [],
        };
        const m = row.metrics;
        entry.days.push({
          date: row.segments.date,
          impressions: Math.round(m.impressions ?? 0),
          clicks: Math.round(m.clicks ?? 0),
          spendCents: microsToCents(m.costMicros ?? 0),
          conversions: Math.round(m.conversions ?? 0),
          revenueCents: Math.max(0, Math.round((m.conversionsValue ?? 0) * 100)),
        });
        campaigns.set(id, entry);
      }
      return {
        kind: 'campaigns',
        platform: 'google_ads',
        campaigns: [...campaigns.values()].map(({ item, days }) => ({ ...item, days })),
      };
    },
  };
}
